import Dispatch

extension ExactCompaction {
    /// The most breaks a climb beside the compaction asks about: its counters grow with it, and
    /// the meetings as placed may have many more breaks than the fewest.
    static let climbLimit = 16

    /// Compacts `timetable`'s agendas (see ``Compaction``) and searches exactly for fewer breaks,
    /// in at most `seconds` in all. The search's climb (see ``ExactClimb``) starts at once from
    /// the meetings as placed, on a thread of its own, for up to half the time; beside it, a small
    /// event is annealed by one run, not two (see ``Compaction/warmRun``), so that the solver and
    /// the annealing have a core each. Once the annealing ends:
    /// - agendas the climb finds with fewer breaks than the annealing's (or fairer) are kept,
    ///   polished;
    /// - a floor the climb reaches at the annealing's count proves its agendas the fewest, and
    ///   ends it;
    /// - otherwise the annealing's agendas are searched for the rest of the time (see
    ///   ``improve(_:seconds:floor:clauses:)``), from the floor the climb reached.
    /// The annealing's agendas stay when the climb finds no better, and which agendas are kept
    /// never depends on which thread is quicker, only on whether the climb ends in its time.
    static func compact(_ timetable: inout Timetable, seconds: Double) -> Outcome {
        let started = DispatchTime.now()
        let deadline = started + .nanoseconds(Int(seconds * 1e9))
        func remaining() -> Double { (Double(deadline.uptimeNanoseconds) - Double(DispatchTime.now().uptimeNanoseconds)) / 1e9 }
        let model = timetable.model
        let placed = BreakCounts(timetable)
        let limit = min(placed.total, placed.participants, climbLimit)
        // An event too large to search from its placed count gets no climb: its compaction seldom
        // brings it within reach, and the report then says that it was too large to search.
        guard limit > 0, BreakFormula.fits(meetings: timetable.placements.count, slots: model.event.slots,
                                           tables: model.event.tables, breaks: placed.total) else {
            Compaction.compact(&timetable)
            return improve(&timetable, seconds: remaining())
        }
        let climb = ExactClimb(timetable, limit: limit, until: started + .nanoseconds(Int(seconds * 0.5e9)))
        Compaction.compact(&timetable, besideSearch: true)
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
        return improve(&timetable, seconds: remaining(), floor: climb.floor)
    }
}
