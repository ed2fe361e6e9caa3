import CCaDiCaL
import Dispatch

/// One CaDiCaL SAT solver: variables and clauses in, a satisfying assignment out, each solve
/// given up at a deadline. Literals are DIMACS-style: variable v is `v`, its negation `-v`.
///
/// Used by one thread at a time (its `stop` may be raised from any); released with the object.
final class SATSolver {
    /// What one solve found.
    enum Outcome: Equatable {
        case satisfiable, unsatisfiable
        /// The deadline came first.
        case unknown
    }

    private let solver: OpaquePointer
    /// Variables made so far, numbered from 1.
    private var variables: Int32 = 0
    private var deadline = DispatchTime.distantFuture
    /// Raised, it ends the current solve and every later one as if their deadline had come.
    let stop: StopSignal

    init(stop: StopSignal = StopSignal()) {
        self.stop = stop
        solver = ccadical_init()
        ccadical_set_terminate(solver, Unmanaged.passUnretained(self).toOpaque()) { state in
            let owner = Unmanaged<SATSolver>.fromOpaque(state!).takeUnretainedValue()
            return owner.stop.isRaised || DispatchTime.now() >= owner.deadline ? 1 : 0
        }
    }

    deinit { ccadical_release(solver) }

    /// A new variable.
    func variable() -> Int32 {
        variables += 1
        return variables
    }

    /// Requires at least one of `literals` (none: the formula becomes unsatisfiable).
    func add(_ literals: [Int32]) {
        for literal in literals { ccadical_add(solver, literal) }
        ccadical_add(solver, 0)
    }

    /// Solves with `assumptions` holding for this call only, giving up at `deadline` or once
    /// `stop` is raised.
    func solve(assuming assumptions: [Int32] = [], until deadline: DispatchTime) -> Outcome {
        guard !stop.isRaised, DispatchTime.now() < deadline else { return .unknown }
        self.deadline = deadline
        for literal in assumptions { ccadical_assume(solver, literal) }
        switch ccadical_solve(solver) {
        case 10: return .satisfiable
        case 20: return .unsatisfiable
        default: return .unknown
        }
    }

    /// Whether `literal` is true in the assignment the last satisfiable solve found.
    func isTrue(_ literal: Int32) -> Bool { ccadical_val(solver, literal) > 0 }
}
