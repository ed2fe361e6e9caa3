import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("The console's create-event form makes every kind of event: open or sides, several days, sessions")
struct EventFormTests {
    /// The form as a browser sends it for a one-day sides event `id` in Toronto; `extra` replaces
    /// or adds fields.
    static func form(_ id: String, csrf: String, _ extra: [(String, String)] = []) -> [(String, String)] {
        var fields: [(String, String)] = [("csrf", csrf), ("id", id), ("name", "Forum <\(id)>"), ("city", "Toronto"), ("country", "CA"),
                                          ("venue", ""), ("timeZone", ""), ("date", "2025-12-01"), ("start", "09:00"), ("slots", "6"),
                                          ("breakAfter", ""), ("breakMinutes", "0"), ("days", ""), ("slotMinutes", "20"), ("tables", "3"),
                                          ("pairing", "sides"), ("delegation", "CN"), ("sessions", "")]
        for (name, value) in extra {
            if let index = fields.firstIndex(where: { $0.0 == name }) { fields[index].1 = value } else { fields.append((name, value)) }
        }
        return fields
    }

    /// Runs `body` signed in, with the CSRF token of the events page.
    private func signedIn(_ fixture: WebFixture, _ body: @Sendable (Browser, String) async throws -> Void) async throws {
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            try await body(browser, try await browser.csrf("/events"))
        }
    }

    @Test("the form offers pairing, delegation, sessions and more days, with the sides event's defaults")
    func formOffersEveryKind() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser, _ in
            let page = try await browser.get("/events").text
            let form = try #require(FormTokenTests.postForms(in: page).first { $0.contains("id=\"create-event\"") })
            for field in ["name=\"pairing\"", "<option value=\"sides\" selected>", "<option value=\"open\">", "name=\"delegation\" size=\"8\" value=\"CN\"",
                          "name=\"sessions\"", "<textarea name=\"days\"", "name=\"venue\""] {
                #expect(form.contains(field), "the form lacks \(field)")
            }
        }
    }

    @Test("an open event ignores the hidden delegation field, whatever it holds")
    func openEventIgnoresDelegation() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser, csrf in
            let created = try await browser.post("/events", Self.form("chamber", csrf: csrf, [("pairing", "open"), ("delegation", "not a country")]))
            #expect(created.status == .seeOther && created.headers[.location] == "/events/chamber")
        }
        #expect(try fixture.db.eventDefinition("chamber").spec.pairing == .open)
    }

    @Test("an open event is created through the form; its delegation is not asked")
    func openEvent() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser, csrf in
            let created = try await browser.post("/events", Self.form("chamber", csrf: csrf, [("pairing", "open"), ("delegation", "")]))
            #expect(created.status == .seeOther && created.headers[.location] == "/events/chamber")
            let page = try await browser.get("/events/chamber").text
            #expect(page.contains("open: any two participants may meet"))
        }
        let spec = try fixture.db.eventDefinition("chamber").spec
        #expect(spec.pairing == .open)
        #expect(spec.days == [EventDay(date: "2025-12-01", start: "09:00", slots: 6)])
        #expect(spec.timeZone == "America/Toronto")
    }

    @Test("a two-day event with a pause each day and two sessions is created through the form, and its page shows them")
    func twoDaysWithSessions() async throws {
        let fixture = try WebFixture.make()
        try await signedIn(fixture) { browser, csrf in
            let created = try await browser.post("/events", Self.form("two-days", csrf: csrf, [
                ("breakAfter", "3"), ("breakMinutes", "15"), ("days", "\n 2025-12-02, 10:00, 8, break-after=4, break-minutes=30 \r\n"),
                ("sessions", "first=1-6, second=7-10,14, last=11-12"), ("delegation", "France"), ("venue", "Metro Toronto Convention Centre"),
            ]))
            #expect(created.status == .seeOther && created.headers[.location] == "/events/two-days")
            let page = try await browser.get("/events/two-days").text
            #expect(page.contains("2025-12-01 from 09:00 (slots 1-6), 2025-12-02 from 10:00 (slots 7-14)"), "\(page)")
            #expect(page.contains("Sessions: first 1-6, second 7-10,14, last 11-12"))
            #expect(page.contains("delegates from FR meet hosts"))
        }
        let spec = try fixture.db.eventDefinition("two-days").spec
        #expect(spec.days == [EventDay(date: "2025-12-01", start: "09:00", slots: 6, breakAfter: 3, breakMinutes: 15),
                              EventDay(date: "2025-12-02", start: "10:00", slots: 8, breakAfter: 4, breakMinutes: 30)])
        #expect(spec.sessions == [EventSession(name: "first", slots: SlotSet(1...6)), EventSession(name: "second", slots: SlotSet([7, 8, 9, 10, 14])),
                                  EventSession(name: "last", slots: SlotSet(11...12))])
        #expect(spec.pairing == .sides && spec.delegation == "FR")
        #expect(spec.venue == "Metro Toronto Convention Centre")
    }

    @Test("a session, a day or a pairing that cannot be read, or an event the store refuses, shows the form again as sent with the problem; nothing is created",
          arguments: [
              ([("sessions", "morning=1-6, afternoon")], "sessions: &#39;afternoon&#39; is not NAME=SLOTS"),
              ([("sessions", "morning=6-1")], "sessions: the session &#39;morning&#39; has slots &#39;6-1&#39;"),
              ([("days", "2025-12-02,10:00,8\n2025-12-03,10:00,eight")], "more days, line 2 &#39;2025-12-03,10:00,eight&#39;: SLOTS must be a whole number"),
              ([("days", "2025-12-02,10:00")], "more days, line 1 &#39;2025-12-02,10:00&#39;: expected DATE,START,SLOTS"),
              ([("days", "2025-12-02,10:00,8,pause=4")], "unknown part &#39;pause&#39;"),
              ([("pairing", "mixed")], "pairing: &#39;mixed&#39; is not one of: sides, open"),
              ([("sessions", "late=5-9")], "the session &#39;late&#39; names slots 7-9 outside 1–6"),
              ([("days", "2025-11-30,10:00,8")], "the days must be in order"),
          ] as [([(String, String)], String)])
    func refusedFormIsShownAgain(fields: [(String, String)], problem: String) async throws {
        let fixture = try WebFixture.make()
        let before = try fixture.snapshot()
        try await signedIn(fixture) { browser, csrf in
            let response = try await browser.post("/events", Self.form("refused", csrf: csrf, fields))
            #expect(response.status == .badRequest)
            let page = response.text
            #expect(page.contains("<p class=\"problem\" role=\"alert\">"), "\(page)")
            #expect(page.contains(problem), "\(page)")
            // The form is there again, as it was sent, with its token.
            let form = try #require(FormTokenTests.postForms(in: page).first { $0.contains("id=\"create-event\"") })
            #expect(form.contains("name=\"csrf\" value=\"\(csrf)\""))
            #expect(form.contains("name=\"id\" required placeholder=\"oakland-breakfast-2025\" value=\"refused\""))
            #expect(form.contains("value=\"Forum &lt;refused&gt;\""))
            for (name, value) in fields where name == "days" {
                #expect(form.contains(">\(value)</textarea>"))
            }
            for (name, value) in fields where name == "sessions" {
                #expect(form.contains("name=\"sessions\" value=\"\(value)\""))
            }
        }
        #expect(try fixture.snapshot() == before)
        #expect(try fixture.db.events().map(\.spec.id) == [WebFixture.event])
    }
}
