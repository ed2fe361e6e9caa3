import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonWeb
import Testing

@Suite("CSRF: every form carries the page's token, checked on every POST")
struct FormTokenTests {
    @Test("every organizer form without its token, or with another, is forbidden and changes nothing")
    func everyOrganizerFormChecksItsToken() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-A", with: "US-X")
        let token = try fixture.db.newOrganizerSignIn()
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            let posts = RouteCatalog.organizer.filter { $0.method == "POST" }
            #expect(posts.count >= 10)
            for route in posts {
                for csrf in [nil, "wrong", String(repeating: "x", count: 43)] {
                    let response: TestResponse
                    if route.pattern == "/companies/import" {
                        response = try await browser.upload(route.uri, fields: csrf.map { [("csrf", $0)] } ?? [],
                                                            file: ("file", "firms.csv", Data("id,name,country,offers\nUS-9,New,US,retail\n".utf8)))
                    } else {
                        response = try await browser.post(route.uri, route.form + (csrf.map { [("csrf", $0)] } ?? []))
                    }
                    #expect(response.status == .forbidden, "\(route) with token \(csrf ?? "none")")
                }
            }
            let signOut = try await browser.post("/signout", [])
            #expect(signOut.status == .forbidden)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("every participant form without its token, or with another participant's, is forbidden and changes nothing")
    func everyParticipantFormChecksItsToken() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            let other = try await browser.csrf("/p/\(fixture.tokens["CN-B"]!)")
            for route in RouteCatalog.participant where route.method == "POST" {
                for csrf in [nil, "wrong", other] {
                    let response = try await browser.post("/p/\(fixture.tokens["CN-A"]!)\(route.uri)", route.form + (csrf.map { [("csrf", $0)] } ?? []))
                    #expect(response.status == .forbidden, "\(route) with token \(csrf ?? "none")")
                }
            }
        }
        #expect(try fixture.snapshot() == before)
    }
}

extension FormTokenTests {
    @Test("every form that posts, on every page, carries the token of its session or of its participant's link")
    func everyFormCarriesItsToken() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-A", with: "US-X")
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let signIn = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(signIn)
            let cookie = try #require(browser.cookie)
            let session = try #require(try fixture.db.organizerSession(token: cookie, now: fixture.clock.now)?.csrf)
            var pages: [(uri: String, csrf: String)] = []
            for route in RouteCatalog.organizer where route.method == "GET" && route.pattern != "/events/{event}/export/{format}" {
                pages.append((route.uri, session))
            }
            pages.append(("/companies/CN-A", session))
            for (company, token) in fixture.tokens {
                pages.append(("/p/\(token)", try #require(try fixture.db.participantAccess(token: token)?.csrf, "\(company)")))
            }
            var forms = 0
            for (uri, csrf) in pages {
                let html = try await browser.get(uri).text
                for form in Self.postForms(in: html) {
                    forms += 1
                    #expect(form.contains("name=\"csrf\" value=\"\(csrf)\""), "a form on \(uri) lacks its token: \(form.prefix(200))")
                }
            }
            // The schedule's move forms, the participants' request, decline and rating forms, the profile…
            #expect(forms >= 20, "only \(forms) forms found")
        }
    }

    /// Every form of a page that posts (`<form … method="post" …>…</form>`, whatever the
    /// attributes' order or case).
    static func postForms(in html: String) -> [Substring] {
        var forms: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: "<form", options: .caseInsensitive),
              let end = rest[start.upperBound...].range(of: "</form>", options: .caseInsensitive) {
            let form = rest[start.lowerBound..<end.upperBound]
            let tag = form.prefix { $0 != ">" }.lowercased().replacingOccurrences(of: "'", with: "\"")
            if tag.contains("method=\"post\"") || tag.contains("method=post") { forms.append(form) }
            rest = rest[end.upperBound...]
        }
        return forms
    }
}

/// Scheduling through the store, for tests that need a schedule.
enum SchedulingHelper {
    /// Schedules the fixture's event (one meeting each at least) and publishes it.
    static func scheduleAndPublish(_ fixture: WebFixture) async throws {
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
    }
}
