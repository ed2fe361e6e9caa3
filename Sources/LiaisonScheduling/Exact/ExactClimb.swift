import Dispatch
import Foundation
import Synchronization

/// An exact search's climb (see ``ExactCompaction``) on a thread of its own, so that it runs
/// beside the compaction: over the meetings as placed, it asks the solver for no breaks, then at
/// most one, and so on, each participant's count within the event's fairness. Each bound it
/// refutes raises ``floor``; the first it satisfies gives ``found``, agendas with the fewest
/// breaks of any timing with counts that fair. It ends there, at `limit`, at its own limit (a
/// deadline or an effort), or once its floor reaches a count asked of it (see
/// ``stop(atFloor:)``).
final class ExactClimb: @unchecked Sendable {
    // Unchecked: `found` and `spent` are written by the climb's own thread only, and read by
    // others after `wait()`; the rest is atomic.
    private let reached = Atomic<Int>(0)
    private let enough = Atomic<Int>(Int.max)
    private let stop = StopSignal()
    private let finished = DispatchSemaphore(value: 0)
    /// The agendas of the first bound satisfied.
    private(set) var found: Timetable?
    /// The effort its solver spent (see ``SATSolver/effort``).
    private(set) var spent = 0.0

    /// No timing of the meetings with every count within the fairness has fewer breaks.
    var floor: Int { reached.load(ordering: .sequentiallyConsistent) }

    /// Starts climbing over `timetable`'s meetings, up to at most `limit` − 1 breaks, until
    /// `end`.
    init(_ timetable: Timetable, limit: Int, until end: SolveLimit) {
        let thread = Thread { [self] in
            let formula = BreakFormula(timetable, cap: timetable.model.fairness, limit: limit, stop: stop)
            defer {
                spent = formula.solver.effort
                finished.signal()
            }
            let outputs = formula.totalOutputs
            while true {
                let bound = floor
                guard bound < min(limit, enough.load(ordering: .sequentiallyConsistent)) else { return }
                // Fewer ends than the bound: any timing has at most that many breaks.
                let assumptions = bound < outputs.count ? [-outputs[bound]] : []
                switch formula.solver.solve(assuming: assumptions, until: end) {
                case .satisfiable:
                    found = formula.agendas(from: timetable)
                    return
                case .unsatisfiable:
                    reached.store(bound + 1, ordering: .sequentiallyConsistent)
                case .unknown:
                    return
                }
            }
        }
        // The formula's counters recurse, and the solver's own stack is the thread's.
        thread.stackSize = 1 << 24
        thread.start()
    }

    /// Ends the climb once its floor reaches `count` (at once if it has): agendas with that
    /// many breaks are known, and below, none.
    func stop(atFloor count: Int) {
        enough.store(count, ordering: .sequentiallyConsistent)
        if floor >= count { stop.raise() }
    }

    /// Waits until the climb has ended.
    func wait() { finished.wait() }
}
