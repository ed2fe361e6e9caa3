import Dispatch

/// Looks for agendas with fewer breaks than the compaction left, exactly, within a budget (see
/// ``ExactBudget``), with a SAT solver (see ``BreakFormula``). Which pairs meet never changes,
/// nor do musts, minimums or the total score; break counts stay as fair as they were.
///
/// The search climbs first: it asks for no breaks, then at most one, and so on. Each bound the
/// solver refutes is a floor no timing gets under, and the first one it meets is the fewest
/// possible. On real forums refuting is quick and finding is slow, so climbing spends one slow
/// search where coming down from the compaction's count spends one per break taken off. Climbing
/// finds nothing until it finds the fewest, though, so after half the budget the search comes
/// down instead: it keeps each agenda with at most one break fewer than the best so far, until
/// the bound meets the floor or the budget is spent.
///
/// The scheduler starts the climb with the compaction (``compact(_:budget:)``): from the
/// meetings as placed, on a thread of its own beside the annealing, so that on a small event
/// the fewest breaks are often known by the time it ends.
enum ExactCompaction {
    /// What the search did.
    struct Outcome: Equatable {
        /// Total breaks the compaction left, and after the search.
        var before: Int
        var after: Int
        /// Whether no timing of these meetings with counts fair has fewer breaks than `after`.
        var proven: Bool
        /// Whether the event was too large to search (see ``BreakFormula/fits(_:breaks:clauses:)``).
        var tooLarge = false
    }

    /// Improves `timetable`'s agendas within `budget`, unless its formula would need more than
    /// `clauses` clauses in one counter. `known`: no timing with every count within the fairness
    /// has fewer breaks (a climb's floor, see ``ExactClimb``). `climbing`: the share of the
    /// budget spent climbing before coming down; none after a climb that has already tried its
    /// floor.
    static func improve(_ timetable: inout Timetable, budget: ExactBudget, floor known: Int = 0, climbing share: Double = 0.5,
                        clauses: Int = BreakFormula.clauseLimit) -> Outcome {
        let started = DispatchTime.now()
        let halfway = budget.limit(share: share, from: started), end = budget.limit(share: 1, from: started)
        let model = timetable.model
        let before = BreakCounts(timetable)
        var outcome = Outcome(before: before.total, after: before.total, proven: before.total == 0)
        guard before.total > 0 else { return outcome }
        guard BreakFormula.fits(timetable, breaks: before.total, clauses: clauses) else {
            outcome.tooLarge = true
            return outcome
        }
        // Counts fair with someone at 0 stay fair when no one exceeds the fairness; otherwise no
        // one may exceed today's most, and the counts stay within today's spread (or the
        // fairness), whatever the least of them.
        let unfairness = before.unfairness(model.fairness)
        let fairFromZero = unfairness == 0 && before.least == 0
        let cap = fairFromZero ? model.fairness : before.most
        let spread = fairFromZero ? nil : model.fairness + unfairness
        // No timing within the cap has fewer than `floor` breaks. `rejected`: counted on the
        // timetable itself, the solver's agendas were no better (less fair), so the search ends.
        var floor = cap == model.fairness ? known : 0, rejected = false
        // With fair counts from 0, every fair timing with fewer breaks than there are
        // participants has someone at 0, so within the cap: below the floor there is none.
        func proven() -> Bool { outcome.after == 0 || floor >= outcome.after && fairFromZero && outcome.after <= before.participants }
        guard floor < before.total, !budget.isEmpty else {
            outcome.proven = proven()
            return outcome
        }
        let formula = BreakFormula(timetable, cap: cap, spread: spread, limit: before.total)
        var best: Timetable?
        /// Solves for at most `bound` breaks: whether to go on.
        func attempt(_ bound: Int, until limit: SolveLimit) -> Bool {
            switch formula.solver.solve(assuming: [-formula.totalOutputs[bound]], until: limit) {
            case .satisfiable:
                let trial = formula.agendas(from: timetable)
                let counts = BreakCounts(trial)
                guard counts.total < outcome.after, counts.unfairness(model.fairness) <= unfairness else {
                    rejected = true
                    return false
                }
                best = trial
                outcome.after = counts.total
                return true
            case .unsatisfiable:
                floor = bound + 1
                return true
            case .unknown:
                return false
            }
        }
        var climbing = share > 0
        while climbing && floor < outcome.after {
            let found = outcome.after
            climbing = attempt(floor, until: halfway) && outcome.after == found
        }
        while !rejected && floor < outcome.after && attempt(outcome.after - 1, until: end) {}
        outcome.proven = proven()
        if let best {
            timetable = best
            polish(&timetable, breaks: outcome.after, unfairness: unfairness)
        }
        return outcome
    }

    /// The solver minds breaks only, so idle slots may have grown: a short cold annealing runs from
    /// its agendas (see ``Compaction/polish(_:)``), and its agendas are kept unless they trade a
    /// break for idle slots.
    static func polish(_ timetable: inout Timetable, breaks: Int, unfairness: Int) {
        var polished = timetable
        Compaction.polish(&polished)
        let counts = BreakCounts(polished)
        if counts.total <= breaks && counts.unfairness(timetable.model.fairness) <= unfairness { timetable = polished }
    }
}

/// The break counts of a timetable's participants with meetings.
struct BreakCounts {
    var total = 0
    var most = 0
    var least = Int.max
    var participants = 0

    init(_ timetable: Timetable) {
        for p in timetable.model.participants.indices where timetable.meetingCount(p) > 0 {
            let breaks = timetable.shape(of: p).breaks
            total += breaks
            most = max(most, breaks)
            least = min(least, breaks)
            participants += 1
        }
        if participants == 0 { least = 0 }
    }

    /// How far the counts' spread exceeds `fairness`.
    func unfairness(_ fairness: Int) -> Int { max(0, most - least - fairness) }
}
