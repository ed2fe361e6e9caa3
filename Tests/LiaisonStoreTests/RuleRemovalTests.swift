import Foundation
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
import Testing

@Suite("Taking back an event's requests, blocks and locks")
struct RuleRemovalTests {
    /// `forum` with CN-0001…0006 and CA-0001…0006 registered, and one rule of each kind, plus a
    /// request that stays: a must-meet request of CN-0001 and CA-0001, a block of CN-0002 and
    /// CA-0001, a lock of CN-0003 and CA-0002 in slot 2 at table 1, a request of CN-0004 and CA-0004.
    private static func event(_ db: LiaisonDatabase) throws {
        try db.createEvent(EventFixture.spec())
        try db.addParticipants(EventFixture.ids("CN", 1...6) + EventFixture.ids("CA", 1...6), to: "forum", settings: ParticipantSettings())
        try db.addRequest(MeetingRequest(a: "CN-0001", b: "CA-0001", must: true), to: "forum")
        try db.addRequest(MeetingRequest(a: "CN-0004", b: "CA-0004", must: false), to: "forum")
        try db.addBlock(PairBlock(a: "CN-0002", b: "CA-0001"), to: "forum")
        try db.addLock(MeetingLock(a: "CN-0003", b: "CA-0002", slot: 2, table: 1), to: "forum")
    }

    @Test("each kind of rule is taken back whichever way round its pair is named, and only it", arguments: Storage.allCases)
    func removeEachKind(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try Self.event(db)
            let request = try db.removeRequest("CA-0001", "CN-0001", from: "forum")
            #expect(request.rule == MeetingRequest(a: "CN-0001", b: "CA-0001", must: true) && !request.discardedSchedule)
            let block = try db.removeBlock("CA-0001", "CN-0002", from: "forum")
            #expect(block.rule == BlockEntry(block: PairBlock(a: "CN-0002", b: "CA-0001"), origin: .organizer) && !block.discardedSchedule)
            let lock = try db.removeLock("CN-0003", "CA-0002", from: "forum")
            #expect(lock.rule == MeetingLock(a: "CN-0003", b: "CA-0002", slot: 2, table: 1) && !lock.discardedSchedule)
            let definition = try db.eventDefinition("forum")
            #expect(definition.requests == [MeetingRequest(a: "CN-0004", b: "CA-0004", must: false)])
            #expect(definition.blocks.isEmpty && definition.locks.isEmpty)
            #expect(definition.participants.count == 12)
            // The lock named the other way round goes too.
            try db.addLock(MeetingLock(a: "CN-0005", b: "CA-0005", slot: 1), to: "forum")
            #expect(try db.removeLock("CA-0005", "CN-0005", from: "forum").rule == MeetingLock(a: "CN-0005", b: "CA-0005", slot: 1))
            #expect(try db.eventDefinition("forum").locks.isEmpty)
        }
    }

    @Test("taking back what the pair does not have is refused, naming the event, the kind and the pair, and changes nothing")
    func nothingToRemove() throws {
        try EventFixture.withCompanies { db in
            try Self.event(db)
            let before = try EventSnapshot(db)
            // The pair has a request, but no block and no lock; another has a block but no request.
            #expect(throws: EventError.noRule(event: "forum", kind: .block, a: "CA-0001", b: "CN-0001")) {
                try db.removeBlock("CA-0001", "CN-0001", from: "forum")
            }
            #expect(throws: EventError.noRule(event: "forum", kind: .lock, a: "CN-0001", b: "CA-0001")) {
                try db.removeLock("CN-0001", "CA-0001", from: "forum")
            }
            #expect(throws: EventError.noRule(event: "forum", kind: .request, a: "CN-0002", b: "CA-0001")) {
                try db.removeRequest("CN-0002", "CA-0001", from: "forum")
            }
            #expect(throws: EventError.notParticipant(event: "forum", company: "CA-0009")) { try db.removeBlock("CN-0002", "CA-0009", from: "forum") }
            #expect(throws: EventError.unknownEvent("nope")) { try db.removeRequest("CN-0001", "CA-0001", from: "nope") }
            #expect(try EventSnapshot(db) == before)
            // Taken back once, a rule is not there to take back again.
            try db.removeRequest("CN-0004", "CA-0004", from: "forum")
            #expect(throws: EventError.noRule(event: "forum", kind: .request, a: "CA-0004", b: "CN-0004")) {
                try db.removeRequest("CA-0004", "CN-0004", from: "forum")
            }
            let refusal = EventError.noRule(event: "forum", kind: .lock, a: "CN-0001", b: "CA-0001")
            #expect(refusal.description == "event 'forum' has no lock between CN-0001 and CA-0001; `liaison event show forum` lists its requests, blocks and locks")
        }
    }

    @Test("a block a participant made (not interested) is the organizer's to take back, which says whose it was; the pair may then be asked for")
    func participantsBlock() throws {
        try EventFixture.withCompanies { db in
            try Self.event(db)
            try db.declineMatch(event: "forum", from: "CA-0003", with: "CN-0005")
            #expect(try db.blockEntries(event: "forum") == [
                BlockEntry(block: PairBlock(a: "CA-0003", b: "CN-0005"), origin: .participant),
                BlockEntry(block: PairBlock(a: "CN-0002", b: "CA-0001"), origin: .organizer),
            ].sorted { ($0.block.a, $0.block.b) < ($1.block.a, $1.block.b) })
            #expect(throws: ParticipantActionError.blocked("CN-0005", "CA-0003")) {
                try db.requestMeeting(event: "forum", from: "CN-0005", with: "CA-0003")
            }
            let removal = try db.removeBlock("CN-0005", "CA-0003", from: "forum")
            #expect(removal.rule == BlockEntry(block: PairBlock(a: "CA-0003", b: "CN-0005"), origin: .participant))
            #expect(try db.blockEntries(event: "forum").map(\.origin) == [.organizer])
            #expect(try db.requestMeeting(event: "forum", from: "CN-0005", with: "CA-0003").status == .pending)
        }
    }

    @Test("taking back a rule keeps the current schedule, noting that the rules changed; a schedule computed before is not saved")
    func scheduleMeanwhile() throws {
        try EventFixture.withCompanies { db in
            try Self.event(db)
            let read = try db.eventDefinition("forum")
            let stored = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            #expect(try !db.removeLock("CA-0002", "CN-0003", from: "forum").discardedSchedule)
            #expect(try db.eventScheduleState("forum").rulesChangedAt != nil)
            #expect(try db.eventScheduleState("forum").report.meetings == stored.report.meetings)
            // The schedule computed for the event with its lock is not saved as if nothing changed.
            #expect(throws: EventError.changedWhileScheduling("forum")) { try db.save(stored, of: "forum", scheduledFrom: read) }
        }
    }

    @Test("what removing a participant takes with it is told before, changing nothing; refused for one that is no participant")
    func participantRemovalPreview() throws {
        try EventFixture.withCompanies { db in
            try Self.event(db)
            let meetings = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false).meetings
            let before = try EventSnapshot(db)
            let removal = try db.participantRemoval("CA-0001", from: "forum")
            #expect(removal.participant.company == "CA-0001")
            #expect(removal.requests == [MeetingRequest(a: "CN-0001", b: "CA-0001", must: true)])
            #expect(removal.blocks == [BlockEntry(block: PairBlock(a: "CN-0002", b: "CA-0001"), origin: .organizer)])
            #expect(removal.locks.isEmpty)
            #expect(removal.scheduledMeetings == meetings.filter { $0.host == "CA-0001" }.count && removal.scheduledMeetings > 0)
            #expect(try db.participantRemoval("CN-0003", from: "forum").locks == [MeetingLock(a: "CN-0003", b: "CA-0002", slot: 2, table: 1)])
            #expect(throws: EventError.notParticipant(event: "forum", company: "CA-0009")) { try db.participantRemoval("CA-0009", from: "forum") }
            #expect(try EventSnapshot(db) == before)
        }
    }
}
