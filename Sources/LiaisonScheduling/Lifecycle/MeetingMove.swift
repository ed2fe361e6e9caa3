/// An organizer moving one meeting of a schedule by hand: every hard rule checked, the other
/// meetings left where they are, the quality figures computed again.
///
///     let result = try MeetingMove.apply(pair, toSlot: 3, table: 7, in: input, meetings: current, upperBound: bound)
///
/// Pure: the store reads the schedule, calls this, and saves the result in one transaction. The
/// moved meeting keeps its score; the upper bound does not depend on when meetings take place, so
/// the stored one is passed back in.
public enum MeetingMove {
    /// The schedule `meetings` with the meeting of `pair` at `slot` and `table`. Throws every rule
    /// the move would break: the slot or table does not exist, either party is not available then
    /// or already meets as many others then as it has representatives, the slot is outside the
    /// session the pair's request asks for, the table is taken, the pair is blocked, or the meeting
    /// is locked elsewhere (a lock names where a meeting must be).
    /// `input` gives the event, participants and rules (its scores are not used: each meeting
    /// keeps its own).
    public static func apply(_ pair: MeetingPair, toSlot slot: Int, table: Int, in input: SchedulingInput, meetings: [Meeting],
                             upperBound: Double, previousChanges: ScheduleChanges? = nil) throws(SchedulingError) -> ScheduleResult {
        guard let moving = meetings.first(where: { $0.pair == pair }) else {
            throw SchedulingError(problems: ["\(pair.a) and \(pair.b) have no meeting in the schedule"])
        }
        var scored = input
        scored.scores = PairScores(pairs: meetings.map { PairScore(a: $0.a, b: $0.b, score: $0.score) })
        let model = try EventModel(scored)
        var timetable = Timetable(model: model)
        var problems: [String] = []
        for meeting in meetings where meeting.pair != pair {
            guard let key = model.key(meeting.a, meeting.b) else {
                problems.append("the meeting of \(meeting.a) and \(meeting.b) no longer pairs two registered participants; schedule the event again")
                continue
            }
            timetable.place(key, in: meeting.slot, table: meeting.table)
        }
        guard problems.isEmpty, let key = model.key(pair.a, pair.b) else {
            throw SchedulingError(problems: problems.isEmpty ? ["\(pair.a) and \(pair.b) cannot meet at this event"] : problems)
        }
        let name = "\(pair.a) – \(pair.b)"
        if !model.slots.contains(slot) { problems.append("slot \(slot) does not exist (slots 1–\(model.event.slots))") }
        if !(1...max(model.event.tables, 1)).contains(table) { problems.append("table \(table) does not exist (tables 1–\(model.event.tables))") }
        if problems.isEmpty {
            if model.blocked.contains(key) { problems.append("\(name) is blocked: the pair must not meet") }
            if let lock = input.locks.first(where: { model.key($0.a, $0.b) == key }), lock.slot != slot || (lock.table ?? table) != table {
                problems.append("\(name) is locked in slot \(lock.slot)\(lock.table.map { " at table \($0)" } ?? ""); lock it where it goes instead")
            }
            for p in [key.a, key.b] {
                let company = model.company(p)
                if !timetable.isAvailable(p, slot) {
                    problems.append("\(company) is not available in slot \(slot)")
                } else if !timetable.isFree(p, slot) {
                    let reps = model.participants[p].reps
                    problems.append("\(company) already has \(reps == 1 ? "a meeting" : "\(reps) meetings, one per representative,") in slot \(slot)")
                }
            }
            if let outside = model.sessionProblem(key, slot) { problems.append("slot \(slot) is \(outside)") }
            if let other = timetable.meetings(in: slot).first(where: { timetable.placements[$0]?.table == table }) {
                problems.append("table \(table) is taken in slot \(slot) by \(model.company(other.a)) – \(model.company(other.b))")
            }
        }
        if !problems.isEmpty { throw SchedulingError(problems: problems) }
        timetable.place(key, in: slot, table: table)

        var moved = meetings.filter { $0.pair != pair }
        moved.append(Meeting(a: moving.a, b: moving.b, slot: slot, table: table, score: moving.score))
        moved.sort { ($0.slot, $0.table, $0.pair) < ($1.slot, $1.table, $1.pair) }
        let reasons = Dictionary((previousChanges?.dropped ?? []).map { ($0.meeting.pair, $0.reason) }, uniquingKeysWith: { a, _ in a })
        return ScheduleResult(
            meetings: moved,
            report: Report.make(model: model, timetable: timetable, upperBound: upperBound),
            unplacedRequests: Report.unplacedRequests(model: model, timetable: timetable),
            changes: input.published.isEmpty ? nil : ScheduleChanges(from: input.published, to: moved, dropped: reasons,
                                                                     retimed: input.publishedRetimed))
    }
}
