import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("Participant links: random, stored hashed, each opening only its own participant's data")
struct ParticipantAccessTests {
    @Test("a link's token holds 256 random bits in base64url; the database keeps only its SHA-256")
    func tokensAreRandomAndStoredHashed() throws {
        let fixture = try WebFixture.make()
        let tokens = Array(fixture.tokens.values)
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 43)
            let base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
            #expect(Data(base64Encoded: base64)?.count == 32, "\(token) is not 256 bits")
        }
        let stored = try fixture.db.writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM participant_link").map(\.description) }
            .joined(separator: "\n")
        for (company, token) in fixture.tokens {
            #expect(!stored.contains(token), "the token of \(company) is stored")
            #expect(stored.contains(AccessToken.digest(token)))
        }
        // The bits are spread: over 600 tokens every base64 character position takes many values.
        let many = (0..<600).map { _ in AccessToken.generate() }
        for position in 0..<42 {
            let values = Set(many.map { Array($0)[position] })
            #expect(values.count > 40, "position \(position) takes only \(values.count) values")
        }
        // So are the links the store issues, and their form tokens: 300 renewals of one link.
        let formTokens = try fixture.tokens.values.map { try #require(try fixture.db.participantAccess(token: $0)?.csrf) }
        let renewed = try (0..<300).map { _ in try #require(try fixture.db.renewParticipantLink(event: WebFixture.event, company: "CN-A").token) }
        let issued = tokens + renewed
        TokenSample.expectRandom(issued, spread: 40, "issued links")
        #expect(Set(formTokens).count == formTokens.count && Set(formTokens).isDisjoint(with: issued))
        let renewedForms = try fixture.db.writer.read { db in try String.fetchAll(db, sql: "SELECT csrf FROM participant_link WHERE company = 'CN-A'") }
        TokenSample.expectRandom(renewedForms, spread: 40, "links' form tokens")
        // Another database issues other links: no generator seeded alike for each database.
        #expect(Set(try WebFixture.make().tokens.values).isDisjoint(with: issued))
    }

    @Test("SHA-256 of the tokens is the standard one (FIPS 180-2 vectors)")
    func digestMatchesKnownVectors() {
        #expect(AccessToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccessToken.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(AccessToken.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("every participant route with another participant's token shows and changes only that participant's data")
    func eachParticipantSeesOnlyItsOwnData() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-A", with: "US-Z")
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let tokenA = fixture.tokens["CN-A"]!, tokenB = fixture.tokens["CN-B"]!
        let csrfA = try #require(try fixture.db.participantAccess(token: tokenA)?.csrf)
        try await fixture.withBrowser { browser in
            let csrfB = try await browser.csrf("/p/\(tokenB)")
            #expect(csrfB != csrfA)
            // Every name a route might be tempted to read a participant from names A, in the query and in the form.
            let naming = ["company", "participant", "id", "from", "as", "a", "token", "p"].map { ($0, $0 == "token" || $0 == "p" ? tokenA : "CN-A") }
            let query = "?" + naming.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
            for route in RouteCatalog.participant {
                let uri = "/p/\(tokenB)\(route.uri)" + query
                let response = route.method == "GET" ? try await browser.get(uri)
                    : try await browser.post(uri, route.form + naming + [("csrf", csrfB)])
                let page = response.text
                #expect(!page.contains("secret-description-of-CN-A"), "\(route) showed CN-A's profile")
                #expect(!page.contains(csrfA), "\(route) showed CN-A's form token")
                #expect(!page.contains(tokenA), "\(route) showed CN-A's link")
                #expect(!page.contains("Shanghai Solar"), "\(route) named CN-A (a delegate like CN-B, never its match)")
            }
            let pageB = try await browser.get("/p/\(tokenB)")
            #expect(pageB.text.contains("Renamed"))
        }
        // What B's forms did, they did for B: A's data is as it was.
        let view = try fixture.db.participantView(event: WebFixture.event, company: "CN-A")
        #expect(view.company.company.name == "Shanghai Solar")
        #expect(view.requests.map(\.b) == ["US-Z"])
        #expect(view.blocks.isEmpty)
        #expect(view.ratings.isEmpty)
        let viewB = try fixture.db.participantView(event: WebFixture.event, company: "CN-B")
        #expect(viewB.company.company.name == "Renamed")
        // B's request to meet US-Y is B's, unless B already meets US-Y in the schedule (then it is refused).
        let published = try fixture.db.publishedScheduleDocument(WebFixture.event).meetings
        let meetsY = published.contains { $0.meeting.delegate == "CN-B" && $0.meeting.host == "US-Y" }
        #expect(viewB.requests.contains { $0.a == "CN-B" && $0.b == "US-Y" && $0.origin == .participant && $0.status == .pending } == !meetsY)
        // B's 'not interested' in US-Z blocked the pair for B, unless B meets US-Z in the schedule (then it is refused).
        let meetsZ = published.contains { $0.meeting.delegate == "CN-B" && $0.meeting.host == "US-Z" }
        #expect(viewB.blocks.contains(PairBlock(a: "CN-B", b: "US-Z")) == !meetsZ)
        // B's calendar holds B's meetings only.
        let calendar = try await fixture.withBrowser { browser in try await browser.get("/p/\(tokenB)/agenda.ics?company=CN-A&token=\(tokenA)").text }
        let schedule = try fixture.db.publishedScheduleDocument(WebFixture.event)
        for entry in schedule.meetings {
            let uid = "\(WebFixture.event)/\(entry.meeting.delegate)/\(entry.meeting.host)@liaison"
            #expect(calendar.contains(uid) == (entry.meeting.delegate == "CN-B"), "\(uid)")
        }
    }

    @Test("a revoked link opens nothing on any route; one of a participant removed from the event opens only its calendar feed")
    func revokedTokenOpensNothing() async throws {
        let fixture = try WebFixture.make(now: TestClock.afterEvent)
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let old = fixture.tokens["CN-A"]!
        let csrf = try #require(try fixture.db.participantAccess(token: old)?.csrf)
        let renewed = try #require(try fixture.db.renewParticipantLink(event: WebFixture.event, company: "CN-A").token)
        try fixture.db.removeParticipants(["CN-C"], from: WebFixture.event)
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            for token in [old, fixture.tokens["CN-C"]!] {
                for route in RouteCatalog.participant {
                    let uri = "/p/\(token)\(route.uri)"
                    let response = route.method == "GET" ? try await browser.get(uri) : try await browser.post(uri, route.form + [("csrf", csrf)])
                    // A company that left keeps its feed, to learn its meetings are cancelled once the organizer publishes.
                    let feed = token != old && route.uri == "/agenda.ics"
                    #expect(response.status == (feed ? .ok : .notFound), "\(route) with a dead token")
                    #expect(!response.text.contains("secret-description"), "\(route)")
                }
            }
            #expect(try await browser.get("/p/\(renewed)").status == .ok)
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("unknown tokens get 404, and a client that keeps trying waits longer each time")
    func unknownTokensAreSlowedDown() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            for attempt in 0..<6 {
                let guess = AccessToken.generate()
                let response = try await browser.get("/p/\(guess)")
                #expect(response.status == .notFound, "attempt \(attempt)")
                #expect(response.text.contains("This link opens no page"))
            }
            #expect(try await browser.get("/p/\(fixture.tokens["CN-A"]!)").status == .ok)
            #expect(try await browser.get("/signin?token=\(AccessToken.generate())").status == .notFound)
        }
        let pauses = await fixture.pauses.pauses
        let policy = FailureThrottle.Policy()
        // 7 failures: the free ones cost nothing, then each pause doubles.
        #expect(pauses == [policy.firstDelay, policy.firstDelay * 2, policy.firstDelay * 4, policy.firstDelay * 8])
    }
}
