import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

/// Reads and writes events, their participants and rules, schedules and published schedules.
/// All functions run inside the caller's transaction.
enum EventStore {
    static func exists(_ id: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event WHERE id = ?)", arguments: [id]) ?? false
    }

    static func saveSpec(_ spec: EventSpec, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO event (id, name, city, country, date, start, slots, slot_minutes, break_after, break_minutes, tables, time_zone, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, city = excluded.city, country = excluded.country,
                date = excluded.date, start = excluded.start, slots = excluded.slots, slot_minutes = excluded.slot_minutes,
                break_after = excluded.break_after, break_minutes = excluded.break_minutes, tables = excluded.tables,
                time_zone = excluded.time_zone
            """, arguments: [spec.id, spec.name, spec.city, spec.country, spec.date, spec.start, spec.slots, spec.slotMinutes,
                             spec.breakAfter, spec.breakMinutes, spec.tables, spec.timeZone, Timestamp.now()])
    }

    static func spec(_ id: String, in db: Database) throws -> EventSpec? {
        try Row.fetchOne(db, sql: "SELECT * FROM event WHERE id = ?", arguments: [id]).map(spec(from:))
    }

    static func specs(in db: Database) throws -> [EventSpec] {
        try Row.fetchAll(db, sql: "SELECT * FROM event ORDER BY date, start, id").map(spec(from:))
    }

    private static func spec(from row: Row) -> EventSpec {
        EventSpec(id: row["id"], name: row["name"], city: row["city"], country: row["country"], date: row["date"],
                  start: row["start"], slots: row["slots"], slotMinutes: row["slot_minutes"], breakAfter: row["break_after"],
                  breakMinutes: row["break_minutes"], tables: row["tables"], timeZone: row["time_zone"])
    }

    static func definition(_ id: String, in db: Database) throws -> EventDefinition? {
        guard let spec = try spec(id, in: db) else { return nil }
        let participants = try Row.fetchAll(db, sql: "SELECT * FROM event_participant WHERE event = ? ORDER BY side, company",
                                            arguments: [id]).map { row in
            Participant(company: row["company"], side: Side(rawValue: row["side"]) ?? .host, maxMeetings: row["max_meetings"],
                        available: SlotSet(parsing: row["available"]) ?? SlotSet.all(spec.slots), reps: row["reps"],
                        interpreter: row["interpreter"])
        }
        let requests = try Row.fetchAll(db, sql: "SELECT * FROM event_request WHERE event = ? ORDER BY a, b", arguments: [id])
            .map { MeetingRequest(a: $0["a"], b: $0["b"], must: $0["must"]) }
        let blocks = try Row.fetchAll(db, sql: "SELECT * FROM event_block WHERE event = ? ORDER BY a, b", arguments: [id])
            .map { PairBlock(a: $0["a"], b: $0["b"]) }
        let locks = try Row.fetchAll(db, sql: "SELECT * FROM event_lock WHERE event = ? ORDER BY slot, a, b", arguments: [id])
            .map { MeetingLock(a: $0["a"], b: $0["b"], slot: $0["slot"], table: $0["table_number"]) }
        return EventDefinition(spec: spec, participants: participants, requests: requests, blocks: blocks, locks: locks)
    }

    static func saveParticipant(_ participant: Participant, event: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO event_participant (event, company, side, max_meetings, available, reps, interpreter)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [event, participant.company, participant.side.rawValue, participant.maxMeetings,
                             participant.available.description, participant.reps, participant.interpreter])
    }

    /// Removes participants, every request, block and lock that names them, and their meetings
    /// from the current schedule (the published one keeps them until the next publication, which
    /// cancels them).
    /// Unregisters companies with their requests, blocks and locks. When one of them is in the
    /// current schedule, that schedule is discarded (its figures would no longer hold) and true
    /// is returned; what was published stays, for `schedule --keep-published`.
    static func removeParticipants(_ companies: [String], event: String, in db: Database) throws -> Bool {
        var scheduled = false
        for company in companies {
            try db.execute(sql: "DELETE FROM event_participant WHERE event = ? AND company = ?", arguments: [event, company])
            for table in ["event_request", "event_block", "event_lock"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE event = ? AND (a = ? OR b = ?)", arguments: [event, company, company])
            }
            scheduled = try scheduled || Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM event_meeting WHERE event = ? AND (delegate = ? OR host = ?))",
                                                      arguments: [event, company, company])!
        }
        if scheduled {
            try db.execute(sql: "DELETE FROM event_meeting WHERE event = ?", arguments: [event])
            try db.execute(sql: "DELETE FROM event_schedule WHERE event = ?", arguments: [event])
        }
        return scheduled
    }

    /// Replaces every participant, request, block and lock of an event.
    static func replaceRules(_ definition: EventDefinition, in db: Database) throws {
        let id = definition.spec.id
        for table in ["event_participant", "event_request", "event_block", "event_lock"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE event = ?", arguments: [id])
        }
        for participant in definition.participants { try saveParticipant(participant, event: id, in: db) }
        for request in definition.requests { try saveRequest(request, event: id, in: db) }
        for block in definition.blocks { try saveBlock(block, event: id, in: db) }
        for lock in definition.locks { try saveLock(lock, event: id, in: db) }
    }

    static func saveRequest(_ request: MeetingRequest, event: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO event_request (event, a, b, must) VALUES (?, ?, ?, ?)",
                       arguments: [event, request.a, request.b, request.must])
    }

    static func saveBlock(_ block: PairBlock, event: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO event_block (event, a, b) VALUES (?, ?, ?)", arguments: [event, block.a, block.b])
    }

    static func saveLock(_ lock: MeetingLock, event: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO event_lock (event, a, b, slot, table_number) VALUES (?, ?, ?, ?, ?)",
                       arguments: [event, lock.a, lock.b, lock.slot, lock.table])
    }

    // MARK: - Schedules

    static func saveSchedule(_ result: ScheduleResult, minMeetings: Int, event: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM event_meeting WHERE event = ?", arguments: [event])
        for meeting in result.meetings {
            try db.execute(sql: "INSERT INTO event_meeting (event, delegate, host, slot, table_number, score) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [event, meeting.delegate, meeting.host, meeting.slot, meeting.table, meeting.score])
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(sql: """
            INSERT OR REPLACE INTO event_schedule (event, scheduled_at, min_meetings, report, unplaced_requests, changes)
            VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [event, Timestamp.now(), minMeetings, String(decoding: try encoder.encode(result.report), as: UTF8.self),
                             String(decoding: try encoder.encode(result.unplacedRequests), as: UTF8.self),
                             try result.changes.map { String(decoding: try encoder.encode($0), as: UTF8.self) }])
    }

    static func meetings(_ event: String, in db: Database) throws -> [Meeting] {
        try Row.fetchAll(db, sql: "SELECT * FROM event_meeting WHERE event = ? ORDER BY slot, table_number", arguments: [event])
            .map { Meeting(delegate: $0["delegate"], host: $0["host"], slot: $0["slot"], table: $0["table_number"], score: $0["score"]) }
    }

    /// The current schedule's stored figures, when the event has been scheduled.
    static func scheduleState(_ event: String, in db: Database) throws -> StoredSchedule? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM event_schedule WHERE event = ?", arguments: [event]) else { return nil }
        let decoder = JSONDecoder()
        return StoredSchedule(
            scheduledAt: row["scheduled_at"], minMeetings: row["min_meetings"],
            report: try decoder.decode(QualityReport.self, from: Data((row["report"] as String).utf8)),
            unplacedRequests: try decoder.decode([UnplacedRequest].self, from: Data((row["unplaced_requests"] as String).utf8)),
            changes: try (row["changes"] as String?).map { try decoder.decode(ScheduleChanges.self, from: Data($0.utf8)) })
    }

    /// The published meetings, cancelled ones included, with their calendar sequence numbers.
    static func published(_ event: String, in db: Database) throws -> [PublishedMeeting] {
        try Row.fetchAll(db, sql: "SELECT * FROM published_meeting WHERE event = ? ORDER BY slot, table_number", arguments: [event]).map {
            PublishedMeeting(meeting: Meeting(delegate: $0["delegate"], host: $0["host"], slot: $0["slot"], table: $0["table_number"],
                                              score: $0["score"]),
                             sequence: $0["sequence"], cancelled: $0["cancelled"], publishedAt: $0["published_at"])
        }
    }

    /// Makes the current schedule the published one. A meeting that moved gets the next
    /// sequence number; a published meeting no longer scheduled stays, cancelled, with the next
    /// number — so calendars update or remove it instead of keeping a stale copy.
    static func publish(_ event: String, in db: Database) throws -> PublishSummary {
        let previous = Dictionary(try published(event, in: db).map { ($0.meeting.pair, $0) }, uniquingKeysWith: { a, _ in a })
        let current = try meetings(event, in: db)
        let now = Timestamp.now()
        var summary = PublishSummary(meetings: current.count, new: 0, moved: 0, cancelled: 0)
        try db.execute(sql: "DELETE FROM published_meeting WHERE event = ?", arguments: [event])
        func insert(_ meeting: Meeting, sequence: Int, cancelled: Bool) throws {
            try db.execute(sql: """
                INSERT INTO published_meeting (event, delegate, host, slot, table_number, score, sequence, cancelled, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [event, meeting.delegate, meeting.host, meeting.slot, meeting.table, meeting.score, sequence, cancelled, now])
        }
        for meeting in current {
            let sequence = PublishedMeeting.sequence(of: meeting, after: previous[meeting.pair])
            if previous[meeting.pair] == nil || previous[meeting.pair]!.cancelled { summary.new += 1 }
            else if sequence > previous[meeting.pair]!.sequence { summary.moved += 1 }
            try insert(meeting, sequence: sequence, cancelled: false)
        }
        let scheduled = Set(current.map(\.pair))
        for (pair, old) in previous.sorted(by: { $0.key < $1.key }) where !scheduled.contains(pair) {
            try insert(old.meeting, sequence: old.cancelled ? old.sequence : old.sequence + 1, cancelled: true)
            if !old.cancelled { summary.cancelled += 1 }
        }
        return summary
    }
}

/// The figures of an event's current schedule, as stored.
public struct StoredSchedule: Sendable {
    public var scheduledAt: String
    public var minMeetings: Int
    public var report: QualityReport
    public var unplacedRequests: [UnplacedRequest]
    public var changes: ScheduleChanges?
}

/// A meeting as published to calendars: its sequence grows each time it moves or is cancelled.
public struct PublishedMeeting: Hashable, Sendable {
    public var meeting: Meeting
    public var sequence: Int
    public var cancelled: Bool
    public var publishedAt: String

    /// The sequence number `meeting` gets when published after `previous`: the same when nothing
    /// changed, one more when it moved or comes back after a cancellation, 0 when new.
    public static func sequence(of meeting: Meeting, after previous: PublishedMeeting?) -> Int {
        guard let previous else { return 0 }
        let same = !previous.cancelled && previous.meeting.slot == meeting.slot && previous.meeting.table == meeting.table
        return same ? previous.sequence : previous.sequence + 1
    }
}

/// What `liaison event publish` did.
public struct PublishSummary: Sendable {
    public var meetings: Int
    public var new: Int
    public var moved: Int
    public var cancelled: Int
}
