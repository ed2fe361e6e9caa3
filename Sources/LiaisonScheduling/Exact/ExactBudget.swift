import Dispatch

/// How much an exact search for fewer breaks may spend: seconds of wall-clock time, or conflicts
/// of its SAT solver, each weighed by the formula's size (see ``SATSolver/effort``). Spent in
/// conflicts, a search gives the same agendas on every machine, fast or busy; in seconds, what it
/// reaches depends on the machine.
public enum ExactBudget: Equatable, Sendable {
    case seconds(Double)
    case conflicts(Int)

    /// What `event schedule` spends when not told otherwise: enough to settle the fewest breaks of
    /// most real forums of a few hundred meetings, a few seconds at most on a laptop, on events
    /// whose formula stays small (see ``standardClauses``); up to three times as much on one whose
    /// climb comes within a few breaks of the compaction's (see
    /// ``ExactCompaction/reachShare``).
    public static let standard = ExactBudget.conflicts(25_000)
    /// The most clauses a part of the standard search's formula may need: above, an event gets
    /// no exact search unless asked for one in seconds.
    static let standardClauses = 1_000_000

    /// The budget an organizer's `seconds` ask for: none at 0, that many seconds above, and
    /// ``standard`` when not given.
    public static func asked(seconds: Double?) -> ExactBudget? {
        guard let seconds else { return .standard }
        return seconds > 0 ? .seconds(seconds) : nil
    }

    /// The most clauses one counter of the search's formula may need (see
    /// ``BreakFormula/fits(_:breaks:clauses:)``): in conflicts, the formula
    /// stays small enough that they take a few seconds at most.
    var clauses: Int {
        if case .seconds = self { BreakFormula.clauseLimit } else { Self.standardClauses }
    }

    /// Whether nothing may be spent.
    var isEmpty: Bool {
        switch self {
        case .seconds(let seconds): seconds <= 0
        case .conflicts(let conflicts): conflicts <= 0
        }
    }

    /// Where a solve gives up once `share` of the budget is spent, by a search that started at
    /// `start` with a solver of its own.
    func limit(share: Double, from start: DispatchTime) -> SolveLimit {
        switch self {
        case .seconds(let seconds): SolveLimit(deadline: start + .nanoseconds(Int(seconds * share * 1e9)))
        case .conflicts(let conflicts): SolveLimit(effort: Double(conflicts) * share)
        }
    }

    /// What is left to a search that started at `start` and whose solver spent `spent` effort.
    func remaining(from start: DispatchTime, spent: Double) -> ExactBudget {
        switch self {
        case .seconds(let seconds):
            .seconds(seconds - Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        case .conflicts(let conflicts): .conflicts(conflicts - Int(spent.rounded(.up)))
        }
    }
}

/// Where a solver's solves give up: at a deadline, or once its effort in all (see
/// ``SATSolver/effort``) reaches so much, whichever comes first, unless `beyond` then gives a
/// further limit: the solve goes on to it where it is, as if it had had that limit all along.
struct SolveLimit: Sendable {
    var deadline = DispatchTime.distantFuture
    var effort = Double.infinity
    /// Asked once this limit is reached, on the solver's thread: where to go on to, or nil to give up.
    var beyond: (@Sendable () -> SolveLimit?)?

    /// Whether a solver that has spent `spent` has reached it.
    func isReached(effort spent: Double) -> Bool {
        spent >= effort || (deadline != .distantFuture && DispatchTime.now() >= deadline)
    }
}
