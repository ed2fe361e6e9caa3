import CFlow

/// A min-cost flow problem, built node by node and arc by arc, solved exactly by LEMON's
/// network simplex (through the `CFlow` target).
///
///     var network = FlowNetwork()
///     let s = network.addNode(supply: 2), t = network.addNode(supply: -2)
///     let arc = network.addArc(from: s, to: t, capacity: 2, cost: -5)
///     let solution = try network.solve()   // solution.flow(arc) == 2
struct FlowNetwork {
    private(set) var supplies: [Int64] = []
    private(set) var sources: [Int32] = []
    private(set) var targets: [Int32] = []
    private(set) var capacities: [Int64] = []
    private(set) var costs: [Int64] = []

    /// A node; positive supply is a source of flow, negative a sink.
    mutating func addNode(supply: Int64 = 0) -> Int32 {
        supplies.append(supply)
        return Int32(supplies.count - 1)
    }

    /// An arc carrying 0 to `capacity` units at `cost` each; returns its index.
    @discardableResult
    mutating func addArc(from source: Int32, to target: Int32, capacity: Int64, cost: Int64) -> Int {
        sources.append(source)
        targets.append(target)
        capacities.append(capacity)
        costs.append(cost)
        return sources.count - 1
    }

    /// A minimum-cost flow meeting every supply, with optimal node potentials: the reduced
    /// cost `cost + potential[source] - potential[target]` of an arc is at least 0 when the
    /// arc has room and at most 0 when it carries flow.
    struct Solution {
        let flows: [Int64]
        let cost: Int64
        let potentials: [Int64]

        func flow(_ arc: Int) -> Int64 { flows[arc] }
    }

    /// Why a network has no solution; a bug in how it was built, never a user error.
    enum Failure: Error {
        case infeasible, unbounded, invalid
    }

    func solve() throws(Failure) -> Solution {
        var flows = [Int64](repeating: 0, count: sources.count)
        var potentials = [Int64](repeating: 0, count: supplies.count)
        var cost: Int64 = 0
        let status = cflow_min_cost_flow(Int32(supplies.count), supplies, Int32(sources.count), sources, targets,
                                         capacities, costs, &flows, &cost, &potentials)
        switch status {
        case CFLOW_OPTIMAL: return Solution(flows: flows, cost: cost, potentials: potentials)
        case CFLOW_INFEASIBLE: throw .infeasible
        case CFLOW_UNBOUNDED: throw .unbounded
        default: throw .invalid
        }
    }
}
