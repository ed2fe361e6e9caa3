import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("Organizer sign-in and sessions")
struct SignInTests {
    @Test("the sign-in link opens a session: an HttpOnly, SameSite=Strict cookie, then the console")
    func signInLinkOpensAStrictHttpOnlySession() async throws {
        let fixture = try WebFixture.make()
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            let response = try await browser.signIn(token)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(cookie.contains("Path=/"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Organizer console"))
        }
    }

    @Test("reached over https (--base-url https://…), the session cookie is Secure, set and cleared; over http it cannot be",
          arguments: [("https://forum.example.org", true), ("HTTPS://forum.example.org/", true), ("http://forum.example.org", false), (nil, false)])
    func cookieIsSecureOverHTTPS(baseURL: String?, secure: Bool) async throws {
        let fixture = try WebFixture.make(baseURL: baseURL)
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            let cookie = try #require(try await browser.signIn(token).headers[.setCookie])
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            #expect(attributes.contains("secure") == secure, "\(cookie)")
            #expect(attributes.isSuperset(of: ["httponly", "samesite=strict", "path=/"]), "\(cookie)")
            let out = try await browser.post("/signout", [("csrf", try await browser.csrf("/"))])
            let cleared = try #require(out.headers[.setCookie])
            #expect(cleared.contains("Max-Age=0") && cleared.lowercased().contains("; secure") == secure, "\(cleared)")
        }
    }

    @Test("a wrong or replaced sign-in token is 404 and opens no session")
    func wrongOrStaleSignInTokenIs404() async throws {
        let fixture = try WebFixture.make()
        let stale = try fixture.db.newOrganizerSignIn()
        let current = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            for token in [stale, String(current.dropLast()) + (current.last == "A" ? "B" : "A"), "short", ""] {
                let response = try await browser.get("/signin?token=\(token)")
                #expect(response.status == (token.isEmpty ? .ok : .notFound), "token \(token)")
                // Said as a page says it: no Markdown backticks shown as they are.
                #expect(token.isEmpty || response.text.contains("This sign-in link is not the one the server printed when it last started"),
                        "\(response.text)")
                #expect(!response.text.contains("`"), "token \(token)")
                #expect(response.headers[.setCookie] == nil)
            }
            #expect(try await browser.signIn(current).status == .seeOther)
        }
    }

    @Test("every organizer route needs a session: a page goes to the sign-in, a form is forbidden, nothing changes")
    func everyOrganizerRouteNeedsASession() async throws {
        let fixture = try WebFixture.make()
        // The organizer is signed in elsewhere: a live session exists, and still no other cookie opens it.
        let live = try #require(try fixture.db.signInOrganizer(token: try fixture.db.newOrganizerSignIn(), now: fixture.clock.now)?.token)
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            for cookie in [nil, "liaison_session=" + String(repeating: "A", count: 43), "liaison_session=forged",
                           "liaison_session=" + String(live.dropLast()) + (live.last == "A" ? "B" : "A")] {
                var headers = HTTPFields()
                if let cookie { headers[.cookie] = cookie }
                for route in RouteCatalog.organizer {
                    let response: TestResponse
                    if route.method == "GET" {
                        response = try await browser.get(route.uri, headers: headers)
                    } else if route.pattern == "/companies/import" {
                        response = try await browser.upload(route.uri, fields: [("csrf", "anything")], headers: headers,
                                                            file: ("file", "firms.csv", Data("id,name,country,offers\nUS-9,New,US,retail\n".utf8)))
                    } else {
                        response = try await browser.post(route.uri, route.form + [("csrf", "anything")], headers: headers)
                    }
                    if route.method == "GET" {
                        #expect(response.status == .seeOther, "\(route) with \(cookie ?? "no cookie")")
                        #expect(response.headers[.location] == "/signin", "\(route)")
                    } else {
                        // Refused by the session check itself, which says how to sign in, not only by the form's token.
                        #expect(response.status == .forbidden, "\(route) with \(cookie ?? "no cookie")")
                        #expect(response.text.contains("sign in first") && !response.text.contains("`"),
                                "\(route) with \(cookie ?? "no cookie"): \(response.text.prefix(300))")
                    }
                    #expect(!response.text.contains("Bay Capital"), "\(route) showed data")
                }
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("a session ends after its lifetime")
    func expiredSessionIsRefused() async throws {
        let fixture = try WebFixture.make()
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            #expect(try await browser.get("/").status == .ok)
            fixture.clock.now = fixture.clock.now.addingTimeInterval(LiaisonDatabase.organizerSessionLifetime + 1)
            let late = try await browser.get("/")
            #expect(late.status == .seeOther)
            #expect(late.headers[.location] == "/signin")
        }
    }

    @Test("signing out ends the session (with the form's token only)")
    func signOutEndsTheSession() async throws {
        let fixture = try WebFixture.make()
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            let csrf = try await browser.csrf("/")
            #expect(try await browser.post("/signout", [("csrf", "wrong")]).status == .forbidden)
            #expect(try await browser.get("/").status == .ok)
            let out = try await browser.post("/signout", [("csrf", csrf)])
            #expect(out.status == .seeOther)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test("each start's sign-in token is new and holds 256 random bits in base64url")
    func signInTokensAreRandom() throws {
        let fixture = try WebFixture.make()
        let tokens = try (0..<200).map { _ in try fixture.db.newOrganizerSignIn() }
        // The bits are spread: every base64 character position takes many values.
        TokenSample.expectRandom(tokens, spread: 25, "sign-in tokens")
        // Another database issues other tokens: no generator seeded alike for each database.
        let other = try WebFixture.make()
        #expect(Set(try (0..<3).map { _ in try other.db.newOrganizerSignIn() }).isDisjoint(with: tokens))
    }

    @Test("each session's cookie and form token hold 256 random bits in base64url")
    func sessionTokensAreRandom() throws {
        let fixture = try WebFixture.make()
        let signIn = try fixture.db.newOrganizerSignIn()
        let sessions = try (0..<200).map { _ in try #require(try fixture.db.signInOrganizer(token: signIn, now: fixture.clock.now)) }
        let cookies = sessions.compactMap(\.token)
        #expect(cookies.count == sessions.count)
        TokenSample.expectRandom(cookies, spread: 25, "session cookies")
        TokenSample.expectRandom(sessions.map(\.csrf), spread: 25, "session form tokens")
        #expect(Set(cookies).isDisjoint(with: sessions.map(\.csrf)))
    }

    @Test("the database keeps only SHA-256 hashes of the sign-in token and session cookies")
    func signInAndSessionsStoredOnlyHashed() async throws {
        let fixture = try WebFixture.make()
        let token = try fixture.db.newOrganizerSignIn()
        let cookie = try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            return try #require(browser.cookie)
        }
        let stored = try await fixture.db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM organizer_signin").map(\.description)
                + (try Row.fetchAll(db, sql: "SELECT * FROM organizer_session").map(\.description))
        }.joined(separator: "\n")
        #expect(!stored.contains(token))
        #expect(!stored.contains(cookie))
        #expect(stored.contains(AccessToken.digest(token)))
        #expect(stored.contains(AccessToken.digest(cookie)))
    }
}
