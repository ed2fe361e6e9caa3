#ifndef CFLOW_H
#define CFLOW_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Outcome of a min-cost flow problem.
typedef enum {
    CFLOW_OPTIMAL = 0,
    CFLOW_INFEASIBLE = 1,
    CFLOW_UNBOUNDED = 2,
    CFLOW_INVALID_INPUT = 3
} cflow_status;

/// Solves a minimum-cost flow problem with LEMON's NetworkSimplex.
///
/// Nodes are 0 ..< node_count with supplies (positive: source, negative: sink; they must sum to
/// zero). Arc a goes from arc_source[a] to arc_target[a], carries between 0 and arc_capacity[a]
/// units, each at arc_cost[a]. On CFLOW_OPTIMAL, arc_flow[a] holds the flow of each arc and
/// *total_cost the cost of the whole flow; when node_potential is not NULL it receives an
/// optimal dual solution: potentials pi with arc_cost[a] + pi[source] - pi[target] >= 0 on every
/// arc below its capacity and <= 0 on every arc with flow. No memory is kept between calls.
cflow_status cflow_min_cost_flow(int32_t node_count, const int64_t *supply,
                                 int32_t arc_count, const int32_t *arc_source, const int32_t *arc_target,
                                 const int64_t *arc_capacity, const int64_t *arc_cost,
                                 int64_t *arc_flow, int64_t *total_cost, int64_t *node_potential);

#ifdef __cplusplus
}
#endif

#endif
