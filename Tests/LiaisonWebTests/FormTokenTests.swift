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

/// Scheduling through the store, for tests that need a schedule.
enum SchedulingHelper {
    /// Schedules the fixture's event (one meeting each at least) and publishes it.
    static func scheduleAndPublish(_ fixture: WebFixture) async throws {
        _ = try fixture.db.scheduleEvent(WebFixture.event, minMeetings: 1, keepPublished: false)
        _ = try fixture.db.publishEvent(WebFixture.event)
    }
}
