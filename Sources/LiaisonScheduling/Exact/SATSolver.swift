import CCaDiCaL
import Dispatch

/// One CaDiCaL SAT solver: variables and clauses in, a satisfying assignment out, each solve
/// given up at a deadline or after an effort (see ``SolveLimit``). Literals are DIMACS-style:
/// variable v is `v`, its negation `-v`.
///
/// Used by one thread at a time (its `stop` may be raised from any); released with the object.
final class SATSolver {
    /// What one solve found.
    enum Outcome: Equatable {
        case satisfiable, unsatisfiable
        /// The limit came first.
        case unknown
    }

    private let solver: OpaquePointer
    /// Variables made so far, numbered from 1.
    private var variables: Int32 = 0
    private var limit = SolveLimit()
    /// Clauses learned over every solve so far: one per conflict.
    private(set) var learned = 0
    /// Clauses added.
    private(set) var clauses = 0
    /// Raised, it ends the current solve and every later one as if their limit had come.
    let stop: StopSignal

    init(stop: StopSignal = StopSignal()) {
        self.stop = stop
        solver = ccadical_init()
        // CaDiCaL writes some findings to standard output (`c found falsified original clause`
        // when a formula is refuted as it is given): the commands' output is ours alone.
        ccadical_set_option(solver, "quiet", 1)
        let owner = Unmanaged.passUnretained(self).toOpaque()
        ccadical_set_terminate(solver, owner) { state in
            let owner = Unmanaged<SATSolver>.fromOpaque(state!).takeUnretainedValue()
            return owner.givesUp() ? 1 : 0
        }
        // Every learned clause is handed over (its literals copied), only to be counted.
        ccadical_set_learn(solver, owner, Int32.max) { state, _ in
            Unmanaged<SATSolver>.fromOpaque(state!).takeUnretainedValue().learned += 1
        }
    }

    deinit { ccadical_release(solver) }

    /// The formula size at which an effort of 1 is one conflict (see ``effort``).
    static let referenceClauses = 200_000.0
    /// The size a smaller formula counts as: a conflict there still costs some time.
    static let leastClauses = 20_000.0

    /// What one conflict counts for in ``effort``: the formula's size over
    /// ``referenceClauses``, as a conflict costs time in proportion to it.
    var conflictWeight: Double { max(Double(clauses), Self.leastClauses) / Self.referenceClauses }

    /// The work of every solve so far, counted the same on every machine: conflicts (clauses
    /// learned), each weighed by ``conflictWeight``.
    var effort: Double { Double(learned) * conflictWeight }

    /// A new variable.
    func variable() -> Int32 {
        variables += 1
        return variables
    }

    /// Requires at least one of `literals` (none: the formula becomes unsatisfiable).
    func add(_ literals: [Int32]) {
        clauses += 1
        for literal in literals { ccadical_add(solver, literal) }
        ccadical_add(solver, 0)
    }

    /// Whether the current solve gives up: `stop` is raised, or its limit is reached with none
    /// beyond it.
    private func givesUp() -> Bool {
        if stop.isRaised { return true }
        while limit.isReached(effort: effort) {
            guard let beyond = limit.beyond?() else { return true }
            limit = beyond
        }
        return false
    }

    /// Solves with `assumptions` holding for this call only, giving up at `limit` (or what lies
    /// beyond it) or once `stop` is raised.
    func solve(assuming assumptions: [Int32] = [], until limit: SolveLimit) -> Outcome {
        self.limit = limit
        guard !givesUp() else { return .unknown }
        for literal in assumptions { ccadical_assume(solver, literal) }
        switch ccadical_solve(solver) {
        case 10: return .satisfiable
        case 20: return .unsatisfiable
        default: return .unknown
        }
    }

    /// Solves as ``solve(assuming:until:)``, giving up at `deadline`.
    func solve(assuming assumptions: [Int32] = [], until deadline: DispatchTime) -> Outcome {
        solve(assuming: assumptions, until: SolveLimit(deadline: deadline))
    }

    /// Whether `literal` is true in the assignment the last satisfiable solve found.
    func isTrue(_ literal: Int32) -> Bool { ccadical_val(solver, literal) > 0 }
}
