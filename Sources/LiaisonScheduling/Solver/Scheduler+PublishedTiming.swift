extension Scheduler {
    /// `timetable` with its meetings at the slots and tables they were published at, when the
    /// schedule published holds exactly these meetings, every rule still holds there, and that
    /// timing is as compact as `timetable`'s: no less fair, then no more breaks, then no more
    /// idle slots. Otherwise nil.
    ///
    /// Re-scheduling a published event then moves no one for nothing: a participant's agenda
    /// changes only when the schedule gains, whichever way the compaction (or an exact search)
    /// happened to lay out agendas just as good.
    static func publishedTiming(_ published: [Meeting], of timetable: Timetable) -> Timetable? {
        let model = timetable.model
        guard !published.isEmpty, published.count == timetable.placements.count else { return nil }
        var restored = timetable
        for (key, placement) in timetable.placements where !placement.fixed { restored.remove(key) }
        var tablesTaken = Set(restored.placements.values.compactMap { placement in placement.table.map { [placement.slot, $0] } })
        for meeting in published {
            guard let key = model.key(meeting.a, meeting.b), let now = timetable.placements[key] else { return nil }
            // A lock (or a meeting kept as published) is already where it must be.
            if now.fixed { continue }
            guard restored.canPlace(key, in: meeting.slot), (1...model.event.tables).contains(meeting.table),
                  tablesTaken.insert([meeting.slot, meeting.table]).inserted else { return nil }
            restored.place(key, in: meeting.slot, table: meeting.table)
        }
        guard restored.placements.count == timetable.placements.count else { return nil }
        return compactness(restored) <= compactness(timetable) ? restored : nil
    }

    /// How far a timetable's agendas are from compact, in the compaction's order of concern:
    /// unfairness, breaks, idle slots.
    private static func compactness(_ timetable: Timetable) -> (unfairness: Int, breaks: Int, idle: Int) {
        let counts = BreakCounts(timetable)
        let idle = timetable.model.participants.indices.reduce(0) { $0 + timetable.idleSlots(of: $1) }
        return (counts.unfairness(timetable.model.fairness), counts.total, idle)
    }
}
