import Foundation
import GRDB
import HummingbirdTesting
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

/// Participants' pages are kept rendered between requests (``ParticipantPages``); these tests
/// open a page until it is the kept one, change what it shows through a second connection to the
/// database file — as the CLI or a second console would, from another process — and check that
/// the very next request shows the change. Each change writes another table the page reads.
@Suite("Kept participants' pages follow at once what any process writes")
struct PageFreshnessTests {
    /// The fixture on a database file opened as `liaison serve` opens it, and a second connection
    /// to the file opened as a `liaison` command opens it.
    private func withServerAndCLI(now: Date = TestClock.beforeEvent, _ body: @Sendable (WebFixture, LiaisonDatabase) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-pages-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("serve.sqlite")
        let fixture = try WebFixture.make(now: now, file: file)
        let cli = try LiaisonDatabase.open(path: file.path, mode: .mustExist)
        try await body(fixture, cli)
    }

    /// The page at `uri`, opened twice so that the second one is the kept page (checked equal).
    private func keptPage(_ browser: Browser, _ uri: String) async throws -> String {
        let first = try await browser.get(uri).text
        let again = try await browser.get(uri).text
        #expect(first == again)
        return again
    }

    /// The suggestions section of a page.
    private func suggestions(_ page: String) throws -> String {
        try #require(page.components(separatedBy: "id=\"suggestions\"").last?.components(separatedBy: "</section>").first)
    }

    @Test("a company renamed elsewhere is named anew on the next page (the catalog's version)")
    func companyRenamed() async throws {
        try await withServerAndCLI { fixture, cli in
            let uri = "/p/\(fixture.tokens["US-X"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await keptPage(browser, uri).contains("Shanghai Solar"))
                var renamed = try cli.company(id: "CN-A").company
                renamed.name = "Sunrise Photovoltaic"
                try cli.save([renamed])
                let page = try await browser.get(uri).text
                #expect(page.contains("Sunrise Photovoltaic") && !page.contains("Shanghai Solar"))
            }
        }
    }

    @Test("a request made elsewhere is listed on the next page (event_request)")
    func requestMadeElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            let uri = "/p/\(fixture.tokens["US-X"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await !keptPage(browser, uri).contains("asked by them"))
                try cli.requestMeeting(event: WebFixture.event, from: "CN-C", with: "US-X")
                #expect(try await browser.get(uri).text.contains("asked by them"))
            }
        }
    }

    @Test("a pair blocked elsewhere leaves the suggestions on the next page (event_block)")
    func blockedElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            let uri = "/p/\(fixture.tokens["US-X"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await suggestions(keptPage(browser, uri)).contains("Shanghai Solar"))
                try cli.addBlock(PairBlock(a: "CN-A", b: "US-X"), to: WebFixture.event)
                #expect(try await !suggestions(browser.get(uri).text).contains("Shanghai Solar"))
            }
        }
    }

    @Test("weights set elsewhere reorder the suggestions on the next page (score_weight)")
    func weightsSetElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            let uri = "/p/\(fixture.tokens["US-X"]!)"
            try await fixture.withBrowser { browser async throws in
                func first(_ page: String) throws -> String? {
                    let section = try suggestions(page)
                    return ["Shanghai Solar", "Harbin Foods", "Lyon-Shenzhen Robotics"]
                        .compactMap { name in section.range(of: name).map { (name, $0.lowerBound) } }.min { $0.1 < $1.1 }?.0
                }
                #expect(try await first(keptPage(browser, uri)) == "Shanghai Solar")
                // Only a shared language counts now: Harbin Foods speaks English only, as Bay Capital.
                for term in [ScoreTerm.sector, .complementarity, .size] { _ = try cli.setScoreWeight(term, to: 0) }
                #expect(try await first(browser.get(uri).text) == "Harbin Foods")
            }
        }
    }

    @Test("a participant registered elsewhere is suggested on the next page (event_participant)")
    func participantAddedElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            var newcomer = WebFixture.companies(names: [:]).first { $0.id == "US-X" }!
            newcomer.id = "US-W"
            newcomer.name = "Westshore Ventures"
            try cli.save([newcomer])
            let uri = "/p/\(fixture.tokens["CN-A"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await !keptPage(browser, uri).contains("Westshore Ventures"))
                _ = try cli.addParticipants(["US-W"], to: WebFixture.event, settings: ParticipantSettings(maxMeetings: 2))
                #expect(try await suggestions(browser.get(uri).text).contains("Westshore Ventures"))
            }
        }
    }

    @Test("a participant removed elsewhere, or whose link was renewed, is not found on the next request (event_participant, participant_link)")
    func accessWithdrawnElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            let removed = "/p/\(fixture.tokens["US-Z"]!)", renewed = "/p/\(fixture.tokens["US-Y"]!)"
            try await fixture.withBrowser { browser async throws in
                _ = try await keptPage(browser, removed)
                _ = try await keptPage(browser, renewed)
                _ = try cli.removeParticipants(["US-Z"], from: WebFixture.event)
                #expect(try await browser.get(removed).status == .notFound)
                let token = try #require(try cli.renewParticipantLink(event: WebFixture.event, company: "US-Y").token)
                #expect(try await browser.get(renewed).status == .notFound)
                #expect(try await browser.get("/p/\(token)").text.contains("/p/\(token)/request"))
            }
        }
    }

    @Test("a schedule published elsewhere is the agenda of the next page (published_meeting)")
    func publishedElsewhere() async throws {
        try await withServerAndCLI { fixture, cli in
            let uri = "/p/\(fixture.tokens["CN-A"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await keptPage(browser, uri).contains("主办方发布日程后"))
                _ = try cli.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
                _ = try cli.publishEvent(WebFixture.event)
                let page = try await browser.get(uri).text
                #expect(!page.contains("主办方发布日程后") && page.contains("/agenda.ics"))
            }
        }
    }

    @Test("a rating given elsewhere is shown on the next page (meeting_rating)")
    func ratedElsewhere() async throws {
        try await withServerAndCLI(now: TestClock.afterEvent) { fixture, cli in
            let schedule = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
            _ = try fixture.db.publishEvent(WebFixture.event)
            let meeting = try #require(schedule.meetings.first { $0.delegate == "CN-C" })
            let uri = "/p/\(fixture.tokens["CN-C"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await !keptPage(browser, uri).contains("Your answer: follow-up planned"))
                try cli.rateMeeting(event: WebFixture.event, company: "CN-C", counterpart: meeting.host, outcome: .followUpPlanned,
                                    now: TestClock.afterEvent)
                #expect(try await browser.get(uri).text.contains("Your answer: follow-up planned"))
            }
        }
    }

    @Test("the clock alone makes ended meetings ratable on a kept page")
    func clockMakesRatable() async throws {
        try await withServerAndCLI { fixture, _ in
            _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
            _ = try fixture.db.publishEvent(WebFixture.event)
            let uri = "/p/\(fixture.tokens["CN-C"]!)"
            try await fixture.withBrowser { browser async throws in
                #expect(try await !keptPage(browser, uri).contains("How did it go?"))
                fixture.clock.now = TestClock.afterEvent
                #expect(try await browser.get(uri).text.contains("How did it go?"))
            }
        }
    }

    @Test("a kept page is served to its own link only")
    func keptPageIsItsLinks() async throws {
        let fixture = try WebFixture.make()
        let tokenA = fixture.tokens["CN-A"]!, tokenB = fixture.tokens["CN-B"]!
        let csrfA = try #require(try fixture.db.participantAccess(token: tokenA)?.csrf)
        try await fixture.withBrowser { browser async throws in
            let pageA = try await keptPage(browser, "/p/\(tokenA)")
            #expect(pageA.contains("secret-description-of-CN-A") && pageA.contains(csrfA))
            for uri in ["/p/\(tokenB)", "/p/\(tokenB)?done=requested", "/p/\(tokenB)"] {
                let pageB = try await browser.get(uri).text
                #expect(pageB.contains("secret-description-of-CN-B"))
                #expect(!pageB.contains("secret-description-of-CN-A") && !pageB.contains(csrfA) && !pageB.contains(tokenA))
            }
        }
    }

    @Test("every table a participant's page reads is counted in the stamp: by a trigger, or companies and profiles by the catalog's version")
    func everyTableReadIsCounted() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try await SchedulingHelper.scheduleAndPublish(fixture)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-A", with: "US-Z")
        let statements = StatementLog()
        // The fixture's database is one connection: every read of the server goes through it.
        try await fixture.db.writer.writeWithoutTransaction { db in db.trace { statements.record($0) } }
        try await fixture.withBrowser { browser async throws in
            #expect(try await browser.get("/p/\(fixture.tokens["CN-A"]!)").status == .ok)
        }
        try await fixture.db.writer.writeWithoutTransaction { db in db.trace(options: []) }
        let (read, counted) = try await fixture.db.writer.read { db -> (Set<String>, Set<String>) in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            var read = Set<String>()
            for sql in statements.all where !sql.hasPrefix("BEGIN") && !sql.hasPrefix("COMMIT") {
                let region = try db.makeStatement(sql: sql).databaseRegion
                read.formUnion(tables.filter { region.isModified(byEventsOfKind: .insert(tableName: $0)) })
            }
            let watched = try String.fetchAll(db, sql: """
                SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%UPDATE participant_page_state SET version = version + 1%'
                """)
            return (read, Set(watched))
        }
        #expect(read.isSuperset(of: ["participant_link", "event", "event_participant", "company", "profile", "published_meeting"]),
                "the trace missed reads: \(read.sorted())")
        let catalog: Set<String> = ["company", "profile", "catalog_state", "participant_page_state"]
        #expect(read.subtracting(counted).subtracting(catalog).isEmpty,
                "read but not counted: \(read.subtracting(counted).subtracting(catalog).sorted())")
    }
}

/// The SQL of the statements a connection ran, as its trace reports them.
private final class StatementLog: @unchecked Sendable {
    private let lock = NSLock()
    private var statements: [String] = []

    func record(_ event: Database.TraceEvent) {
        guard case .statement(let statement) = event else { return }
        let sql = statement.sql
        lock.withLock { statements.append(sql) }
    }

    var all: [String] { lock.withLock { statements } }
}
