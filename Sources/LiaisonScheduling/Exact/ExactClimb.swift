import Dispatch
import Foundation
import Synchronization

/// An exact search's climb (see ``ExactCompaction``) on a thread of its own, so that it runs
/// beside the compaction: over the meetings as placed, it asks the solver for no breaks, then at
/// most one, and so on, each participant's count within the event's fairness. Each bound it
/// refutes raises ``floor``; the first it satisfies gives ``found``, agendas with the fewest
/// breaks of any timing with counts that fair. It ends there, at `limit`, at its own limit (a
/// deadline or an effort) unless it is within reach of the count asked of it (see ``Reach``), or
/// once its floor reaches that count (see ``stop(atFloor:)``).
final class ExactClimb: @unchecked Sendable {
    /// More for a climb that comes close: a climb that reaches its own limit with its floor within
    /// `breaks` of the count asked of it goes on, without a pause, until `limit`. It waits for
    /// that count (see ``stop(atFloor:)``), so whether it goes on never depends on which thread is
    /// quicker.
    struct Reach {
        var breaks: Int
        var limit: SolveLimit
    }

    // Unchecked: `found` and `spent` are written by the climb's own thread only, and read by
    // others after `wait()`; the rest is atomic.
    private let reached = Atomic<Int>(0)
    private let enough = Atomic<Int>(Int.max)
    private let stop = StopSignal()
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled once a count is asked of the climb.
    private let asked = DispatchSemaphore(value: 0)
    /// The agendas of the first bound satisfied.
    private(set) var found: Timetable?
    /// The effort its solver spent (see ``SATSolver/effort``).
    private(set) var spent = 0.0

    /// No timing of the meetings with every count within the fairness has fewer breaks.
    var floor: Int { reached.load(ordering: .sequentiallyConsistent) }

    /// Starts climbing over `timetable`'s meetings, up to at most `limit` − 1 breaks, until
    /// `end`, or until `reach`'s limit once within its reach. A climb given a reach must be asked
    /// a count (``stop(atFloor:)``) before it is waited for.
    init(_ timetable: Timetable, limit: Int, until end: SolveLimit, reach: Reach? = nil) {
        var limited = end
        if let reach {
            limited.beyond = { [self] in
                asked.wait()
                asked.signal()
                return enough.load(ordering: .sequentiallyConsistent) - floor <= reach.breaks ? reach.limit : nil
            }
        }
        let end = limited
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
        asked.signal()
    }

    /// Waits until the climb has ended.
    func wait() { finished.wait() }
}
