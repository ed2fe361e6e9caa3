import Foundation
import GRDB
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant says what came of its meeting with `counterpart`: a meeting of the
    /// published schedule (not cancelled) that has ended by `now`. Rating again replaces the
    /// rating.
    public func rateMeeting(event: String, company: String, counterpart: String, outcome: MeetingOutcome, now: Date = Date()) throws {
        try writer.write { db in
            let spec = try definition(event, db: db).spec
            guard let meeting = try PublishedMeetingRecord.fetchOne(db, sql: """
                SELECT * FROM published_meeting WHERE event = ? AND cancelled = 0
                  AND ((delegate = ? AND host = ?) OR (delegate = ? AND host = ?))
                """, arguments: [event, company, counterpart, counterpart, company]) else {
                throw ParticipantActionError.noSuchMeeting(company, counterpart)
            }
            guard let end = Self.end(ofSlot: meeting.slot, in: spec), end <= now else {
                throw ParticipantActionError.notYetHeld(company, counterpart)
            }
            try MeetingRatingRecord(event: event, company: company, counterpart: counterpart, outcome: outcome,
                                    ratedAt: Timestamp.string(now)).save(db)
        }
    }

    /// What participants said came of the published schedule's meetings.
    public func outcomeSummary(event: String) throws -> OutcomeSummary {
        try writer.read { db in
            _ = try definition(event, db: db)
            let meetings = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM published_meeting WHERE event = ? AND cancelled = 0",
                                            arguments: [event]) ?? 0
            var counts: [MeetingOutcome: Int] = [:]
            // Only ratings of meetings still published count: a meeting cancelled after it was
            // rated no longer took place as scheduled.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.outcome, COUNT(*) AS n FROM meeting_rating r
                JOIN published_meeting m ON m.event = r.event AND m.cancelled = 0
                  AND ((m.delegate = r.company AND m.host = r.counterpart) OR (m.delegate = r.counterpart AND m.host = r.company))
                WHERE r.event = ? GROUP BY r.outcome
                """, arguments: [event])
            for row in rows {
                guard let outcome = MeetingOutcome(rawValue: row["outcome"]) else { continue }
                counts[outcome] = row["n"]
            }
            return OutcomeSummary(ratable: meetings * 2, counts: counts)
        }
    }

    /// The instant a slot of an event ends (in the event's time zone); nil when the event's date,
    /// start or zone cannot be read. A meeting can be rated from then on.
    public static func end(ofSlot slot: Int, in spec: EventSpec) -> Date? {
        guard let zone = TimeZone(identifier: spec.timeZone) else { return nil }
        // The slot's own day: in an event of several days, not the first one's.
        let parts = spec.date(ofSlot: slot).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let midnight = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return nil }
        return calendar.date(byAdding: .minute, value: spec.startMinute(ofSlot: slot) + spec.slotMinutes, to: midnight)
    }
}
