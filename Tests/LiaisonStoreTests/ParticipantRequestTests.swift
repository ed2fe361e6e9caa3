import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
@testable import LiaisonStore
import Testing

@Suite("Requests made by participants, blocks of 'not interested', and the organizer's answer")
struct ParticipantRequestTests {
    /// A forum with 4 delegates and 6 Canadian hosts.
    private func withForum<T>(_ body: (LiaisonDatabase) throws -> T) throws -> T {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...6), to: "forum", settings: ParticipantSettings())
            return try body(db)
        }
    }

    @Test("a participant's request is stored with origin participant, pending, and is not scheduled until accepted")
    func requestWaitsForTheOrganizer() throws {
        try withForum { db in
            let request = try db.requestMeeting(event: "forum", from: "CN-0001", with: "CA-0003")
            #expect(request == MeetingRequest(a: "CN-0001", b: "CA-0003", must: false, origin: .participant, status: .pending))
            #expect(try db.eventDefinition("forum").requests == [request])
            let pending = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(pending.report.otherRequests.asked == 0)
            try db.decideRequest(event: "forum", a: "CN-0001", b: "CA-0003", accept: true)
            #expect(try db.eventDefinition("forum").requests.first?.status == .accepted)
            let accepted = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(accepted.report.otherRequests.asked == 1)
            try db.decideRequest(event: "forum", a: "CN-0001", b: "CA-0003", accept: false)
            #expect(try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false).report.otherRequests.asked == 0)
            #expect(try db.eventDefinition("forum").requests.first?.status == .declined)
        }
    }

    @Test("asking again, either way round, changes nothing; a pair on one side, oneself or a blocked pair is refused")
    func requestRules() throws {
        try withForum { db in
            try db.addRequest(MeetingRequest(a: "CA-0002", b: "CN-0002", must: true), to: "forum")
            let existing = try db.requestMeeting(event: "forum", from: "CN-0002", with: "CA-0002")
            #expect(existing.origin == .organizer && existing.must)
            try db.requestMeeting(event: "forum", from: "CN-0001", with: "CA-0001")
            try db.requestMeeting(event: "forum", from: "CA-0001", with: "CN-0001")
            #expect(try db.eventDefinition("forum").requests.count == 2)
            #expect(throws: ParticipantActionError.sameSide("CN-0001", "CN-0002")) { try db.requestMeeting(event: "forum", from: "CN-0001", with: "CN-0002") }
            #expect(throws: ParticipantActionError.ownCompany("CN-0001")) { try db.requestMeeting(event: "forum", from: "CN-0001", with: "CN-0001") }
            #expect(throws: EventError.notParticipant(event: "forum", company: "CA-0099")) {
                try db.requestMeeting(event: "forum", from: "CN-0001", with: "CA-0099")
            }
            try db.declineMatch(event: "forum", from: "CN-0003", with: "CA-0004")
            #expect(throws: ParticipantActionError.blocked("CA-0004", "CN-0003")) { try db.requestMeeting(event: "forum", from: "CA-0004", with: "CN-0003") }
            #expect(throws: ParticipantActionError.noSuchRequest("CA-0002", "CN-0002")) {
                try db.decideRequest(event: "forum", a: "CA-0002", b: "CN-0002", accept: false)
            }
        }
    }

    @Test("in an open event any two participants may ask to meet, two of one country or of one side included; the board suggests them")
    func openEventRequests() throws {
        try EventFixture.withCompanies { db in
            var spec = EventFixture.spec("chamber")
            spec.pairing = .open
            try db.createEvent(spec)
            try db.addParticipants(EventFixture.ids("CN", 1...2) + EventFixture.ids("CA", 1...3), to: "chamber", settings: ParticipantSettings())
            try db.requestMeeting(event: "chamber", from: "CA-0001", with: "CA-0002")
            try db.requestMeeting(event: "chamber", from: "CN-0001", with: "CN-0002")
            #expect(try db.eventDefinition("chamber").requests.map { [$0.a, $0.b] } == [["CA-0001", "CA-0002"], ["CN-0001", "CN-0002"]])
            try db.declineMatch(event: "chamber", from: "CA-0003", with: "CA-0001")
            #expect(try db.eventDefinition("chamber").blocks == [PairBlock(a: "CA-0003", b: "CA-0001")])
            let board = try db.eventMatchboard("chamber")
            #expect(Set(board.suggestions(for: "CA-0001", limit: 10).map(\.company)) == ["CA-0002", "CA-0003", "CN-0001", "CN-0002"])
        }
    }

    @Test("'not interested' blocks the pair and withdraws plain requests; a must-meet request is not overridden")
    func notInterested() throws {
        try withForum { db in
            try db.requestMeeting(event: "forum", from: "CA-0001", with: "CN-0001")
            try db.declineMatch(event: "forum", from: "CN-0001", with: "CA-0001")
            let definition = try db.eventDefinition("forum")
            #expect(definition.blocks == [PairBlock(a: "CN-0001", b: "CA-0001")])
            #expect(definition.requests.isEmpty)
            try db.declineMatch(event: "forum", from: "CA-0001", with: "CN-0001")
            #expect(try db.eventDefinition("forum").blocks.count == 1)
            try db.addRequest(MeetingRequest(a: "CN-0002", b: "CA-0002", must: true), to: "forum")
            #expect(throws: EventError.self) { try db.declineMatch(event: "forum", from: "CA-0002", with: "CN-0002") }
            #expect(try db.eventDefinition("forum").blocks.count == 1)
        }
    }

    @Test("a participant's page lists the companies it declined itself: not the organizer's blocks, nor who declined it; a decline stays its own through the organizer's block of the pair and a replacement of the rules")
    func declinedAreTheParticipantsOwn() throws {
        try withForum { db in
            try db.declineMatch(event: "forum", from: "CN-0001", with: "CA-0001")
            try db.addBlock(PairBlock(a: "CN-0001", b: "CA-0002"), to: "forum")
            try db.declineMatch(event: "forum", from: "CA-0003", with: "CN-0001")
            func declined(_ company: String) throws -> [String] { try db.participantView(event: "forum", company: company).declined }
            #expect(try declined("CN-0001") == ["CA-0001"])
            #expect(try declined("CA-0001").isEmpty && declined("CA-0002").isEmpty)
            #expect(try declined("CA-0003") == ["CN-0001"])
            // The organizer blocks the pair too (either way round), then the rules are replaced whole.
            try db.addBlock(PairBlock(a: "CA-0001", b: "CN-0001"), to: "forum")
            let definition = try db.eventDefinition("forum")
            #expect(definition.blocks.count == 3)
            try db.writer.write { db in try EventStore.replaceRules(definition, in: db) }
            #expect(try declined("CN-0001") == ["CA-0001"])
            #expect(try declined("CA-0003") == ["CN-0001"])
            #expect(try db.eventDefinition("forum").blocks.count == 3)
        }
    }

    @Test("a participant takes back its own 'not interested', and only it: neither the organizer's block of a pair nor the other's decline")
    func takeBackDecline() throws {
        try withForum { db in
            try db.declineMatch(event: "forum", from: "CN-0001", with: "CA-0001")
            try db.addBlock(PairBlock(a: "CN-0001", b: "CA-0002"), to: "forum")
            let before = try EventSnapshot(db)
            // The other company of a declined pair, a pair the organizer blocked, a pair with no block.
            for (company, other) in [("CA-0001", "CN-0001"), ("CN-0001", "CA-0002"), ("CA-0002", "CN-0001"), ("CN-0001", "CA-0003")] {
                #expect(throws: ParticipantActionError.notDeclined(company, other)) { try db.takeBackDecline(event: "forum", from: company, with: other) }
            }
            #expect(throws: EventError.notParticipant(event: "forum", company: "CA-0099")) {
                try db.takeBackDecline(event: "forum", from: "CN-0001", with: "CA-0099")
            }
            #expect(try EventSnapshot(db) == before)
            let removal = try db.takeBackDecline(event: "forum", from: "CN-0001", with: "CA-0001")
            #expect(removal.rule == BlockEntry(block: PairBlock(a: "CN-0001", b: "CA-0001"), origin: .participant) && !removal.discardedSchedule)
            #expect(try db.blockEntries(event: "forum") == [BlockEntry(block: PairBlock(a: "CN-0001", b: "CA-0002"), origin: .organizer)])
            let view = try db.participantView(event: "forum", company: "CN-0001")
            #expect(view.declined.isEmpty && view.blocks == [PairBlock(a: "CN-0001", b: "CA-0002")])
            // Taken back once, it is not there to take back again; the pair may be asked for, and declined again.
            #expect(throws: ParticipantActionError.notDeclined("CN-0001", "CA-0001")) {
                try db.takeBackDecline(event: "forum", from: "CN-0001", with: "CA-0001")
            }
            #expect(try db.requestMeeting(event: "forum", from: "CN-0001", with: "CA-0001").status == .pending)
            try db.declineMatch(event: "forum", from: "CN-0001", with: "CA-0001")
            #expect(try db.participantView(event: "forum", company: "CN-0001").declined == ["CA-0001"])
        }
    }

    @Test("taking back 'not interested' changes the rules as any change does: the current schedule is kept, noting it, and one computed before is not saved")
    func takeBackDeclineWhileScheduling() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...6), to: "forum",
                                   settings: ParticipantSettings(maxMeetings: 2))
            try db.declineMatch(event: "forum", from: "CN-0001", with: "CA-0001")
            let read = try db.eventDefinition("forum")
            let stored = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            #expect(try !db.takeBackDecline(event: "forum", from: "CN-0001", with: "CA-0001").discardedSchedule)
            #expect(try db.eventScheduleState("forum").rulesChangedAt != nil)
            #expect(try db.eventScheduleState("forum").report.meetings == stored.report.meetings)
            #expect(throws: EventError.changedWhileScheduling("forum")) { try db.save(stored, of: "forum", scheduledFrom: read) }
        }
    }

    /// A forum of 4 delegates and 6 hosts, at most 2 meetings each, scheduled (not published): its meetings.
    private static func scheduledForum(_ db: LiaisonDatabase) throws -> [Meeting] {
        try db.createEvent(EventFixture.spec())
        try db.addParticipants(EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...6), to: "forum",
                               settings: ParticipantSettings(maxMeetings: 2))
        return try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false).meetings
    }

    /// Publishes the forum, then discards its current schedule by blocking a scheduled pair that
    /// shares no one with `meeting`: that pair.
    private static func publishThenDiscard(_ db: LiaisonDatabase, _ scheduled: [Meeting], sparing meeting: Meeting) throws -> Meeting {
        _ = try db.publishEvent("forum")
        let other = try #require(scheduled.first { Set([$0.delegate, $0.host]).isDisjoint(with: [meeting.delegate, meeting.host]) })
        #expect(try db.addBlock(PairBlock(a: other.delegate, b: other.host), to: "forum"))
        return other
    }

    /// The forum's delegate–host pairs that `scheduled` does not meet, in order.
    private static func unmetPairs(_ scheduled: [Meeting]) -> [(String, String)] {
        let pairs = Set(scheduled.map { Set([$0.delegate, $0.host]) })
        return (1...4).flatMap { d in (1...6).map { (String(format: "CN-%04d", d), String(format: "CA-%04d", $0)) } }
            .filter { !pairs.contains(Set([$0.0, $0.1])) }
    }

    @Test("a request to meet a company one already meets in the schedule, current or published, is refused and stores nothing")
    func requestForAScheduledMeeting() throws {
        try EventFixture.withCompanies { db in
            let scheduled = try Self.scheduledForum(db)
            let meeting = try #require(scheduled.first)
            #expect(throws: ParticipantActionError.alreadyMeeting(meeting.delegate, meeting.host)) {
                try db.requestMeeting(event: "forum", from: meeting.delegate, with: meeting.host)
            }
            #expect(throws: ParticipantActionError.alreadyMeeting(meeting.host, meeting.delegate)) {
                try db.requestMeeting(event: "forum", from: meeting.host, with: meeting.delegate)
            }
            #expect(try db.eventDefinition("forum").requests.isEmpty)
            // Published, then the current schedule discarded by a change of the rules: the published meeting still holds.
            let other = try Self.publishThenDiscard(db, scheduled, sparing: meeting)
            #expect(throws: ParticipantActionError.alreadyMeeting(meeting.host, meeting.delegate)) {
                try db.requestMeeting(event: "forum", from: meeting.host, with: meeting.delegate)
            }
            #expect(try db.eventDefinition("forum").requests.isEmpty)
            // A pair that does not meet may still be asked for.
            let free = try #require(Self.unmetPairs(scheduled).first { Set([$0.0, $0.1]) != Set([other.delegate, other.host]) })
            try db.requestMeeting(event: "forum", from: free.0, with: free.1)
            #expect(try db.eventDefinition("forum").requests.map { [$0.a, $0.b] } == [[free.0, free.1]])
        }
    }

    @Test("'not interested' in a company one meets in the schedule, current or published, is refused and discards nothing")
    func notInterestedInAScheduledMeeting() throws {
        try EventFixture.withCompanies { db in
            let scheduled = try Self.scheduledForum(db)
            let meeting = try #require(scheduled.first)
            #expect(throws: ParticipantActionError.scheduled(meeting.host, meeting.delegate)) {
                try db.declineMatch(event: "forum", from: meeting.host, with: meeting.delegate)
            }
            #expect(try db.eventSchedule("forum").scheduled.count == scheduled.count)
            #expect(try db.eventDefinition("forum").blocks.isEmpty)
            // Published, then the current schedule discarded by the organizer: the published meeting still holds.
            _ = try Self.publishThenDiscard(db, scheduled, sparing: meeting)
            #expect(throws: ParticipantActionError.scheduled(meeting.delegate, meeting.host)) {
                try db.declineMatch(event: "forum", from: meeting.delegate, with: meeting.host)
            }
            // A pair that does not meet is still the participant's to decline.
            let free = try #require(Self.unmetPairs(scheduled).first)
            try db.declineMatch(event: "forum", from: free.0, with: free.1)
            #expect(try db.eventDefinition("forum").blocks.contains(PairBlock(a: free.0, b: free.1)))
        }
    }

    @Test("origin and status are in the event file and read back by event import")
    func eventFileCarriesOrigins() throws {
        try EventFixture.withCompanies { db in
            let json = """
                {"id": "forum", "name": "Forum", "city": "Toronto", "country": "CA", "date": "2025-12-01", "start": "09:00",
                 "slots": 4, "slotMinutes": 20, "tables": 3,
                 "participants": [{"company": "CN-0001"}, {"company": "CA-0001"}, {"company": "CA-0002"}],
                 "requests": [{"a": "CN-0001", "b": "CA-0001", "origin": "participant", "status": "pending"},
                              {"a": "CA-0002", "b": "CN-0001", "must": true}]}
                """
            try TestFiles.withTemporaryDirectory { directory in
                let url = try directory.writing("event.json", json)
                try db.importEvents(from: url)
            }
            let requests = try db.eventDefinition("forum").requests
            #expect(requests == [MeetingRequest(a: "CA-0002", b: "CN-0001", must: true),
                                 MeetingRequest(a: "CN-0001", b: "CA-0001", must: false, origin: .participant, status: .pending)])
            let encoded = String(decoding: try JSONEncoder().encode(requests[1]), as: UTF8.self)
            #expect(encoded.contains(#""origin":"participant""#) && encoded.contains(#""status":"pending""#))
            // Stored before v9 (no origin or status in the JSON): an organizer's request in force.
            let old = try JSONDecoder().decode(MeetingRequest.self, from: Data(#"{"a":"A","b":"B","must":true}"#.utf8))
            #expect(old == MeetingRequest(a: "A", b: "B", must: true, origin: .organizer, status: .accepted))
        }
    }

    @Test("requests stored before v9 become the organizer's, in force")
    func migrationKeepsRequestsInForce() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("old.sqlite").path
            do {
                let queue = try DatabaseQueue(path: path)
                try Migrations.migrator.migrate(queue, upTo: "v6: meetings keep their score's components and reasons")
                try queue.write { db in
                    try db.execute(sql: """
                        INSERT INTO event (id, name, city, country, date, start, slots, slot_minutes, break_after, break_minutes, tables, time_zone, created_at)
                        VALUES ('e', 'E', 'Toronto', 'CA', '2025-12-01', '09:00', 4, 20, NULL, 0, 2, 'America/Toronto', '2025-01-01T00:00:00Z');
                        INSERT INTO event_request (event, a, b, must) VALUES ('e', 'CN-1', 'CA-1', 1);
                        """)
                }
            }
            let db = try LiaisonDatabase.open(path: path, mode: .mustExist)
            #expect(db.openReport.appliedMigrations.contains("v9: participant links, organizer sign-in, request origins, meeting ratings"))
            #expect(try db.eventDefinition("e").requests == [MeetingRequest(a: "CN-1", b: "CA-1", must: true, origin: .organizer, status: .accepted)])
        }
    }
}
