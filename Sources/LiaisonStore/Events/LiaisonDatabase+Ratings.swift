import Foundation
import GRDB
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant says what came of its meeting with `counterpart`: a meeting of the
    /// published schedule (not cancelled) that has ended by `now`, at the time it was published
    /// for. Rating again replaces the rating.
    public func rateMeeting(event: String, company: String, counterpart: String, outcome: MeetingOutcome, now: Date = Date()) throws {
        try writer.write { db in
            let spec = try ScheduleStore.announced(definition(event, db: db).spec, in: db)
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
            // An aggregate, not a table's rows: read as (outcome, count) pairs.
            let rows = try Row.fetchAll(db, sql: """
                SELECT r.outcome, COUNT(*) AS n FROM meeting_rating r
                JOIN published_meeting m ON m.event = r.event AND m.cancelled = 0
                  AND ((m.delegate = r.company AND m.host = r.counterpart) OR (m.delegate = r.counterpart AND m.host = r.company))
                WHERE r.event = ? GROUP BY r.outcome
                """, arguments: [event])
            for row in rows {
                let stored: String = row[0]
                guard let outcome = MeetingOutcome(rawValue: stored) else {
                    throw StoreError.badStoredValue(table: "meeting_rating", column: "outcome", value: stored)
                }
                counts[outcome] = row[1]
            }
            return OutcomeSummary(ratable: meetings * 2, counts: counts)
        }
    }

    /// The instant a slot of an event ends (in the event's time zone); nil when the event's date,
    /// start or zone cannot be read. A meeting can be rated from then on.
    public static func end(ofSlot slot: Int, in spec: EventSpec) -> Date? {
        // The slot's own day (in an event of several days, not the first one's), on the venue's clock.
        spec.instant(on: spec.date(ofSlot: slot), minute: spec.startMinute(ofSlot: slot) + spec.slotMinutes)
    }
}
