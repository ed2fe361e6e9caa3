import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonWeb
import Mustache
import Testing

@Suite("Every text is escaped: hostile names render as text on every page")
struct EscapingTests {
    /// The injection names of the agendas issue: markup, an attribute break-out, an RTL
    /// override, template syntax and terminal escapes.
    static let hostile = [
        "CN-A": "<script>alert(1)</script>",
        "US-X": "\"><img src=x onerror=alert(1)>",
        "CN-B": "Evil\u{202E}gnp.exe",
        "US-Y": "{{csrf}}{{#t}}x{{/t}}",
        "CN-C": "\u{1B}]0;pwned\u{07}\u{1B}[2J",
        "city-US-Z": "<b>bold</b>",
        "event": "<script>alert('event')</script>",
    ]

    @Test("organizer pages, participant pages and the printable export show hostile names as text")
    func hostileNamesAreEscapedOnEveryPage() async throws {
        let fixture = try WebFixture.make(names: Self.hostile, now: TestClock.afterEvent)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-B", with: "US-X")
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let signIn = try fixture.db.newOrganizerSignIn()
        let pages = try await fixture.withBrowser { browser -> [(String, String)] in
            try await browser.signIn(signIn)
            var pages: [(String, String)] = []
            for uri in ["/", "/companies", "/companies/CN-A", "/companies/US-X", "/companies/CN-B", "/events", "/events/oakland",
                        "/events/oakland/schedule", "/events/oakland/links", "/events/oakland/exports", "/events/oakland/export/html"] {
                let response = try await browser.get(uri)
                #expect(response.status == .ok, "\(uri)")
                pages.append((uri, response.text))
            }
            let issued = try await browser.post("/events/oakland/links/renew", [("csrf", try await browser.csrf("/events/oakland/links")), ("company", "CN-A")])
            pages.append(("links after renewal", issued.text))
            for (company, token) in fixture.tokens {
                pages.append(("/p/ of \(company)", try await browser.get("/p/\(token)").text))
            }
            return pages
        }
        for (uri, html) in pages {
            #expect(!html.contains("<script>alert"), "\(uri) lets a script tag through")
            #expect(!html.contains("<img src=x"), "\(uri) lets an image tag through")
            #expect(!html.contains("onerror=alert(1)>"), "\(uri) breaks out of an attribute")
            #expect(!html.contains("<b>bold"), "\(uri) lets markup through")
            // The printable export is LiaisonFormats' (escaped by Plot); controls are shown raw there.
            if uri.hasSuffix("/export/html") { continue }
            #expect(!html.unicodeScalars.contains("\u{202E}"), "\(uri) shows a raw RTL override")
            #expect(!html.unicodeScalars.contains("\u{1B}"), "\(uri) shows a raw terminal escape")
            #expect(!html.unicodeScalars.contains("\u{07}"), "\(uri) shows a raw bell")
        }
        let all = pages.map(\.1).joined()
        #expect(all.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(all.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(all.contains("Evil[U+202E]gnp.exe"))
        #expect(all.contains("[U+001B]]0;pwned[U+0007][U+001B][2J"))
        // Template syntax in a name is shown, never expanded.
        #expect(all.contains("{{csrf}}{{#t}}x{{/t}}"))
    }

    @Test("no template writes a value unescaped")
    func templatesNeverUnescape() {
        for (name, bytes) in PageTemplates.sources {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("{{{"), "\(name) uses {{{ }}}")
            #expect(!text.contains("{{&"), "\(name) uses {{& }}")
            #expect(!text.contains("{{=") , "\(name) changes delimiters")
            // The only content type a template may choose is the HTML escaping of HTMLEscaping.
            let chosen = text.components(separatedBy: "{{%").dropFirst().map { $0.components(separatedBy: "}}")[0] }
            #expect(chosen.allSatisfy { $0.trimmingCharacters(in: .whitespaces) == "CONTENT_TYPE: \(HTMLEscaping.name)" }, "\(name) chooses \(chosen)")
        }
        #expect(String(decoding: PageTemplates.sources["layout"]!, as: UTF8.self).hasPrefix("{{% CONTENT_TYPE: \(HTMLEscaping.name) }}"))
    }

    @Test("the pages' escaping replaces what the template engine's does, with the same entities, and every < even before a combining mark")
    func escapingMatchesTheEngine() throws {
        let engine = try MustacheTemplate(string: "{{value}}")
        let samples = ["plain", "", "a & b", "<script>alert('x')</script>", "\"quoted\" & 'single'", "中文 <b>粗</b> é", ">>&&<<",
                       "{{csrf}}", "Evil\u{202E}gnp.exe", "emoji 👩‍💻 & more"]
        for sample in samples {
            #expect(HTMLEscaping.escape(sample) == engine.render(["value": sample]), "\(sample)")
        }
        #expect(HTMLEscaping.escape("a<\u{338}b") == "a&lt;\u{338}b")
        #expect(!HTMLEscaping.escape("x\"><img src=x onerror=alert(1)>").contains { "<>\"'".contains($0) })
    }

    @Test("every response forbids scripts from elsewhere, framing and referrers, those made of errors too")
    func securityHeadersOnEveryResponse() async throws {
        let fixture = try WebFixture.make()
        try await fixture.withBrowser { browser in
            for uri in ["/signin", "/p/\(fixture.tokens["CN-A"]!)", "/p/unknown", "/", "/static/liaison.css"] {
                let response = try await browser.get(uri)
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true, "\(uri)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true, "\(uri)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
            }
            // A response made of an error too: a form body over its limit is refused 413, with the headers.
            let large = try await browser.post("/p/\(fixture.tokens["CN-A"]!)/request", [("csrf", "x"), ("other", String(repeating: "x", count: 2 << 20))])
            #expect(large.status == .contentTooLarge)
            #expect(large.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(large.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("instants show as the console shows them, one way whether stored with milliseconds or not")
    func instants() {
        #expect(DisplayText.instant("2026-12-07T14:36:06.547Z") == "2026-12-07 14:36 UTC")
        #expect(DisplayText.instant("2026-12-07T14:30:35Z") == "2026-12-07 14:30 UTC")
        #expect(DisplayText.instant("not yet") == "not yet" && DisplayText.instant("2026-12-07") == "2026-12-07")
    }
}
