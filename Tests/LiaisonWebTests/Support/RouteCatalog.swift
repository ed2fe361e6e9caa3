import Foundation
@testable import LiaisonWeb

/// Every route of the server, as the tests walk them: a test that walks "every route" checks this
/// list against the router's own, so a route added without a test fails it.
enum RouteCatalog {
    /// An organizer route: its method, its path with the fixture's ids filled in, and the form it
    /// would take (without its CSRF token).
    struct Route: Sendable, CustomStringConvertible {
        var method: String
        var pattern: String
        var uri: String
        var form: [(String, String)]

        var description: String { "\(method) \(pattern)" }
    }

    static let event = WebFixture.event

    /// Every route behind the organizer's session.
    static let organizer: [Route] = [
        Route(method: "GET", pattern: "/", uri: "/", form: []),
        Route(method: "GET", pattern: "/companies", uri: "/companies?q=Bay", form: []),
        Route(method: "GET", pattern: "/companies/{id}", uri: "/companies/US-X", form: []),
        Route(method: "POST", pattern: "/companies/import", uri: "/companies/import", form: []),
        Route(method: "GET", pattern: "/events", uri: "/events", form: []),
        Route(method: "POST", pattern: "/events", uri: "/events", form: [
            ("id", "new-event"), ("name", "New"), ("city", "Toronto"), ("country", "CA"), ("date", "2025-12-01"), ("start", "09:00"),
            ("slots", "4"), ("slotMinutes", "20"), ("tables", "2"),
        ]),
        Route(method: "GET", pattern: "/events/{event}", uri: "/events/\(event)", form: []),
        Route(method: "POST", pattern: "/events/{event}/participants", uri: "/events/\(event)/participants", form: [("companies", "US-X"), ("maxMeetings", "1")]),
        Route(method: "POST", pattern: "/events/{event}/requests", uri: "/events/\(event)/requests", form: [("a", "CN-A"), ("b", "US-Z"), ("must", "on")]),
        Route(method: "POST", pattern: "/events/{event}/requests/decide", uri: "/events/\(event)/requests/decide",
              form: [("a", "CN-A"), ("b", "US-X"), ("decision", "accept")]),
        Route(method: "POST", pattern: "/events/{event}/blocks", uri: "/events/\(event)/blocks", form: [("a", "CN-C"), ("b", "US-Y")]),
        Route(method: "POST", pattern: "/events/{event}/locks", uri: "/events/\(event)/locks", form: [("a", "CN-C"), ("b", "US-Z"), ("slot", "2")]),
        Route(method: "POST", pattern: "/events/{event}/participants/remove", uri: "/events/\(event)/participants/remove",
              form: [("company", "US-X"), ("confirm", "yes")]),
        Route(method: "POST", pattern: "/events/{event}/requests/remove", uri: "/events/\(event)/requests/remove", form: [("a", "CN-A"), ("b", "US-X")]),
        Route(method: "POST", pattern: "/events/{event}/blocks/remove", uri: "/events/\(event)/blocks/remove", form: [("a", "CN-C"), ("b", "US-Y")]),
        Route(method: "POST", pattern: "/events/{event}/locks/remove", uri: "/events/\(event)/locks/remove", form: [("a", "CN-C"), ("b", "US-Z")]),
        Route(method: "GET", pattern: "/events/{event}/links", uri: "/events/\(event)/links", form: []),
        Route(method: "POST", pattern: "/events/{event}/links", uri: "/events/\(event)/links", form: []),
        Route(method: "POST", pattern: "/events/{event}/links/renew", uri: "/events/\(event)/links/renew", form: [("company", "CN-A")]),
        Route(method: "GET", pattern: "/events/{event}/schedule", uri: "/events/\(event)/schedule", form: []),
        Route(method: "POST", pattern: "/events/{event}/schedule", uri: "/events/\(event)/schedule", form: [("minMeetings", "1")]),
        Route(method: "POST", pattern: "/events/{event}/schedule/move", uri: "/events/\(event)/schedule/move",
              form: [("delegate", "CN-A"), ("host", "US-X"), ("slot", "4"), ("table", "2")]),
        Route(method: "POST", pattern: "/events/{event}/publish", uri: "/events/\(event)/publish", form: []),
        Route(method: "GET", pattern: "/events/{event}/exports", uri: "/events/\(event)/exports", form: []),
        Route(method: "GET", pattern: "/events/{event}/export/{format}", uri: "/events/\(event)/export/json", form: []),
    ]

    /// Every participant route, under `/p/TOKEN`: method, the path after the token, the form.
    static let participant: [Route] = [
        Route(method: "GET", pattern: "/p/{token}", uri: "", form: []),
        Route(method: "GET", pattern: "/p/{token}/agenda.ics", uri: "/agenda.ics", form: []),
        Route(method: "POST", pattern: "/p/{token}/request", uri: "/request", form: [("other", "US-Y")]),
        // Before the decline of the same company: a walk of the routes takes back nothing, then declines.
        Route(method: "POST", pattern: "/p/{token}/interested", uri: "/interested", form: [("other", "US-Z")]),
        Route(method: "POST", pattern: "/p/{token}/not-interested", uri: "/not-interested", form: [("other", "US-Z")]),
        Route(method: "POST", pattern: "/p/{token}/profile", uri: "/profile", form: [
            ("name", "Renamed"), ("languages", "en"), ("offers", "clean-energy"), ("seeks", "capital-markets"),
        ]),
        Route(method: "POST", pattern: "/p/{token}/rate", uri: "/rate", form: [("counterpart", "US-X"), ("outcome", "follow-up-planned")]),
    ]

    /// Routes anyone may use: static assets (the site's icon at the address browsers ask for too), signing in and out.
    static let open = ["GET /static/liaison.css", "GET /static/liaison.js", "GET /static/favicon.svg", "GET /favicon.ico", "GET /signin",
                       "POST /signout"]

    /// Every route the catalog knows, as the router describes routes (`GET /p/{token}`).
    static var all: Set<String> {
        Set((organizer + participant).map { "\($0.method) \($0.pattern)" } + open)
    }
}
