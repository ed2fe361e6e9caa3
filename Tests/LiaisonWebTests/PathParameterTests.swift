import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonWeb
import Testing

@Suite("An id in the path is the whole id: a control character in it opens nothing")
struct PathParameterTests {
    /// What a path parameter may not hold: NUL (SQLite would read the id only up to it), other C0
    /// controls, DEL, a C1 control, and a percent-encoding that is not UTF-8.
    static let poisons = ["%00junk", "%00", "%0A", "%1B%5B2J", "%7F", "%C2%85", "%FF"]

    @Test("every organizer route with a parameter answers 404 to a control character in it, and changes nothing")
    func organizerRoutes() async throws {
        let fixture = try WebFixture.make()
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let signIn = try fixture.db.newOrganizerSignIn()
        let before = try fixture.snapshot()
        let routes = RouteCatalog.organizer.filter { $0.pattern.contains("{") }
        #expect(routes.count > 10)
        try await fixture.withBrowser { browser in
            try await browser.signIn(signIn)
            let csrf = try await browser.csrf("/events")
            for route in routes {
                for poison in Self.poisons {
                    // Each parameter of the route in turn keeps the fixture's value with the poison after it.
                    for value in [RouteCatalog.event, "US-X", "json"] where route.uri.contains("/\(value)") {
                        let uri = route.uri.replacingOccurrences(of: "/\(value)", with: "/\(value)\(poison)")
                        let response = route.method == "GET" ? try await browser.get(uri) : try await browser.post(uri, route.form + [("csrf", csrf)])
                        #expect(response.status == .notFound, "\(route.method) \(uri): \(response.status)")
                        #expect(response.headers[.contentDisposition] == nil, "\(uri) downloads a file")
                    }
                }
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("a participant's token with a control character opens nothing, and is answered as any unknown token")
    func participantRoutes() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["CN-A"]!
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            for poison in Self.poisons {
                for route in RouteCatalog.participant {
                    let uri = "/p/\(token)\(poison)\(route.uri)"
                    let response = route.method == "GET" ? try await browser.get(uri) : try await browser.post(uri, route.form + [("csrf", csrf)])
                    #expect(response.status == .notFound, "\(route.method) \(uri)")
                    #expect(response.text.contains("Introuvable"), "\(uri) is not the page of an unknown link")
                }
            }
        }
        #expect(try fixture.snapshot() == before)
        // Each counted as a bad token: all but the throttle's free failures waited.
        let free = await fixture.server.environment.throttle.policy.freeFailures
        #expect(await fixture.pauses.pauses.count == Self.poisons.count * RouteCatalog.participant.count - free)
    }

    @Test("an id sent in a form with a NUL names no company: refused, nothing changed")
    func formFields() async throws {
        let fixture = try WebFixture.make()
        let signIn = try fixture.db.newOrganizerSignIn()
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            try await browser.signIn(signIn)
            let csrf = try await browser.csrf("/events/oakland")
            let forms: [(String, [(String, String)])] = [
                ("/events/oakland/participants", [("companies", "US-X\u{0}junk")]),
                ("/events/oakland/requests", [("a", "CN-A\u{0}junk"), ("b", "US-X"), ("must", "on")]),
                ("/events/oakland/blocks", [("a", "CN-A"), ("b", "US-Y\u{0}")]),
                ("/events/oakland/locks", [("a", "CN-C\u{0}x"), ("b", "US-Z"), ("slot", "2")]),
            ]
            for (uri, form) in forms {
                let response = try await browser.post(uri, form + [("csrf", csrf)])
                #expect(response.status == .badRequest, "\(uri): \(response.status)")
                // Shown, never acting: marked on the page, or escaped where the message quotes the value.
                #expect(response.text.contains("[U+0000]") || response.text.contains("\\u{0}"), "\(uri) does not show the NUL: \(response.text.prefix(400))")
            }
            let participant = fixture.tokens["CN-A"]!
            let request = try await browser.post("/p/\(participant)/request", [("csrf", try await browser.csrf("/p/\(participant)")), ("other", "US-Y\u{0}")])
            #expect(request.status == .badRequest)
        }
        #expect(try fixture.snapshot() == before)
    }
}
