import Foundation
import GRDB
import LiaisonScheduling

/// Reads and writes an event's current schedule and its published one. All functions run inside
/// the caller's transaction.
enum ScheduleStore {
    /// Replaces the event's current schedule.
    static func save(_ meetings: [ScheduledMeeting], _ schedule: StoredSchedule, event: String, in db: Database) throws {
        try MeetingRecord.filter(MeetingRecord.Columns.event == event).deleteAll(db)
        for meeting in meetings { try MeetingRecord(meeting, event: event).insert(db) }
        try ScheduleRecord(schedule, event: event).save(db)
    }

    /// Forgets the current schedule (what was published stays).
    static func discard(_ event: String, in db: Database) throws {
        try MeetingRecord.filter(MeetingRecord.Columns.event == event).deleteAll(db)
        try ScheduleRecord.deleteOne(db, key: event)
    }

    /// Remembers that the rules of `event` changed at `timestamp` while its current schedule (if
    /// any) stayed.
    static func markRulesChanged(_ event: String, at timestamp: String, in db: Database) throws {
        try ScheduleRecord.filter(ScheduleRecord.Columns.event == event).updateAll(db, Column("rules_changed_at").set(to: timestamp))
    }

    /// The current schedule's meetings, by slot then table.
    static func meetings(_ event: String, in db: Database) throws -> [MeetingRecord] {
        try MeetingRecord.filter(MeetingRecord.Columns.event == event)
            .order(MeetingRecord.Columns.slot, MeetingRecord.Columns.tableNumber).fetchAll(db)
    }

    /// The current schedule's figures, when the event has been scheduled.
    static func state(_ event: String, in db: Database) throws -> StoredSchedule? {
        try ScheduleRecord.fetchOne(db, key: event)?.schedule()
    }

    /// The current schedule's figures; without one, the error says whether the event was never
    /// scheduled or its schedule was discarded after a publication.
    static func current(_ event: String, in db: Database) throws -> StoredSchedule {
        if let state = try state(event, in: db) { return state }
        if let publishedAt = try publishedAt(event, in: db) { throw EventError.scheduleDiscarded(event, publishedAt: publishedAt) }
        throw EventError.notScheduled(event)
    }

    /// The published meetings, cancelled ones included, by slot then table.
    static func published(_ event: String, in db: Database) throws -> [PublishedMeetingRecord] {
        try PublishedMeetingRecord.filter(PublishedMeetingRecord.Columns.event == event)
            .order(PublishedMeetingRecord.Columns.slot, PublishedMeetingRecord.Columns.tableNumber).fetchAll(db)
    }

    /// The published meetings not cancelled, and those of them whose slot now takes place at
    /// another time than they were published for (``SchedulingInput/publishedRetimed``).
    static func publishedInForce(_ event: EventSpec, in db: Database) throws -> (meetings: [Meeting], retimed: Set<MeetingPair>) {
        let rows = try published(event.id, in: db).filter { !$0.cancelled }.map(\.published)
        let retimed = rows.filter { row in row.timing.map { $0 != event.timing(ofSlot: row.meeting.slot) } ?? false }
        return (rows.map(\.meeting), Set(retimed.map(\.meeting.pair)))
    }

    /// When the event was last published, nil when never.
    static func publishedAt(_ event: String, in db: Database) throws -> String? {
        try PublishedMeetingRecord.filter(PublishedMeetingRecord.Columns.event == event)
            .select(max(PublishedMeetingRecord.Columns.publishedAt), as: String.self).fetchOne(db)
    }

    /// `event` as participants were told of it at its last publication (``AnnouncedEvent``): its
    /// name, place and times then, its other settings now; as it is when it was never published,
    /// or published before Liaison kept what it announced.
    static func announced(_ event: EventSpec, in db: Database) throws -> EventSpec {
        guard let text = try String.fetchOne(db, sql: "SELECT announced FROM event_announcement WHERE event = ?", arguments: [event.id]) else {
            return event
        }
        return try StoredJSON.value(AnnouncedEvent.self, text, in: "event_announcement", column: "announced").applied(to: event)
    }

    /// Makes the current schedule the published one (see ``Publication``); the schedule's changes
    /// against the last publication are then cleared, as none are left.
    static func publish(_ event: EventSpec, in db: Database) throws -> Publication {
        let current = try meetings(event.id, in: db)
        let scored = Dictionary(current.map { ($0.meeting.pair, $0) }, uniquingKeysWith: { first, _ in first })
        let publication = Publication(of: current.map(\.meeting), after: try published(event.id, in: db).map(\.published),
                                      at: Timestamp.now(), timing: event.timing(ofSlot:))
        try PublishedMeetingRecord.filter(PublishedMeetingRecord.Columns.event == event.id).deleteAll(db)
        for meeting in publication.meetings {
            try PublishedMeetingRecord(meeting, scored: meeting.cancelled ? nil : scored[meeting.meeting.pair], event: event.id).insert(db)
        }
        try db.execute(sql: """
            INSERT INTO event_announcement (event, announced) VALUES (?, ?)
            ON CONFLICT (event) DO UPDATE SET announced = excluded.announced
            """, arguments: [event.id, try StoredJSON.text(AnnouncedEvent(of: event))])
        // The current schedule is now the published one: no change against it is left to tell.
        if var record = try ScheduleRecord.fetchOne(db, key: event.id), record.changes != nil {
            record.changes = nil
            try record.update(db)
        }
        return publication
    }
}
