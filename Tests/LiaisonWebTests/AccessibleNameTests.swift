import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonStore
@testable import LiaisonWeb
import Testing

/// Every field a person fills or reads has a name a screen reader says (a label around it, or an
/// `aria-label`), and a browser's own request for the site's icon finds one.
@Suite("Accessible names and the site's icon")
struct AccessibleNameTests {
    /// The fields of `html` (inputs other than hidden ones, selects, text areas) that are neither
    /// inside a `<label>` nor named by `aria-label`.
    static func unnamedFields(_ html: String) -> [String] {
        var unnamed: [String] = []
        var rest = html[...]
        while let start = rest.range(of: #"<(input|select|textarea)\b[^>]*>"#, options: .regularExpression) {
            let tag = String(rest[start])
            let before = html[..<start.lowerBound]
            let openLabel = before.range(of: "<label", options: .backwards)?.lowerBound
            let closeLabel = before.range(of: "</label>", options: .backwards)?.lowerBound
            let inLabel = openLabel.map { open in closeLabel.map { $0 < open } ?? true } ?? false
            if !tag.contains("type=\"hidden\"") && !tag.contains("aria-label=\"") && !inLabel { unnamed.append(tag) }
            rest = rest[start.upperBound...]
        }
        return unnamed
    }

    @Test("every field of the console's pages and of a participant's page has an accessible name, issued links included")
    func fieldsHaveNames() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            let participant = try await browser.get("/p/\(fixture.tokens["CN-A"]!)").text
            #expect(Self.unnamedFields(participant).isEmpty, "\(Self.unnamedFields(participant))")
            try await browser.signIn(try fixture.db.newOrganizerSignIn())
            for path in ["/", "/companies", "/companies/CN-A", "/events", "/events/oakland", "/events/oakland/links", "/events/oakland/schedule"] {
                let page = try await browser.get(path).text
                #expect(Self.unnamedFields(page).isEmpty, "\(path): \(Self.unnamedFields(page))")
            }
            let renewed = try await browser.post("/events/oakland/links/renew", [("csrf", try await browser.csrf("/events/oakland/links")), ("company", "US-X")])
            #expect(renewed.text.contains("class=\"copy\"") && Self.unnamedFields(renewed.text).isEmpty, "\(Self.unnamedFields(renewed.text))")
        }
    }

    @Test("the site has an icon: pages name it, and /favicon.ico answers with it, so a browser logs no missing file")
    func siteIcon() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            let page = try await browser.get("/p/\(fixture.tokens["CN-A"]!)").text
            #expect(page.contains("<link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"))
            for path in ["/static/favicon.svg", "/favicon.ico"] {
                let icon = try await browser.get(path)
                #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml" && icon.text.contains("<svg"), "\(path)")
            }
        }
    }
}
