import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonCore
import LiaisonScheduling
@testable import LiaisonStore
import LiaisonTestSupport
@testable import LiaisonWeb
import Testing

@Suite("The organizer's console: companies, events, schedule, exports")
struct OrganizerConsoleTests {
    /// Runs `body` signed in as the organizer.
    private func signedIn<T: Sendable>(_ fixture: WebFixture, _ body: @Sendable (Browser) async throws -> T) async throws -> T {
        let token = try fixture.db.newOrganizerSignIn()
        return try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            return try await body(browser)
        }
    }

    @Test("home lists the events; companies are searched, filtered and paged; a company shows its matches and reasons")
    func companies() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let home = try await browser.get("/").text
            #expect(home.contains("6 companies") && home.contains("/events/oakland"))
            let byName = try await browser.get("/companies?q=bay").text
            #expect(byName.contains("Bay Capital") && !byName.contains("Golden Grocers") && byName.contains("1 company matches"))
            let byCountry = try await browser.get("/companies?country=China").text
            #expect(byCountry.contains("Shanghai Solar") && !byCountry.contains("Bay Capital"))
            let bySector = try await browser.get("/companies?sector=retail").text
            #expect(bySector.contains("Harbin Foods") && bySector.contains("Golden Grocers") && !bySector.contains("Bay Capital"))
            let company = try await browser.get("/companies/CN-A")
            #expect(company.status == .ok)
            #expect(company.text.contains("Bay Capital"))
            #expect(company.text.contains("you seek capital markets, they offer it"))
            #expect(company.text.contains("Computed live"))
            #expect(try await browser.get("/companies/NOPE").status == .notFound)
        }
    }

    @Test("a company's Target offers only the countries it is matched with; one typed by hand is refused in the console's words")
    func matchTargets() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            func targets(_ id: String) async throws -> [String] {
                let page = try await browser.get("/companies/\(id)").text
                let select = try #require(page.components(separatedBy: "<select name=\"target\">").last?.components(separatedBy: "</select>").first)
                return select.components(separatedBy: "<option value=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
            }
            #expect(try await targets("CN-A") == ["any", "CA", "US"])
            #expect(try await targets("US-X") == ["any", "CN"])
            let typed = try await browser.get("/companies/CN-A?target=CN").text
            #expect(typed.contains("a company of CN is matched with CA or US companies, not CN; choose one of them, or every country it meets, as its Target"),
                    "\(typed)")
            #expect(!typed.contains("--country"))
        }
    }

    @Test("an uploaded file is imported all or nothing, every problem listed under the uploaded name; no temporary file stays")
    func importUpload() async throws {
        let fixture = try WebFixture.make()
        let temporary = { try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("liaison-upload-") }.count }
        let leftBefore = try temporary()
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/companies")
            let bad = Data("id,name,country,offers\nUS-9,,US,retail\nUS-10,Ten,ZZ,nosuch\n".utf8)
            let refused = try await browser.upload("/companies/import", fields: [("csrf", csrf)], file: ("file", "../../etc/firms.csv", bad))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("../../etc/firms.csv:2: name: missing"))
            #expect(refused.text.contains("../../etc/firms.csv:3: country"))
            #expect(refused.text.contains("Nothing was imported: 3 problems."), "\(refused.text)")
            #expect(try fixture.db.searchCompanies(text: "US-9").total == 0)
            let good = Data("id,name,country,offers\nUS-9,Nine,US,retail\nUS-10,Ten,US,capital-markets\n".utf8)
            let imported = try await browser.upload("/companies/import", fields: [("csrf", csrf)], file: ("file", "firms.csv", good))
            #expect(imported.status == .ok)
            #expect(imported.text.contains("Imported 2 companies: 2 new"))
            let lines = Data(#"{"id":"US-11","name":"Eleven","country":"US","offers":{"retail":1}}"#.utf8)
            let jsonl = try await browser.upload("/companies/import", fields: [("csrf", csrf), ("format", "jsonl")], file: ("file", "firms.txt", lines))
            #expect(jsonl.text.contains("Imported 1 company: 1 new"), "\(jsonl.text)")
        }
        #expect(try fixture.db.company(id: "US-10").company.name == "Ten")
        #expect(try temporary() == leftBefore)
        #expect(!FileManager.default.fileExists(atPath: "/etc/firms.csv"))
    }

    @Test("an uploaded .xlsx workbook is imported as the CLI imports it; its problems name the uploaded file, row and field")
    func importWorkbookUpload() async throws {
        let fixture = try WebFixture.make()
        @Sendable func workbook(_ country: TestWorkbook.Cell) throws -> Data {
            try TestWorkbook(sheets: [.init("Firms", rows: [
                [.text("Company ID"), .text("Company Name"), .text("Country"), .text("Sector"), .text("Phone")],
                [.text("US-20"), .text("Twenty Logistics"), country, .text("logistics"), .number("5105550142")],
            ])]).data()
        }
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/companies")
            let refused = try await browser.upload("/companies/import", fields: [("csrf", csrf)], file: ("file", "firms.xlsx", try workbook(.error("#N/A"))))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("firms.xlsx:2: country: holds the error #N/A"), "\(refused.text)")
            let imported = try await browser.upload("/companies/import", fields: [("csrf", csrf)], file: ("file", "firms.xlsx", try workbook(.text("US"))))
            #expect(imported.status == .ok && imported.text.contains("Imported 1 company: 1 new"), "\(imported.text)")
        }
        #expect(try fixture.db.company(id: "US-20").company.phone == "5105550142")
    }

    @Test("events: create, register participants, requests (a participant's to accept or decline), blocks, locks")
    func events() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-B", with: "US-Y")
        try fixture.db.requestMeeting(event: WebFixture.event, from: "US-Z", with: "CN-C")
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events")
            let created = try await browser.post("/events", [("csrf", csrf), ("id", "toronto"), ("name", "Toronto forum"), ("city", "Toronto"),
                                                             ("country", "ca"), ("date", "2025-12-01"), ("start", "09:00"), ("slots", "6"),
                                                             ("slotMinutes", "20"), ("tables", "3")])
            #expect(created.status == .seeOther && created.headers[.location] == "/events/toronto")
            #expect(try fixture.db.eventDefinition("toronto").spec.timeZone == "America/Toronto")
            let invalid = try await browser.post("/events", [("csrf", csrf), ("id", "bad"), ("name", "Bad"), ("city", "Toronto"), ("country", "CA"),
                                                             ("date", "2025-13-01"), ("start", "09:00"), ("slots", "6"), ("slotMinutes", "20"), ("tables", "3")])
            #expect(invalid.status == .badRequest && invalid.text.contains("is not a date"))

            let page = try await browser.get("/events/oakland").text
            #expect(page.contains("2 participant request(s) wait for your answer"))
            #expect(page.contains("by participant CN-B"))
            #expect(try await browser.post("/events/oakland/requests/decide", [("csrf", csrf), ("a", "CN-B"), ("b", "US-Y"), ("decision", "accept")]).status == .seeOther)
            // Accepting places nothing yet: a scheduling run tries to.
            let accepted = try await browser.get("/events/oakland?done=accept").text
            #expect(accepted.contains("Request accepted: the next scheduling run will try to place it.") && !accepted.contains("scheduled from now on"))
            #expect(try await browser.post("/events/oakland/requests/decide", [("csrf", csrf), ("a", "US-Z"), ("b", "CN-C"), ("decision", "decline")]).status == .seeOther)
            // Any country's firm joins a sides event as a host (issue 13); an unknown company is refused.
            #expect(try await browser.post("/events/toronto/participants", [("csrf", csrf), ("companies", "CN-A, XX-404")]).status == .badRequest)
            // An id with a space, in quotes, is looked up whole.
            let quoted = try await browser.post("/events/toronto/participants", [("csrf", csrf), ("companies", "\"ACME SZ\" CN-A")])
            #expect(quoted.status == .badRequest && quoted.text.contains("no company with id &#39;ACME SZ&#39;"), "\(quoted.text)")
            #expect(try fixture.db.eventDefinition("toronto").participants.isEmpty)
            #expect(try await browser.post("/events/oakland/participants", [("csrf", csrf), ("companies", "CN-A\nUS-X"), ("maxMeetings", "3"),
                                                                            ("available", "1-3"), ("reps", "1"), ("interpreter", "zh-en")]).status == .seeOther)
            // A request names its session as `event request --session` does: one the event lacks is refused.
            let unknownSession = try await browser.post("/events/oakland/requests", [("csrf", csrf), ("a", "CN-A"), ("b", "US-X"), ("session", "thursday")])
            #expect(unknownSession.status == .badRequest && unknownSession.text.contains("thursday"), "\(unknownSession.text)")
            #expect(try await browser.post("/events/oakland/requests", [("csrf", csrf), ("a", "CN-A"), ("b", "US-X"), ("must", "on")]).status == .seeOther)
            #expect(try await browser.post("/events/oakland/blocks", [("csrf", csrf), ("a", "CN-C"), ("b", "US-Y")]).status == .seeOther)
            #expect(try await browser.post("/events/oakland/locks", [("csrf", csrf), ("a", "CN-B"), ("b", "US-Z"), ("slot", "4"), ("table", "2")]).status == .seeOther)
            let contradicted = try await browser.post("/events/oakland/blocks", [("csrf", csrf), ("a", "CN-A"), ("b", "US-X")])
            #expect(contradicted.status == .badRequest && contradicted.text.contains("contradicts a block"))
            let after = try await browser.get("/events/oakland?done=lock").text
            #expect(after.contains("Lock added.") && after.contains("slot 4, table 2"))
        }
        let definition = try fixture.db.eventDefinition(WebFixture.event)
        #expect(definition.requests.map(\.status) == [.accepted, .accepted, .declined])
        #expect(definition.requests[0] == MeetingRequest(a: "CN-A", b: "US-X", must: true))
        #expect(definition.participants.first { $0.company == "CN-A" }.map { [$0.maxMeetings, $0.available.count] } == [3, 3])
        #expect(definition.blocks == [PairBlock(a: "CN-C", b: "US-Y")])
        #expect(definition.locks == [MeetingLock(a: "CN-B", b: "US-Z", slot: 4, table: 2)])
    }

    @Test("a change the current schedule breaks says so on the page it leads to; one it keeps does not")
    func discardedScheduleNotice() async throws {
        let fixture = try WebFixture.make()
        let meetings = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 0, keepPublished: false).meetings
        let met = try #require(meetings.first)
        let participants = try fixture.db.eventDefinition(WebFixture.event).participants
        let unmet = try #require(participants.filter { $0.side == .delegate }.flatMap { d in
            participants.filter { $0.side == .host }.map { (d.company, $0.company) }
        }.first { pair in !meetings.contains { $0.delegate == pair.0 && $0.host == pair.1 } })
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events/oakland")
            let kept = try await browser.post("/events/oakland/blocks", [("csrf", csrf), ("a", unmet.0), ("b", unmet.1)])
            #expect(kept.headers[.location] == "/events/oakland?done=block")
            let broken = try await browser.post("/events/oakland/blocks", [("csrf", csrf), ("a", met.delegate), ("b", met.host)])
            let location = try #require(broken.headers[.location])
            #expect(location == "/events/oakland?done=block&schedule=discarded")
            let page = try await browser.get(location).text
            #expect(page.contains("Block added. This change broke the current schedule, which was discarded: schedule the event again."), "\(page)")
            #expect(try !(await browser.get("/events/oakland?done=block").text.contains("was discarded")))
        }
        #expect(throws: EventError.notScheduled(WebFixture.event)) { try fixture.db.eventScheduleDocument(WebFixture.event) }
    }

    @Test("the schedule page of an event whose published schedule a change discarded says that participants still see the published one")
    func discardedAfterPublication() async throws {
        let fixture = try WebFixture.make()
        let met = try #require(try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 0, keepPublished: false).meetings.first)
        _ = try fixture.db.publishEvent(WebFixture.event)
        #expect(try fixture.db.addBlock(PairBlock(a: met.delegate, b: met.host), to: WebFixture.event))
        try await signedIn(fixture) { browser in
            let page = try await browser.get("/events/oakland/schedule").text
            #expect(page.contains("Participants still see the schedule published at") && !page.contains("Not scheduled yet."), "\(page)")
            #expect(page.range(of: #"published at \d{4}-\d\d-\d\d \d\d:\d\d UTC\."#, options: .regularExpression) != nil, "\(page)")
        }
    }

    @Test("the exports page of an event without a current schedule (never scheduled, or discarded by a change) says so and where to make one")
    func exportsWithoutSchedule() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let before = try await browser.get("/events/oakland/exports")
            #expect(before.status == .ok)
            #expect(before.text.contains("event &#39;oakland&#39; has no schedule yet; schedule it on its schedule page"), "\(before.text)")
            #expect(before.text.contains("<a href=\"/events/oakland/schedule\">") && !before.text.contains("/export/"), "\(before.text)")
            let met = try #require(try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 0, keepPublished: false).meetings.first)
            _ = try fixture.db.publishEvent(WebFixture.event)
            #expect(try await browser.get("/events/oakland/exports").text.contains("/export/json"))
            #expect(try fixture.db.addBlock(PairBlock(a: met.delegate, b: met.host), to: WebFixture.event))
            let discarded = try await browser.get("/events/oakland/exports")
            #expect(discarded.status == .ok && !discarded.text.contains("/export/"))
            #expect(discarded.text.contains("a change of its participants or rules discarded it") && discarded.text.contains("Schedule it again on its schedule page"),
                    "\(discarded.text)")
        }
    }

    @Test("the events list counts an open event's participants as participants, a sides event's as delegates and hosts, and shows instants as the console does")
    func eventsList() async throws {
        let fixture = try WebFixture.make()
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
        var spec = try fixture.db.eventDefinition(WebFixture.event).spec
        spec.id = "chamber"
        spec.pairing = .open
        try fixture.db.createEvent(spec)
        try fixture.db.addParticipants(["CN-A", "US-X"], to: "chamber", settings: ParticipantSettings())
        try await signedIn(fixture) { browser in
            for path in ["/events", "/"] {
                // Each row up to its end: the last one is followed by the page's form and its random token.
                let rows = try await browser.get(path).text.components(separatedBy: "<tr>").map { $0.components(separatedBy: "</tr>")[0] }
                let sides = try #require(rows.first { $0.contains("/events/oakland\"") }, "\(path)")
                let open = try #require(rows.first { $0.contains("/events/chamber\"") }, "\(path)")
                #expect(sides.range(of: #"<td>\d{4}-\d\d-\d\d \d\d:\d\d UTC</td>"#, options: .regularExpression) != nil, "\(path): \(sides)")
                #expect(sides.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d"#, options: .regularExpression) == nil, "\(path): an instant as stored: \(sides)")
                if path == "/events" {
                    #expect(sides.contains("3 delegates, 3 hosts"), "\(sides)")
                    #expect(open.contains("2 participants (open)") && !open.contains("delegate") && !open.contains("host"), "\(open)")
                }
            }
            #expect(try await browser.get("/events").text.contains("<th>Participants</th>"))
        }
    }

    @Test("a company's revision and a participant's link show their instants as the console does, not as stored")
    func instantsAsTheConsoleShowsThem() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let instant = #"\d{4}-\d\d-\d\d \d\d:\d\d UTC"#
            let company = try await browser.get("/companies/CN-A").text
            #expect(company.range(of: #"<dd>\d+ \("# + instant + #"\)</dd>"#, options: .regularExpression) != nil, "\(company)")
            let links = try await browser.get("/events/oakland/links").text
            #expect(links.range(of: "<td>" + instant + "</td>", options: .regularExpression) != nil, "\(links)")
            for page in [company, links] {
                #expect(page.range(of: #"\dT\d\d:\d\d"#, options: .regularExpression) == nil, "an instant as stored")
            }
        }
    }

    @Test("the schedule page says a count of one as one: who is under the minimum with 1 meeting, available in 1 slot")
    func countsOfOne() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.addParticipants(["CN-A"], to: WebFixture.event, settings: ParticipantSettings(maxMeetings: 2, available: SlotSet([2])))
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 2, keepPublished: false)
        try await signedIn(fixture) { browser in
            let page = try await browser.get("/events/oakland/schedule").text
            #expect(page.contains("Shanghai Solar (1 meeting): can meet at most 1 (max meetings 2, available in 1 slot)"), "\(page)")
            #expect(!page.contains("1 meetings") && !page.contains("1 slots"))
        }
    }

    @Test("registering with no representative or a negative maximum is refused naming the field, and nothing is saved (it was an empty 500)")
    func badParticipantSettings() async throws {
        let fixture = try WebFixture.make()
        let before = try fixture.db.eventDefinition(WebFixture.event).participants
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events/oakland")
            for (field, value, words) in [("reps", "0", "needs at least 1 representative"), ("reps", "-3", "needs at least 1 representative"),
                                          ("maxMeetings", "-1", "max meetings cannot be negative"),
                                          ("maxMeetings", "five", "max meetings must be a whole number, not &#39;five&#39;")] {
                let refused = try await browser.post("/events/oakland/participants", [("csrf", csrf), ("companies", "CN-A US-X"), (field, value)])
                #expect(refused.status == .badRequest && refused.text.contains(words), "\(field)=\(value): \(refused.status) \(refused.text)")
            }
        }
        #expect(try fixture.db.eventDefinition(WebFixture.event).participants == before)
    }

    @Test("a refused form's page keeps the console's bar and leads back to the page of the form")
    func refusalLeadsBack() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events/oakland")
            for (path, form, back) in [("/events/oakland/participants", [("companies", "CN-A XX-404")], "/events/oakland"),
                                       ("/events/oakland/locks", [("a", "CN-A"), ("b", "US-X"), ("slot", "99")], "/events/oakland"),
                                       ("/events/oakland/schedule", [("exactSeconds", "9999")], "/events/oakland/schedule"),
                                       ("/events/oakland/schedule/move", [("delegate", "CN-A"), ("host", "US-X"), ("slot", "1"), ("table", "1")],
                                        "/events/oakland/schedule"),
                                       ("/events/nowhere/participants", [("companies", "CN-A")], "/events/nowhere")] {
                let refused = try await browser.post(path, [("csrf", csrf)] + form)
                #expect(refused.status == .badRequest, "\(path): \(refused.status)")
                #expect(refused.text.contains("<a href=\"/events\">Events</a>") && refused.text.contains("Sign out"), "\(path): no console bar")
                #expect(refused.text.contains("<a href=\"\(back)\">Back to the form</a>"), "\(path): \(refused.text)")
            }
        }
        #expect(ErrorPages.formPage("/companies/import") == "/companies" && ErrorPages.formPage("/events") == "/events"
                && ErrorPages.formPage("/events/e1/links/renew") == "/events/e1/links" && ErrorPages.formPage("/signout") == "/")
    }

    @Test("a refusal in the console says where to act in the console, never which command to run")
    func refusalsInConsoleWords() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events/oakland")
            for (path, form, words) in [("/events/oakland/participants", [("companies", "CN-A XX-404")], "the Companies page lists the companies"),
                                        ("/events/nowhere/participants", [("companies", "CN-A")], "the Events page lists the events"),
                                        ("/events/oakland/schedule/move", [("delegate", "CN-A"), ("host", "US-X"), ("slot", "1"), ("table", "1")],
                                         "schedule it on its schedule page")] {
                let refused = try await browser.post(path, [("csrf", csrf)] + form)
                #expect(refused.text.contains(words), "\(path): \(refused.text)")
                #expect(!refused.text.contains("liaison "), "\(path): names a command")
            }
        }
        let reason = "scheduled afresh: published meetings stay where they are only with --keep-published"
        #expect(ConsoleWords.reason(reason) == "scheduled afresh: published meetings stay where they are only with “keep published meetings where possible”")
    }

    @Test("links start with the server's --base-url when given; without it, with the address the console is opened at")
    func linkOrigin() async throws {
        for (baseURL, expected) in [("https://forum.example.org/", "https://forum.example.org/p/"), (nil, "http://localhost/p/")] as [(String?, String)] {
            let fixture = try WebFixture.make(baseURL: baseURL)
            try await signedIn(fixture) { browser in
                let csrf = try await browser.csrf("/events/oakland/links")
                let renewed = try await browser.post("/events/oakland/links/renew", [("csrf", csrf), ("company", "US-X")])
                #expect(renewed.text.contains("value=\"\(expected)"), "\(String(describing: baseURL))")
            }
        }
    }

    @Test("links: issued ones shown once, a renewal shows the new link and stops the old")
    func links() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            let page = try await browser.get("/events/oakland/links").text
            #expect(page.contains("issued (shown only when issued)") && !page.contains("/p/"))
            let csrf = try await browser.csrf("/events/oakland/links")
            let issued = try await browser.post("/events/oakland/links", [("csrf", csrf)]).text
            #expect(!issued.contains("/p/"))
            let renewed = try await browser.post("/events/oakland/links/renew", [("csrf", csrf), ("company", "US-X")]).text
            let link = try #require(renewed.components(separatedBy: "value=\"http://localhost/p/").dropFirst().first?.prefix(43))
            #expect(try fixture.db.participantAccess(token: String(link))?.company == "US-X")
            #expect(try fixture.db.participantAccess(token: fixture.tokens["US-X"]!) == nil)
            // Issued as a CSV file for a mail merge: every participant, the new link in full, the others empty.
            let newcomer = "US-W"
            try fixture.db.save([Company(id: newcomer, name: "West Wind", country: "US", size: .small, languages: ["en"],
                                         offers: SectorProfile(["retail": 1]), seeks: SectorProfile(["clean-energy": 1]))])
            _ = try fixture.db.addParticipants([newcomer], to: WebFixture.event, settings: ParticipantSettings())
            // Without a link yet, its button issues one: no old link to stop.
            let listed = try await browser.get("/events/oakland/links").text
            let row = try #require(listed.components(separatedBy: "<tr>").first { $0.contains(newcomer) })
            #expect(row.contains(">Issue a link</button>") && !row.contains("stops working"), "\(row)")
            #expect(listed.components(separatedBy: "<tr>").first { $0.contains("US-X") }?.contains("stops working") == true)
            let sheet = try await browser.post("/events/oakland/links", [("csrf", csrf), ("format", "csv")])
            #expect(sheet.status == .ok && sheet.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(sheet.headers[.contentDisposition] == "attachment; filename=\"links-oakland.csv\"")
            #expect(sheet.text.hasPrefix("\u{FEFF}"), "no byte order mark for spreadsheets")
            let rows = sheet.text.dropFirst().split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows.first == ["company", "name", "link", "issued"])
            let fresh = try #require(rows.first { $0.first == newcomer })
            let token = try #require(fresh[2].components(separatedBy: "http://localhost/p/").last)
            #expect(try fixture.db.participantAccess(token: token)?.company == newcomer)
            #expect(rows.dropFirst().filter { $0[0] != newcomer }.allSatisfy { $0[2].isEmpty }, "\(sheet.text)")
        }
    }

    @Test("schedule: run it, read the report and grid, move a meeting (rules checked, figures updated), publish, export")
    func schedule() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser in
            #expect(try await browser.get("/events/oakland/schedule").text.contains("Not scheduled yet"))
            let csrf = try await browser.csrf("/events/oakland/schedule")
            let run = try await browser.post("/events/oakland/schedule", [("csrf", csrf), ("minMeetings", "1")])
            #expect(run.status == .seeOther)
            let grid = try await browser.get("/events/oakland/schedule").text
            #expect(grid.contains("id=\"grid\"") && grid.contains("Shanghai Solar") && grid.contains("Table 4"))
            let document = try fixture.db.eventScheduleDocument(WebFixture.event)
            // The report's breaks and idle slots, as the CLI and the exports give them.
            let breaks = document.state.report.breaks
            #expect(grid.contains("total \(breaks.total)\(breaks.proofNote), max \(breaks.max), spread \(breaks.spread); idle slots \(document.state.report.idleSlots)"))
            // Without a time asked, the standard exact search ran, and the page says what it proved.
            #expect(breaks.fewestProven != nil && !breaks.proofNote.isEmpty)
            let meeting = document.meetings[0].meeting
            let taken = document.meetings.first { $0.meeting.slot != meeting.slot }?.meeting
            if let taken, taken.delegate != meeting.delegate, taken.host != meeting.host {
                let clash = try await browser.post("/events/oakland/schedule/move", [("csrf", csrf), ("delegate", meeting.delegate), ("host", meeting.host),
                                                                                     ("slot", "\(taken.slot)"), ("table", "\(taken.table)")])
                #expect(clash.status == .badRequest && clash.text.contains("is taken in slot \(taken.slot)"))
            }
            let unavailable = try await browser.post("/events/oakland/schedule/move", [("csrf", csrf), ("delegate", meeting.delegate), ("host", meeting.host),
                                                                                       ("slot", "9"), ("table", "1")])
            #expect(unavailable.status == .badRequest && unavailable.text.contains("slot 9 does not exist"))
            #expect(try fixture.db.eventScheduleDocument(WebFixture.event).meetings.map(\.meeting) == document.meetings.map(\.meeting))
            let free = try #require((1...4).lazy.compactMap { slot -> (Int, Int)? in
                guard slot != meeting.slot, !document.meetings.contains(where: { ($0.meeting.delegate == meeting.delegate || $0.meeting.host == meeting.host) && $0.meeting.slot == slot }) else { return nil }
                return (1...4).first { table in !document.meetings.contains { $0.meeting.slot == slot && $0.meeting.table == table } }.map { (slot, $0) }
            }.first)
            let moved = try await browser.post("/events/oakland/schedule/move", [("csrf", csrf), ("delegate", meeting.delegate), ("host", meeting.host),
                                                                                 ("slot", "\(free.0)"), ("table", "\(free.1)"), ("lock", "on")])
            #expect(moved.status == .seeOther)
            #expect(try await browser.get("/events/oakland/schedule?done=moved").text.contains("Meeting moved"))
            let after = try fixture.db.eventScheduleDocument(WebFixture.event)
            #expect(after.meetings.first { $0.meeting.pair == meeting.pair }.map { [$0.meeting.slot, $0.meeting.table] } == [free.0, free.1])
            #expect(try fixture.db.eventDefinition(WebFixture.event).locks.count == 1)
            // Publishing from a page that showed the schedule before the move publishes nothing; from the page as it is now, the schedule.
            let stale = try await browser.post("/events/oakland/publish", [("csrf", csrf), ("schedule", Meeting.fingerprint(of: document.meetings.map(\.meeting), timing: document.event.timing(ofSlot:)))])
            #expect(stale.status == .badRequest && stale.text.contains("changed after this page showed it"), "\(stale.text)")
            #expect(try fixture.db.publishedAt(WebFixture.event) == nil)
            #expect(try await browser.post("/events/oakland/publish", [("csrf", csrf)]).status == .badRequest)
            let shown = try #require(try await browser.get("/events/oakland/schedule").text
                .components(separatedBy: "name=\"schedule\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)
            #expect(shown == Meeting.fingerprint(of: after.meetings.map(\.meeting), timing: after.event.timing(ofSlot:)))
            #expect(try await browser.post("/events/oakland/publish", [("csrf", csrf), ("schedule", shown)]).status == .seeOther)
            #expect(try fixture.db.publishedScheduleDocument(WebFixture.event).meetings.count == after.meetings.count)

            let exports = try await browser.get("/events/oakland/exports").text
            for path in ["master.csv", "agendas/CN-A.csv", "CN-A.ics", "oakland.html", "oakland.json"] {
                #expect(exports.contains(path), "\(path) not offered")
            }
            let json = try await browser.get("/events/oakland/export/json")
            #expect(json.status == .ok && json.headers[.contentDisposition] == "attachment; filename=\"oakland.json\"")
            #expect(json.text.contains("\"meetings\""))
            let agenda = try await browser.get("/events/oakland/export/csv?file=agendas%2FCN-A.csv")
            #expect(agenda.status == .ok && agenda.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(try await browser.get("/events/oakland/export/ics?file=CN-A.ics").text.contains("BEGIN:VCALENDAR"))
            #expect(try await browser.get("/events/oakland/export/html").text.contains("<html"))
            for bad in ["/events/oakland/export/csv?file=..%2F..%2Fetc%2Fpasswd", "/events/oakland/export/csv?file=%2Fetc%2Fpasswd",
                        "/events/oakland/export/pdf", "/events/oakland/export/csv"] {
                #expect(try await browser.get(bad).status == .notFound, "\(bad)")
            }
            // Scheduled with the exact search in seconds (as `event schedule --exact-seconds` does),
            // the page says what it proved, in the CLI's words; with 0, no search runs and the page
            // claims nothing; a time outside the form's range is refused.
            for bad in ["-1", "121", "soon"] {
                let refused = try await browser.post("/events/oakland/schedule", [("csrf", csrf), ("minMeetings", "1"), ("exactSeconds", bad)])
                #expect(refused.status == .badRequest && refused.text.contains("exact s") && !refused.text.contains("exactSeconds"), "\(bad) \(refused.text)")
            }
            let exact = try await browser.post("/events/oakland/schedule", [("csrf", csrf), ("minMeetings", "1"), ("keepPublished", "on"),
                                                                            ("exactSeconds", "30")])
            #expect(exact.status == .seeOther)
            let searched = try fixture.db.eventScheduleDocument(WebFixture.event).state.report.breaks
            #expect(searched.fewestProven != nil && !searched.proofNote.isEmpty)
            let page = try await browser.get("/events/oakland/schedule").text
            #expect(page.contains("total \(searched.total)\(searched.proofNote), max") && page.contains("name=\"exactSeconds\""))
            let none = try await browser.post("/events/oakland/schedule", [("csrf", csrf), ("minMeetings", "1"), ("keepPublished", "on"),
                                                                           ("exactSeconds", "0")])
            #expect(none.status == .seeOther)
            #expect(try fixture.db.eventScheduleDocument(WebFixture.event).state.report.breaks.fewestProven == nil)

            // As `event schedule` lists them: who has no meeting with no minimum asked, and each meeting dropped
            // against the published schedule, with why.
            _ = try fixture.db.publishEvent(WebFixture.event)
            let leaving = try #require(fixture.db.eventScheduleDocument(WebFixture.event).meetings.first?.meeting.host)
            try fixture.db.removeParticipants([leaving], from: WebFixture.event)
            let idle = try #require([("US-Y", "Port Logistics"), ("US-Z", "Golden Grocers"), ("US-X", "Bay Capital")].first { $0.0 != leaving })
            try fixture.db.addParticipants([idle.0], to: WebFixture.event, settings: ParticipantSettings(maxMeetings: 0))
            #expect(try await browser.post("/events/oakland/schedule", [("csrf", csrf), ("minMeetings", "0"), ("keepPublished", "on"),
                                                                         ("exactSeconds", "0")]).status == .seeOther)
            let report = try await browser.get("/events/oakland/schedule").text
            #expect(report.contains("Without any meeting: \(idle.1) (\(idle.0))"), "\(report)")
            #expect(report.contains("Dropped: ") && report.contains("is no longer registered"), "\(report.components(separatedBy: "Dropped:").dropFirst().first?.prefix(200) ?? "")")
        }
    }
}
