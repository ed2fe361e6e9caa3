import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonScheduling
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("Interested after all: a participant takes back its own 'Not interested' on its page, and only its own")
struct InterestedAfterAllTests {
    /// The part of `page` in the section `id`.
    static func section(_ id: String, of page: String) throws -> String {
        try #require(page.components(separatedBy: "<section id=\"\(id)\">").last?.components(separatedBy: "</section>").first, "no section \(id)")
    }

    /// The list of companies the page says the participant is not interested in (empty when there is none).
    static func declined(_ page: String) throws -> String {
        try section("requests", of: page).components(separatedBy: "<ul class=\"declined\">").dropFirst().first?
            .components(separatedBy: "</ul>").first ?? ""
    }

    /// The fields of the page's form that takes back the participant's 'not interested' in `other`,
    /// as a browser sends them; nil when the page has none.
    static func undoForm(_ page: String, token: String, other: String) -> [(String, String)]? {
        for form in FormTokenTests.postForms(in: page) where form.contains("action=\"/p/\(token)/interested\"") {
            let fields = sentFields(of: form)
            if fields.contains(where: { $0 == ("other", other) }) { return fields }
        }
        return nil
    }

    @Test("the page lists the companies the participant said it is not interested in, each with a form that takes it back; never the organizer's blocks")
    func listWithUndo() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-C", with: "US-Z")
        try fixture.db.addBlock(PairBlock(a: "CN-C", b: "US-Y"), to: WebFixture.event)
        // US-X's 'not interested' in CN-C is US-X's, not CN-C's.
        try fixture.db.declineMatch(event: WebFixture.event, from: "US-X", with: "CN-C")
        let token = fixture.tokens["CN-C"]!
        let csrf = try #require(try fixture.db.participantAccess(token: token)?.csrf)
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            let list = try Self.declined(page)
            #expect(list.contains("Golden Grocers") && list.contains("Interested after all"), "\(list)")
            #expect(!list.contains("Port Logistics") && !list.contains("Bay Capital"), "\(list)")
            let form = try #require(Self.undoForm(page, token: token, other: "US-Z"))
            #expect(form.contains { $0 == ("csrf", csrf) })
            #expect(Self.undoForm(page, token: token, other: "US-Y") == nil && Self.undoForm(page, token: token, other: "US-X") == nil)
        }
    }

    @Test("Interested after all takes the block back: the company is suggested again at once, and the page says so")
    func undoRestoresTheSuggestion() async throws {
        let fixture = try WebFixture.make()
        let token = fixture.tokens["CN-C"]!
        try await fixture.withBrowser { browser in
            let csrf = try await browser.csrf("/p/\(token)")
            #expect(try Self.section("suggestions", of: try await browser.get("/p/\(token)").text).contains("Golden Grocers"))
            #expect(try await browser.post("/p/\(token)/not-interested", [("csrf", csrf), ("other", "US-Z")]).status == .seeOther)
            // Read (and kept) with the decline: not suggested, listed as declined.
            let declined = try await browser.get("/p/\(token)").text
            #expect(try !Self.section("suggestions", of: declined).contains("Golden Grocers"))
            let form = try #require(Self.undoForm(declined, token: token, other: "US-Z"))
            let undone = try await browser.post("/p/\(token)/interested", form)
            #expect(undone.status == .seeOther, "\(undone.text)")
            #expect(undone.headers[.location] == "/p/\(token)?done=interested")
            let page = try await browser.get("/p/\(token)?done=interested").text
            #expect(page.contains("Noted: you may be paired with this company again."), "\(page)")
            #expect(try Self.section("suggestions", of: page).contains("Golden Grocers"))
            #expect(try Self.declined(page).isEmpty && Self.undoForm(page, token: token, other: "US-Z") == nil)
            // It may be declined again, and asked for.
            #expect(try await browser.post("/p/\(token)/request", [("csrf", csrf), ("other", "US-Z")]).status == .seeOther)
        }
        let definition = try fixture.db.eventDefinition(WebFixture.event)
        #expect(definition.blocks.isEmpty)
        #expect(definition.requests == [MeetingRequest(a: "CN-C", b: "US-Z", must: false, origin: .participant, status: .pending)])
    }

    @Test("another participant's link cannot take a participant's 'not interested' back, the other company's neither: refused, nothing changes")
    func onlyItsOwn() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-A", with: "US-Z")
        let tokenA = fixture.tokens["CN-A"]!
        let csrfA = try #require(try fixture.db.participantAccess(token: tokenA)?.csrf)
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            // CN-B (French), which did not decline US-Z, naming A every way a route might read it.
            let tokenB = fixture.tokens["CN-B"]!
            let naming = ["company", "participant", "from", "a", "token"].map { ($0, $0 == "token" ? tokenA : "CN-A") }
            let byB = try await browser.post("/p/\(tokenB)/interested", [("csrf", try await browser.csrf("/p/\(tokenB)")), ("other", "US-Z")] + naming)
            #expect(byB.status == .badRequest && byB.text.contains("Vous n’avez pas indiqué ne pas être intéressé par cette entreprise."), "\(byB.text)")
            #expect(!byB.text.contains("US-Z") && !byB.text.contains("CN-A") && !byB.text.contains("Golden Grocers"))
            // US-Z, the other company of the pair: the block is A's, not Z's.
            let tokenZ = fixture.tokens["US-Z"]!
            let byZ = try await browser.post("/p/\(tokenZ)/interested", [("csrf", try await browser.csrf("/p/\(tokenZ)")), ("other", "CN-A")])
            #expect(byZ.status == .badRequest && byZ.text.contains("You have not said you are not interested in this company."), "\(byZ.text)")
            // A's form token on B's link is forbidden; an unknown link opens nothing.
            #expect(try await browser.post("/p/\(tokenB)/interested", [("csrf", csrfA), ("other", "US-Z")]).status == .forbidden)
            #expect(try await browser.post("/p/\(AccessToken.generate())/interested", [("csrf", csrfA), ("other", "US-Z")]).status == .notFound)
            #expect(try Self.declined(try await browser.get("/p/\(tokenB)").text).isEmpty)
        }
        #expect(try fixture.snapshot() == before)
        #expect(try fixture.db.blockEntries(event: WebFixture.event) == [BlockEntry(block: PairBlock(a: "CN-A", b: "US-Z"), origin: .participant)])
    }

    @Test("a block the organizer set is never the participant's to take back: not listed, refused in the page's language, nothing changes")
    func organizersBlockStays() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.addBlock(PairBlock(a: "CN-A", b: "US-X"), to: WebFixture.event)
        let token = fixture.tokens["CN-A"]!
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            #expect(try Self.declined(page).isEmpty && Self.undoForm(page, token: token, other: "US-X") == nil)
            let refused = try await browser.post("/p/\(token)/interested", [("csrf", try await browser.csrf("/p/\(token)")), ("other", "US-X")])
            #expect(refused.status == .badRequest && refused.text.contains("您未曾表示对该企业不感兴趣。"), "\(refused.text)")
            #expect(!refused.text.contains("US-X") && !refused.text.contains("liaison event"))
            #expect(try !Self.section("suggestions", of: try await browser.get("/p/\(token)").text).contains("Bay Capital"))
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("taking back 'not interested' needs the page's form token: without it, or with another participant's, it is forbidden and the block stays")
    func formTokenChecked() async throws {
        let fixture = try WebFixture.make()
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-C", with: "US-Z")
        let token = fixture.tokens["CN-C"]!
        let before = try fixture.snapshot()
        try await fixture.withBrowser { browser in
            let other = try await browser.csrf("/p/\(fixture.tokens["US-X"]!)")
            for csrf in [nil, "wrong", String(repeating: "x", count: 43), other] {
                let response = try await browser.post("/p/\(token)/interested", [("other", "US-Z")] + (csrf.map { [("csrf", $0)] } ?? []))
                #expect(response.status == .forbidden, "with token \(csrf ?? "none")")
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test("a hostile company name in the list of declined companies is shown as text")
    func hostileNameEscaped() async throws {
        let fixture = try WebFixture.make(names: ["US-Z": "<script>alert(1)</script>", "US-Y": "\"><img src=x onerror=alert(1)>"])
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-C", with: "US-Z")
        try fixture.db.declineMatch(event: WebFixture.event, from: "CN-C", with: "US-Y")
        let token = fixture.tokens["CN-C"]!
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            let list = try Self.declined(page)
            #expect(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && list.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "\(list)")
            #expect(list.components(separatedBy: "action=\"/p/\(token)/interested\"").count == 3, "\(list)")
            #expect(!page.contains("<script>alert") && !page.contains("<img src=x"))
        }
    }

    @Test("Chinese and French pages list declined companies, the button and the notice in their words", arguments: [
        ("CN-A", "不感兴趣的企业", "改为感兴趣", "已记录：可以再次为您安排与该企业的洽谈。"),
        ("CN-B", "Pas intéressé par", "Finalement intéressé", "C’est noté\u{202F}: vous pourrez de nouveau être mis en relation avec cette entreprise."),
    ])
    func otherLanguages(company: String, heading: String, button: String, notice: String) async throws {
        let fixture = try WebFixture.make()
        try fixture.db.declineMatch(event: WebFixture.event, from: company, with: "US-Y")
        let token = fixture.tokens[company]!
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(token)").text
            #expect(try Self.section("requests", of: page).contains(heading))
            #expect(try Self.declined(page).contains("Port Logistics") && Self.declined(page).contains(button), "\(page)")
            #expect(!page.contains("Interested after all"))
            let form = try #require(Self.undoForm(page, token: token, other: "US-Y"))
            #expect(try await browser.post("/p/\(token)/interested", form).status == .seeOther)
            let after = try await browser.get("/p/\(token)?done=interested").text
            #expect(after.contains(notice) && !after.contains("Noted: you may be paired"), "\(after)")
        }
        #expect(try fixture.db.eventDefinition(WebFixture.event).blocks.isEmpty)
    }
}
