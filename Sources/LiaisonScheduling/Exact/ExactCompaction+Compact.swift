import Dispatch

extension ExactCompaction {
    /// The most breaks a climb beside the compaction asks about: its counters grow with it, and
    /// the meetings as placed may have many more breaks than the fewest.
    static let climbLimit = 16

    /// The share of a budget in conflicts the climb may spend beside the compaction; the search
    /// after it spends the rest.
    static let climbShare = 0.8

    /// How close a climb in conflicts must come to the compaction's count, in breaks, to go on
    /// after its share (see ``ExactClimb/Reach``): on real forums, agendas a few breaks below the
    /// compaction's often take a few times the standard budget to find once the bounds below them
    /// are refuted, and a climb that has got that close is worth the wait.
    static let reachBreaks = 4

    /// What a climb within reach may spend in all, in shares of its budget; the search after it
    /// then spends nothing.
    static let reachShare = 3.0

    /// Compacts `timetable`'s agendas (see ``Compaction``) and searches exactly for fewer breaks,
    /// within `budget` in all. The search's climb (see ``ExactClimb``) starts at once from the
    /// meetings as placed, on a thread of its own:
    /// - with a budget in seconds, for up to half of them; beside it, a small event is annealed
    ///   by one run, not two (see ``Compaction/warmRun``), so that the solver and the annealing
    ///   have a core each;
    /// - with a budget in conflicts (``climbShare`` of them; up to ``reachShare`` times the budget
    ///   once the climb comes within ``reachBreaks`` of the annealing's count), the compaction is
    ///   the one without a search: its agendas are those of `--exact-seconds 0`, kept unless the
    ///   search does better.
    ///
    /// Once the annealing ends:
    /// - agendas the climb finds with fewer breaks than the annealing's (or fairer) are kept,
    ///   polished;
    /// - a floor the climb reaches at the annealing's count proves its agendas the fewest, and
    ///   ends it;
    /// - otherwise the annealing's agendas are searched with the rest of the budget (see
    ///   ``improve(_:budget:floor:climbing:clauses:)``), coming down to the floor the climb
    ///   reached (the climb has tried that floor already).
    /// The annealing's agendas stay when the climb finds no better, and which agendas are kept
    /// never depends on which thread is quicker, only on whether the climb ends within its
    /// budget: with a budget in conflicts, the same input always gives the same agendas.
    static func compact(_ timetable: inout Timetable, budget: ExactBudget) -> Outcome {
        let started = DispatchTime.now()
        let model = timetable.model
        let placed = BreakCounts(timetable)
        let limit = min(placed.total, placed.participants, climbLimit)
        // An event whose climb's formula would be too large gets none; the search after the
        // compaction may still fit, else the report says that it was too large to search.
        guard limit > 0, BreakFormula.fits(timetable, breaks: limit, clauses: budget.clauses) else {
            Compaction.compact(&timetable)
            return improve(&timetable, budget: budget.remaining(from: started, spent: 0), clauses: budget.clauses)
        }
        let inSeconds = if case .seconds = budget { true } else { false }
        let reach = inSeconds ? nil : ExactClimb.Reach(breaks: reachBreaks, limit: budget.limit(share: reachShare, from: started))
        let climb = ExactClimb(timetable, limit: limit, until: budget.limit(share: inSeconds ? 0.5 : climbShare, from: started),
                               reach: reach)
        Compaction.compact(&timetable, besideSearch: inSeconds)
        let annealed = BreakCounts(timetable)
        climb.stop(atFloor: annealed.total)
        climb.wait()
        if var found = climb.found {
            // The climb's agendas have every count within the fairness: they are fair.
            let total = BreakCounts(found).total
            if total < annealed.total || annealed.unfairness(model.fairness) > 0 {
                polish(&found, breaks: total, unfairness: 0)
                timetable = found
                return Outcome(before: annealed.total, after: total, proven: total <= placed.participants)
            }
        }
        return improve(&timetable, budget: budget.remaining(from: started, spent: climb.spent), floor: climb.floor,
                       climbing: 0, clauses: budget.clauses)
    }
}
