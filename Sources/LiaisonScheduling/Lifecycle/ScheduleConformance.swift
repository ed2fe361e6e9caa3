/// Whether a stored schedule still keeps every hard rule of its event after the event changed
/// (a block, a lock, a participant's availability, maximum or representatives): a change that a
/// schedule breaks makes it stale, and it must not be exported or published as it is.
public enum ScheduleConformance {
    /// The first hard rule of `rules` (an event with only its requests in force) that `meetings`
    /// break, in words; nil when they keep them all.
    public static func brokenRule(_ meetings: [Meeting], of rules: EventDefinition) -> String? {
        let registered = Set(rules.participants.map(\.company))
        let scored = meetings.filter { registered.contains($0.a) && registered.contains($0.b) }
        let input = SchedulingInput(event: rules.spec, participants: rules.participants, requests: rules.requests, blocks: rules.blocks,
                                    locks: rules.locks, scores: PairScores(pairs: scored.map { PairScore(a: $0.a, b: $0.b, score: $0.score) }))
        guard let model = try? EventModel(input) else { return "the event's rules contradict each other" }
        var perSlot: [Int: Int] = [:], perParticipant: [Int: Int] = [:], perParticipantSlot: [[Int]: Int] = [:]
        for meeting in meetings {
            let name = "\(meeting.a) – \(meeting.b)"
            guard let key = model.key(meeting.a, meeting.b) else { return "\(name) no longer pairs two registered participants" }
            if model.blocked.contains(key) { return "\(name) is blocked" }
            if let lock = rules.locks.first(where: { model.key($0.a, $0.b) == key }), lock.slot != meeting.slot || (lock.table ?? meeting.table) != meeting.table {
                return "\(name) is locked elsewhere"
            }
            if let outside = model.sessionProblem(key, meeting.slot) { return "\(name) in slot \(meeting.slot): the slot is \(outside)" }
            if meeting.table > model.event.tables { return "\(name) is at table \(meeting.table), beyond the event's \(model.event.tables)" }
            perSlot[meeting.slot, default: 0] += 1
            if perSlot[meeting.slot]! > model.event.tables { return "slot \(meeting.slot) holds more meetings than tables" }
            for p in [key.a, key.b] {
                let participant = model.participants[p]
                if !participant.available.contains(meeting.slot) { return "\(participant.company) is not available in slot \(meeting.slot)" }
                perParticipant[p, default: 0] += 1
                if perParticipant[p]! > participant.maxMeetings { return "\(participant.company) has more meetings than its maximum" }
                perParticipantSlot[[p, meeting.slot], default: 0] += 1
                if perParticipantSlot[[p, meeting.slot]]! > participant.reps {
                    return "\(participant.company) has more meetings in slot \(meeting.slot) than representatives"
                }
            }
        }
        // Every lock is a meeting of the schedule where it says (one added since is not yet).
        for lock in rules.locks {
            guard let key = model.key(lock.a, lock.b) else { continue }
            let placed = meetings.contains { model.key($0.a, $0.b) == key && $0.slot == lock.slot && (lock.table ?? $0.table) == $0.table }
            if !placed { return "\(lock.a) – \(lock.b) is locked in slot \(lock.slot) but not scheduled there" }
        }
        return nil
    }
}
