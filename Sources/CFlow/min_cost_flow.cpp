// The C API of cflow.h over LEMON's network simplex (Boost-licensed, Debian's liblemon-dev).
#include "cflow.h"

#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <exception>
#include <vector>

extern "C" cflow_status cflow_min_cost_flow(int32_t node_count, const int64_t *supply,
                                            int32_t arc_count, const int32_t *arc_source, const int32_t *arc_target,
                                            const int64_t *arc_capacity, const int64_t *arc_cost,
                                            int64_t *arc_flow, int64_t *total_cost, int64_t *node_potential) {
    using Graph = lemon::SmartDigraph;
    using Simplex = lemon::NetworkSimplex<Graph, int64_t, int64_t>;
    if (node_count < 0 || arc_count < 0) return CFLOW_INVALID_INPUT;
    int64_t balance = 0;
    for (int32_t i = 0; i < node_count; ++i) balance += supply[i];
    if (balance != 0) return CFLOW_INVALID_INPUT;
    for (int32_t a = 0; a < arc_count; ++a) {
        if (arc_source[a] < 0 || arc_source[a] >= node_count || arc_target[a] < 0 || arc_target[a] >= node_count ||
            arc_capacity[a] < 0) {
            return CFLOW_INVALID_INPUT;
        }
    }
    try {
        Graph graph;
        graph.reserveNode(node_count);
        graph.reserveArc(arc_count);
        std::vector<Graph::Node> nodes;
        nodes.reserve(node_count);
        for (int32_t i = 0; i < node_count; ++i) nodes.push_back(graph.addNode());
        std::vector<Graph::Arc> arcs;
        arcs.reserve(arc_count);
        for (int32_t a = 0; a < arc_count; ++a) arcs.push_back(graph.addArc(nodes[arc_source[a]], nodes[arc_target[a]]));

        Graph::NodeMap<int64_t> supplies(graph);
        for (int32_t i = 0; i < node_count; ++i) supplies[nodes[i]] = supply[i];
        Graph::ArcMap<int64_t> capacities(graph), costs(graph);
        for (int32_t a = 0; a < arc_count; ++a) {
            capacities[arcs[a]] = arc_capacity[a];
            costs[arcs[a]] = arc_cost[a];
        }

        Simplex simplex(graph);
        simplex.upperMap(capacities).costMap(costs).supplyMap(supplies);
        switch (simplex.run()) {
        case Simplex::OPTIMAL:
            break;
        case Simplex::INFEASIBLE:
            return CFLOW_INFEASIBLE;
        case Simplex::UNBOUNDED:
            return CFLOW_UNBOUNDED;
        }
        for (int32_t a = 0; a < arc_count; ++a) arc_flow[a] = simplex.flow(arcs[a]);
        *total_cost = simplex.totalCost<int64_t>();
        if (node_potential != nullptr) {
            for (int32_t i = 0; i < node_count; ++i) node_potential[i] = simplex.potential(nodes[i]);
        }
        return CFLOW_OPTIMAL;
    } catch (const std::exception &) {
        return CFLOW_INVALID_INPUT;
    }
}
