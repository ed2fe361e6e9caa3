import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

/// Reads and writes events with their participants and rules. All functions run inside the
/// caller's transaction.
enum EventStore {
    static func exists(_ id: String, in db: Database) throws -> Bool {
        try StoredID.canExist(id) && EventRecord.exists(db, key: id)
    }

    /// Creates the event, or replaces its fields when it exists (keeping when it was created).
    static func saveSpec(_ spec: EventSpec, in db: Database) throws {
        let createdAt = try EventRecord.fetchOne(db, key: spec.id)?.createdAt ?? Timestamp.now()
        try EventRecord(spec, createdAt: createdAt).save(db)
        try EventDayRecord.filter(EventDayRecord.Columns.event == spec.id).deleteAll(db)
        try EventSessionRecord.filter(EventSessionRecord.Columns.event == spec.id).deleteAll(db)
        for (position, day) in spec.days.enumerated() { try EventDayRecord(day, event: spec.id, position: position).insert(db) }
        for (position, session) in spec.sessions.enumerated() { try EventSessionRecord(session, event: spec.id, position: position).insert(db) }
    }

    static func spec(_ id: String, in db: Database) throws -> EventSpec? {
        guard StoredID.canExist(id) else { return nil }
        return try EventRecord.fetchOne(db, key: id).map { try spec(of: $0, in: db) }
    }

    /// Every event, by date, start and id.
    static func specs(in db: Database) throws -> [EventSpec] {
        try EventRecord.order(EventRecord.Columns.date, EventRecord.Columns.start, EventRecord.Columns.id).fetchAll(db).map { try spec(of: $0, in: db) }
    }

    /// The row's event with its days and sessions.
    private static func spec(of record: EventRecord, in db: Database) throws -> EventSpec {
        let days = try EventDayRecord.filter(EventDayRecord.Columns.event == record.id).order(EventDayRecord.Columns.position).fetchAll(db).map(\.day)
        let sessions = try EventSessionRecord.filter(EventSessionRecord.Columns.event == record.id)
            .order(EventSessionRecord.Columns.position).fetchAll(db).map { try $0.session() }
        return record.spec(days: days, sessions: sessions)
    }

    /// The event with its participants (by side, then company), requests, blocks and locks.
    static func definition(_ id: String, in db: Database) throws -> EventDefinition? {
        guard let spec = try spec(id, in: db) else { return nil }
        let participants = try ParticipantRecord.filter(ParticipantRecord.Columns.event == id)
            .order(ParticipantRecord.Columns.side, ParticipantRecord.Columns.company).fetchAll(db).map { try $0.participant() }
        let requests = try RequestRecord.filter(RequestRecord.Columns.event == id)
            .order(RequestRecord.Columns.a, RequestRecord.Columns.b).fetchAll(db).map(\.request)
        let blocks = try BlockRecord.filter(BlockRecord.Columns.event == id)
            .order(BlockRecord.Columns.a, BlockRecord.Columns.b).fetchAll(db).map(\.block)
        let locks = try LockRecord.filter(LockRecord.Columns.event == id)
            .order(LockRecord.Columns.slot, LockRecord.Columns.a, LockRecord.Columns.b).fetchAll(db).map(\.lock)
        return EventDefinition(spec: spec, participants: participants, requests: requests, blocks: blocks, locks: locks)
    }

    static func saveParticipant(_ participant: Participant, event: String, in db: Database) throws {
        try ParticipantRecord(participant.storedForm, event: event).save(db)
    }

    /// Unregisters companies with their requests, blocks and locks. When one of them is in the
    /// current schedule, that schedule is discarded (its figures would no longer hold) and true
    /// is returned; what was published stays, for `schedule --keep-published`.
    static func removeParticipants(_ companies: [String], event: String, in db: Database) throws -> Bool {
        var scheduled = false
        for company in companies.map(CompanyText.nfc) {
            try ParticipantRecord.deleteOne(db, key: ["event": event, "company": company])
            try RequestRecord.filter(RequestRecord.Columns.event == event && (RequestRecord.Columns.a == company || RequestRecord.Columns.b == company)).deleteAll(db)
            try BlockRecord.filter(BlockRecord.Columns.event == event && (BlockRecord.Columns.a == company || BlockRecord.Columns.b == company)).deleteAll(db)
            try LockRecord.filter(LockRecord.Columns.event == event && (LockRecord.Columns.a == company || LockRecord.Columns.b == company)).deleteAll(db)
            scheduled = try scheduled || MeetingRecord.filter(
                MeetingRecord.Columns.event == event && (MeetingRecord.Columns.delegate == company || MeetingRecord.Columns.host == company)
            ).isEmpty(db) == false
        }
        if scheduled {
            try ScheduleStore.discard(event, in: db)
        } else {
            try ScheduleStore.markRulesChanged(event, at: Timestamp.now(), in: db)
        }
        return scheduled
    }

    /// Replaces every participant, request, block and lock of an event.
    static func replaceRules(_ definition: EventDefinition, in db: Database) throws {
        let id = definition.spec.id
        try ParticipantRecord.filter(ParticipantRecord.Columns.event == id).deleteAll(db)
        try RequestRecord.filter(RequestRecord.Columns.event == id).deleteAll(db)
        // A pair a participant declined stays its own block when the event's rules are replaced.
        let declined = try BlockRecord.filter(BlockRecord.Columns.event == id).fetchAll(db).filter { $0.origin == .participant }
        try BlockRecord.filter(BlockRecord.Columns.event == id).deleteAll(db)
        try LockRecord.filter(LockRecord.Columns.event == id).deleteAll(db)
        for participant in definition.participants { try saveParticipant(participant, event: id, in: db) }
        for request in definition.requests { try saveRequest(request, event: id, in: db) }
        for block in definition.blocks {
            let mine = declined.first { Set([$0.a, $0.b]) == Set([block.a, block.b]) }
            try saveBlock(mine?.block ?? block, origin: mine == nil ? .organizer : .participant, event: id, in: db)
        }
        for lock in definition.locks { try saveLock(lock, event: id, in: db) }
    }

    /// Saves a request, replacing one of the same pair (written either way round: a pair is
    /// unordered).
    static func saveRequest(_ request: MeetingRequest, event: String, in db: Database) throws {
        let request = request.storedForm
        try RequestRecord.filter(RequestRecord.Columns.event == event && RequestRecord.Columns.a == request.b
                                     && RequestRecord.Columns.b == request.a).deleteAll(db)
        try RequestRecord(request, event: event).save(db)
    }

    /// Saves a block, once per pair whichever way round it is written, made by `origin` (a
    /// participant: `block.a`). A pair a participant declined stays its block.
    static func saveBlock(_ block: PairBlock, origin: RequestOrigin = .organizer, event: String, in db: Database) throws {
        let block = block.storedForm
        let same = BlockRecord.filter(BlockRecord.Columns.event == event
                                      && ((BlockRecord.Columns.a == block.a && BlockRecord.Columns.b == block.b)
                                          || (BlockRecord.Columns.a == block.b && BlockRecord.Columns.b == block.a)))
        if try same.fetchAll(db).contains(where: { $0.origin == .participant }) { return }
        try same.deleteAll(db)
        try BlockRecord(block, origin: origin, event: event).insert(db)
    }

    /// Saves a lock, once per pair whichever way round it is written: it replaces the pair's.
    static func saveLock(_ lock: MeetingLock, event: String, in db: Database) throws {
        let lock = lock.storedForm
        try LockRecord.filter(LockRecord.Columns.event == event && LockRecord.Columns.a == lock.b && LockRecord.Columns.b == lock.a).deleteAll(db)
        try LockRecord(lock, event: event).save(db)
    }
}
