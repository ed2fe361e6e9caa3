import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("The event page's Remove buttons: participants (confirmed first), requests, blocks, locks")
struct RemoveButtonTests {
    /// The fixture with a must-meet request of CN-A and US-X, a block of CN-C and US-Y, CN-B's own
    /// block of US-X ("not interested") and a lock of CN-B and US-Z in slot 4 at table 2.
    private static func fixture() throws -> WebFixture {
        let fixture = try WebFixture.make()
        try fixture.db.addRequest(MeetingRequest(a: "CN-A", b: "US-X", must: true), to: WebFixture.event)
        try fixture.db.addBlock(PairBlock(a: "CN-C", b: "US-Y"), to: WebFixture.event)
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-B", with: "US-X")
        try fixture.db.addLock(MeetingLock(a: "CN-B", b: "US-Z", slot: 4, table: 2), to: WebFixture.event)
        return fixture
    }

    /// Runs `body` signed in as the organizer.
    private func signedIn<T: Sendable>(_ fixture: WebFixture, _ body: @Sendable (Browser) async throws -> T) async throws -> T {
        let token = try fixture.db.newOrganizerSignIn()
        return try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            return try await body(browser)
        }
    }

    /// The form of `html` that posts to `action` with the hidden field `a` (or `company`) `first`:
    /// every field it sends, as a browser sends them.
    static func form(in html: String, action: String, first: String) -> [(String, String)]? {
        for form in FormTokenTests.postForms(in: html) where form.contains("action=\"\(action)\"") {
            let fields = sentFields(of: form)
            if fields.contains(where: { ($0.0 == "a" || $0.0 == "company") && $0.1 == first }) { return fields }
        }
        return nil
    }

    @Test("each request, block and lock row has a Remove button that takes it back and says so; a participant's block shows whose it is")
    func removeRules() async throws {
        let fixture = try Self.fixture()
        try await signedIn(fixture) { browser in
            let page = try await browser.get("/events/oakland").text
            #expect(page.contains("participant CN-B: not interested") && page.contains("the organizer"), "\(page)")
            for (kind, first, notice) in [("requests", "CN-A", "Request removed."), ("blocks", "CN-C", "Block removed."),
                                          ("blocks", "CN-B", "The participant’s block (not interested) removed"), ("locks", "CN-B", "Lock removed.")] {
                let current = try await browser.get("/events/oakland").text
                let fields = try #require(Self.form(in: current, action: "/events/oakland/\(kind)/remove", first: first), "\(kind) \(first)")
                #expect(fields.contains { $0.0 == "csrf" })
                let removed = try await browser.post("/events/oakland/\(kind)/remove", fields)
                #expect(removed.status == .seeOther, "\(kind) \(first): \(removed.text)")
                let location = try #require(removed.headers[.location])
                #expect(location.hasSuffix("#\(kind)") && !location.contains("schedule=discarded"), "\(location)")
                #expect(try await browser.get(location).text.contains(notice), "\(kind)")
            }
        }
        let definition = try fixture.db.eventDefinition(WebFixture.event)
        #expect(definition.requests.isEmpty && definition.blocks.isEmpty && definition.locks.isEmpty)
        #expect(definition.participants.count == 6)
    }

    @Test("removing a participant asks first, naming it and what goes with it; confirmed, it goes with its rules, and a schedule that held it is discarded with the page saying so")
    func removeParticipant() async throws {
        let fixture = try Self.fixture()
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        let before = try fixture.snapshot()
        try await signedIn(fixture) { browser in
            let page = try await browser.get("/events/oakland").text
            let fields = try #require(Self.form(in: page, action: "/events/oakland/participants/remove", first: "US-X"))
            #expect(!fields.contains { $0.0 == "confirm" })
            let asked = try await browser.post("/events/oakland/participants/remove", fields)
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Remove Bay Capital <span class=\"id\">US-X</span> from Port of Possibilities?"), "\(asked.text)")
            #expect(asked.text.contains("Its 1 request, 1 block and 0 locks go with it."), "\(asked.text)")
            #expect(asked.text.contains("must-meet request with Shanghai Solar (CN-A)"))
            #expect(asked.text.contains("block with Lyon-Shenzhen Robotics (CN-B), made by participant CN-B (not interested)"))
            #expect(asked.text.contains("removing it discards that schedule"))
            #expect(try fixture.snapshot() == before)

            let confirm = try #require(Self.form(in: asked.text, action: "/events/oakland/participants/remove", first: "US-X"))
            #expect(confirm.contains { $0 == ("confirm", "yes") } && confirm.contains { $0.0 == "csrf" })
            let removed = try await browser.post("/events/oakland/participants/remove", confirm)
            #expect(removed.status == .seeOther)
            let location = try #require(removed.headers[.location])
            #expect(location == "/events/oakland?done=unregistered&schedule=discarded#participants")
            let after = try await browser.get(location).text
            #expect(after.contains("Participant removed, with its requests, blocks and locks. This change broke the current schedule, "
                                   + "which was discarded: schedule the event again."), "\(after)")
        }
        let definition = try fixture.db.eventDefinition(WebFixture.event)
        #expect(!definition.participants.contains { $0.company == "US-X" })
        #expect(definition.requests.isEmpty && definition.blocks == [PairBlock(a: "CN-C", b: "US-Y")])
        #expect(throws: EventError.notScheduled(WebFixture.event)) { try fixture.db.eventScheduleDocument(WebFixture.event) }
    }

    @Test("what is not there to remove is refused in the console's words, leading back to the event's page; nothing changes")
    func refusals() async throws {
        let fixture = try Self.fixture()
        let before = try fixture.snapshot()
        try await signedIn(fixture) { browser in
            let csrf = try await browser.csrf("/events/oakland")
            for (path, form, words) in [("/events/oakland/blocks/remove", [("a", "US-X"), ("b", "CN-A")], "event &#39;oakland&#39; has no block between US-X and CN-A"),
                                        ("/events/oakland/locks/remove", [("a", "CN-A"), ("b", "US-X")], "event &#39;oakland&#39; has no lock between CN-A and US-X"),
                                        ("/events/oakland/requests/remove", [("a", "CN-C"), ("b", "US-Y")], "has no request between CN-C and US-Y"),
                                        ("/events/oakland/participants/remove", [("company", "US-404")], "US-404 is not a participant of oakland"),
                                        ("/events/oakland/participants/remove", [("company", "US-404"), ("confirm", "yes")], "US-404 is not a participant")] {
                let refused = try await browser.post(path, [("csrf", csrf)] + form)
                #expect(refused.status == .badRequest, "\(path)")
                #expect(refused.text.contains(words), "\(path): \(refused.text)")
                #expect(!refused.text.contains("liaison ") && !refused.text.contains("SELECT"), "\(path): \(refused.text)")
                #expect(refused.text.contains("<a href=\"/events/oakland\">Back to the form</a>"), "\(path)")
            }
            let words = try await browser.post("/events/oakland/locks/remove", [("csrf", csrf), ("a", "CN-A"), ("b", "US-X")]).text
            #expect(words.contains("the event&#39;s page lists its requests, blocks and locks"), "\(words)")
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("the Remove forms without the page's token, or without a session, remove nothing")
    func tokenAndSession() async throws {
        let fixture = try Self.fixture()
        let before = try fixture.snapshot()
        let forms: [(String, [(String, String)])] = [
            ("/events/oakland/participants/remove", [("company", "US-X"), ("confirm", "yes")]),
            ("/events/oakland/requests/remove", [("a", "CN-A"), ("b", "US-X")]),
            ("/events/oakland/blocks/remove", [("a", "CN-C"), ("b", "US-Y")]),
            ("/events/oakland/locks/remove", [("a", "CN-B"), ("b", "US-Z")]),
        ]
        try await fixture.withBrowser { browser in
            for (path, form) in forms {
                let anonymous = try await browser.post(path, form + [("csrf", "anything")])
                #expect(anonymous.status == .forbidden && anonymous.text.contains("sign in first"), "\(path)")
            }
            try await browser.signIn(try fixture.db.newOrganizerSignIn())
            for (path, form) in forms {
                #expect(try await browser.post(path, form).status == .forbidden, "\(path)")
                #expect(try await browser.post(path, form + [("csrf", "wrong")]).status == .forbidden, "\(path)")
            }
        }
        #expect(try fixture.snapshot() == before)
    }
}
