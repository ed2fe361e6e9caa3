import Foundation
import GRDB
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

/// In an open event any two participants may meet: a participant's page suggests, and lets it
/// ask for, companies of its own country as well as the others; a sides event keeps delegates
/// with hosts.
@Suite("A participant's page in an open event")
struct OpenEventPageTests {
    /// The fixture's event made open, as an event file replacing it would make it.
    private func openEvent(_ fixture: WebFixture) throws {
        try fixture.db.writer.write { try $0.execute(sql: "UPDATE event SET pairing = 'open' WHERE id = ?", arguments: [WebFixture.event]) }
    }

    /// The companies the page of `company` suggests.
    private func suggested(_ company: String, _ fixture: WebFixture, _ browser: Browser) async throws -> Set<String> {
        let page = try await browser.get("/p/\(fixture.tokens[company]!)").text
        let section = try #require(page.components(separatedBy: "id=\"suggestions\"").last?.components(separatedBy: "</section>").first)
        return Set(section.components(separatedBy: "data-company=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) })
    }

    @Test("an open event's page suggests every other participant, its own country's too, and follows the event's pairing when it changes")
    func suggestionsFollowThePairing() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            #expect(try await suggested("US-X", fixture, browser) == ["CN-A", "CN-B", "CN-C"])
            try openEvent(fixture)
            #expect(try await suggested("US-X", fixture, browser) == ["CN-A", "CN-B", "CN-C", "US-Y", "US-Z"])
            #expect(try await suggested("CN-A", fixture, browser) == ["CN-B", "CN-C", "US-X", "US-Y", "US-Z"])
        }
    }

    @Test("in an open event a participant asks for a meeting with a company of its own country; in a sides event it cannot")
    func requestOwnCountry() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["US-X"]!
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            #expect(try await browser.post("/p/\(token)/request", [("csrf", csrf), ("other", "US-Y")]).status == .badRequest)
            try openEvent(fixture)
            let requested = try await browser.post("/p/\(token)/request", [("csrf", csrf), ("other", "US-Y")])
            #expect(requested.status == .seeOther && requested.headers[.location] == "/p/\(token)?done=requested")
        }
        #expect(try fixture.db.eventDefinition(WebFixture.event).requests
                == [MeetingRequest(a: "US-X", b: "US-Y", must: false, origin: .participant, status: .pending)])
    }
}
