import Foundation
import GRDB
import GRDBSQLite
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
@testable import LiaisonStore
import Testing

@Suite("The store's use cases for the browser: links, moves, the published agenda, ratings, suggestions, search")
struct BrowserUseCaseTests {
    private func withForum<T>(_ body: (LiaisonDatabase) throws -> T) throws -> T {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            // At most 3 meetings each in 6 slots: room to move a meeting, hosts a delegate does not meet.
            try db.addParticipants(EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...6), to: "forum",
                                   settings: ParticipantSettings(maxMeetings: 3))
            return try body(db)
        }
    }

    @Test("links are shown once: issued to those without one, renewed on demand, the old one then opens nothing")
    func links() throws {
        try withForum { db in
            let first = try db.issueParticipantLinks(event: "forum")
            #expect(first.count == 10 && first.allSatisfy { $0.token != nil && $0.issuedAt != nil })
            #expect(try db.issueParticipantLinks(event: "forum").allSatisfy { $0.token == nil && $0.issuedAt != nil })
            try db.addParticipants(["CA-0007"], to: "forum", settings: ParticipantSettings())
            #expect(try db.issueParticipantLinks(event: "forum").filter { $0.token != nil }.map(\.company) == ["CA-0007"])
            let old = try #require(first.first { $0.company == "CN-0001" }?.token)
            #expect(try db.participantAccess(token: old)?.company == "CN-0001")
            let renewed = try db.renewParticipantLink(event: "forum", company: "CN-0001")
            #expect(try db.participantAccess(token: old) == nil)
            #expect(try db.participantAccess(token: try #require(renewed.token))?.company == "CN-0001")
            #expect(throws: EventError.notParticipant(event: "forum", company: "CA-0099")) {
                try db.renewParticipantLink(event: "forum", company: "CA-0099")
            }
            try db.removeParticipants(["CN-0001"], from: "forum")
            #expect(try db.participantAccess(token: renewed.token!) == nil)
            #expect(try db.participantAccess(token: "../../etc/passwd") == nil)
        }
    }

    @Test("a move is stored with the report computed again; a broken rule is refused and nothing changes; a lock follows")
    func moveMeeting() throws {
        try withForum { db in
            let schedule = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            let spec = EventFixture.spec()
            // A slot and table where the first meeting can go: both free then, the table unused.
            let meeting = schedule.meetings[0]
            let busy = { (company: String, slot: Int) in schedule.meetings.contains { ($0.delegate == company || $0.host == company) && $0.slot == slot } }
            let target = try #require(spec.slotNumbers.lazy.compactMap { slot -> (Int, Int)? in
                guard slot != meeting.slot, !busy(meeting.delegate, slot), !busy(meeting.host, slot) else { return nil }
                let used = Set(schedule.meetings.filter { $0.slot == slot }.map(\.table))
                return (1...spec.tables).first { !used.contains($0) }.map { (slot, $0) }
            }.first)
            let moved = try db.moveMeeting(event: "forum", delegate: meeting.delegate, host: meeting.host, toSlot: target.0, table: target.1, lock: true)
            let stored = try db.eventScheduleDocument("forum")
            #expect(stored.meetings.map(\.meeting) == moved.meetings)
            #expect(stored.meetings.first { $0.meeting.pair == meeting.pair }.map { [$0.meeting.slot, $0.meeting.table] } == [target.0, target.1])
            #expect(stored.meetings.first { $0.meeting.pair == meeting.pair }?.reasons == schedule.scheduled[0].reasons)
            #expect(stored.state.report.meetings == schedule.report.meetings)
            #expect(stored.state.report.upperBound == schedule.report.upperBound)
            #expect(try db.eventDefinition("forum").locks == [MeetingLock(a: meeting.delegate, b: meeting.host, slot: target.0, table: target.1)])

            let before = try EventSnapshot(db)
            #expect(throws: EventError.self) {
                try db.moveMeeting(event: "forum", delegate: meeting.delegate, host: meeting.host, toSlot: spec.slots + 1, table: 1, lock: false)
            }
            #expect(throws: EventError.self) {   // locked: moves only with its lock
                try db.moveMeeting(event: "forum", delegate: meeting.delegate, host: meeting.host, toSlot: meeting.slot, table: meeting.table, lock: false)
            }
            #expect(try EventSnapshot(db) == before)
        }
    }

    @Test("participants see the published schedule, not the one being changed; the calendar follows publications")
    func publishedAgenda() throws {
        try withForum { db in
            let schedule = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            #expect(try db.participantView(event: "forum", company: "CN-0001").agenda == nil)
            #expect(try db.publishedScheduleDocument("forum").meetings.isEmpty)
            _ = try db.publishEvent("forum")
            let meeting = try #require(schedule.meetings.first { $0.delegate == "CN-0001" })
            let agenda = try #require(try db.participantView(event: "forum", company: "CN-0001").agenda)
            #expect(agenda.contains { $0.counterpart == meeting.host && $0.slot == meeting.slot })
            let hostView = try #require(try db.participantView(event: "forum", company: meeting.host).agenda?.first { $0.counterpart == "CN-0001" })
            let delegateEntry = try #require(agenda.first { $0.counterpart == meeting.host })
            #expect(hostView.reasons == delegateEntry.reasons.map(\.seenFromMatch))
            #expect(!delegateEntry.reasons.isEmpty)
            // Rescheduled, not published: the participant still sees the published slot.
            _ = try db.scheduleEvent("forum", minMeetings: 2, keepPublished: false)
            let document = try db.publishedScheduleDocument("forum")
            #expect(document.meetings.map(\.meeting) == schedule.meetings)
        }
    }

    @Test("a meeting is rated after it ends, by its own participants only; the summary counts each side")
    func ratings() throws {
        try withForum { db in
            let schedule = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            _ = try db.publishEvent("forum")
            let meeting = schedule.meetings[0]
            let end = try #require(LiaisonDatabase.end(ofSlot: meeting.slot, in: EventFixture.spec()))
            #expect(throws: ParticipantActionError.notYetHeld(meeting.delegate, meeting.host)) {
                try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: meeting.host, outcome: .followUpPlanned,
                                   now: end.addingTimeInterval(-60))
            }
            let stranger = try #require(EventFixture.ids("CA", 1...6).first { host in !schedule.meetings.contains { $0.delegate == meeting.delegate && $0.host == host } })
            #expect(throws: ParticipantActionError.noSuchMeeting(meeting.delegate, stranger)) {
                try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: stranger, outcome: .noInterest, now: end)
            }
            try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: meeting.host, outcome: .noInterest, now: end)
            try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: meeting.host, outcome: .agreementInProgress, now: end)
            try db.rateMeeting(event: "forum", company: meeting.host, counterpart: meeting.delegate, outcome: .didNotTakePlace, now: end)
            let summary = try db.outcomeSummary(event: "forum")
            #expect(summary.ratable == schedule.meetings.count * 2)
            #expect(summary.counts == [.agreementInProgress: 1, .didNotTakePlace: 1])
            #expect(summary.rate(.agreementInProgress) == 0.5)
        }
    }

    @Test("the 10:00 slot of a Toronto event ends at 10:20 Toronto time, whatever the machine's zone, also on a clock change's day")
    func slotEnd() throws {
        let spec = EventSpec(id: "e", name: "E", city: "Toronto", country: "CA", date: "2025-12-01", start: "10:00", slots: 2,
                             slotMinutes: 20, tables: 1, timeZone: "America/Toronto")
        #expect(LiaisonDatabase.end(ofSlot: 1, in: spec) == Date(timeIntervalSince1970: 1_764_602_400))
        // On the day daylight saving time begins (02:00), 09:20 on the venue's clock is 13:20 UTC, not 14:20.
        let spring = EventSpec(id: "e", name: "E", city: "Toronto", country: "CA", date: "2026-03-08", start: "09:00", slots: 2,
                               slotMinutes: 20, tables: 1, timeZone: "America/Toronto")
        #expect(LiaisonDatabase.end(ofSlot: 1, in: spring) == Date(timeIntervalSince1970: 1_772_976_000))
    }

    @Test("suggestions score as the scheduler does, skip the participant's own side and the excluded")
    func matchboardScores() throws {
        try withForum { db in
            let schedule = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            let board = try db.eventMatchboard("forum")
            for meeting in schedule.meetings {
                #expect(board.score(meeting.delegate, meeting.host) == meeting.score)
            }
            let suggestions = board.suggestions(for: "CN-0001", excluding: ["CA-0002"], limit: 10)
            #expect(suggestions.count == 5)
            #expect(suggestions.allSatisfy { $0.company.hasPrefix("CA-") && $0.company != "CA-0002" })
            #expect(suggestions.map(\.score) == suggestions.map(\.score).sorted(by: >))
            #expect(board.key == (try db.eventMatchboardKey("forum")))
            try db.addParticipants(["CA-0007"], to: "forum", settings: ParticipantSettings())
            #expect(board.key != (try db.eventMatchboardKey("forum")))
        }
    }

    @Test("search finds by id or name in any case, literally, by country and sector, one page at a time")
    func search() throws {
        try EventFixture.withCompanies(extra: [Company(id: "US-100%", name: "Percent_Co", country: "US", offers: SectorProfile(["retail": 1]))]) { db in
            let all = try db.searchCompanies(limit: 7)
            let count = try db.companies().count
            #expect(all.companies.count == 7 && all.total == count)
            #expect(try db.searchCompanies(text: "cn-000", limit: 100).companies.map(\.company.id) == EventFixture.ids("CN", 1...9))
            #expect(try db.searchCompanies(text: "%").companies.map(\.company.id) == ["US-100%"])
            #expect(try db.searchCompanies(text: "_co").companies.map(\.company.id) == ["US-100%"])
            let canada = try db.searchCompanies(country: "ca", limit: 500)
            #expect(canada.total == 15 && canada.companies.allSatisfy { $0.company.country == "CA" })
            let retail = try db.searchCompanies(sector: "retail", limit: 500)
            #expect(retail.companies.allSatisfy { $0.company.offers.weights["retail"] != nil || $0.company.seeks.weights["retail"] != nil })
            let second = try db.searchCompanies(limit: 5, offset: 5)
            let ids = try db.companies().map(\.company.id)
            #expect(second.companies.map(\.company.id) == Array(ids[5..<10]))
        }
    }

    @Test("a server's database (concurrent reads) migrates, reads and writes as any other, and keeps its statements prepared")
    func concurrentReads() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("served.sqlite").path
            let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing, concurrentReads: true)
            #expect(db.writer is DatabasePool)
            #expect(db.openReport.appliedMigrations == Migrations.migrator.migrations)
            try db.save(EventFixture.companies(seed: 3))
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CN-0001", "CA-0001"], to: "forum", settings: ParticipantSettings())
            let token = try #require(try db.issueParticipantLinks(event: "forum").first?.token)
            #expect(try db.participantAccess(token: token)?.company == "CA-0001")
            #expect(try db.participantView(event: "forum", company: "CN-0001").participant.company == "CN-0001")
            // Reads on a pool's read-only connections leave `query_only` alone, so SQLite does not
            // expire the statements the pages reuse.
            func repreparations(_ database: LiaisonDatabase) throws -> Int {
                try database.writer.read { db -> Int in
                    let statement = try db.cachedStatement(sql: "SELECT COUNT(*) FROM company")
                    _ = try Int.fetchOne(statement)
                    return Int(sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0))
                }
            }
            let first = try repreparations(db)
            #expect(try repreparations(db) == first)
            // What the pool spares: a single connection prepares its statements again at each read.
            let single = try LiaisonDatabase.open(path: path, mode: .mustExist)
            let before = try repreparations(single)
            #expect(try repreparations(single) > before)
        }
    }
}
