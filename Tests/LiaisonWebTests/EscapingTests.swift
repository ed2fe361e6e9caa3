import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonCore
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

    /// The pages of an event whose companies bear `names`, with CN-B's request of US-X, scheduled
    /// and published: the organizer's `uris` (each answering 200), what `more` reads as the
    /// organizer, and every participant's page, each with where it was read.
    private static func pages(names: [String: String], now: Date = TestClock.beforeEvent, organizer uris: [String],
                              more: @escaping @Sendable (Browser) async throws -> [(String, String)] = { _ in [] }) async throws -> [(String, String)] {
        let fixture = try WebFixture.make(names: names, now: now)
        try fixture.db.requestMeeting(event: WebFixture.event, from: "CN-B", with: "US-X")
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let signIn = try fixture.db.newOrganizerSignIn()
        return try await fixture.withBrowser { browser -> [(String, String)] in
            try await browser.signIn(signIn)
            var pages: [(String, String)] = []
            for uri in uris {
                let response = try await browser.get(uri)
                #expect(response.status == .ok, "\(uri)")
                pages.append((uri, response.text))
            }
            pages += try await more(browser)
            for (company, token) in fixture.tokens { pages.append(("/p/ of \(company)", try await browser.get("/p/\(token)").text)) }
            return pages
        }
    }

    @Test("organizer pages, participant pages and the printable export show hostile names as text")
    func hostileNamesAreEscapedOnEveryPage() async throws {
        let uris = ["/", "/companies", "/companies/CN-A", "/companies/US-X", "/companies/CN-B", "/events", "/events/oakland",
                    "/events/oakland/schedule", "/events/oakland/links", "/events/oakland/exports", "/events/oakland/export/html"]
        let pages = try await Self.pages(names: Self.hostile, now: TestClock.afterEvent, organizer: uris) { browser in
            let issued = try await browser.post("/events/oakland/links/renew", [("csrf", try await browser.csrf("/events/oakland/links")), ("company", "CN-A")])
            // US-X's removal asks first, naming it, the event and CN-B, whose request goes with it.
            let removal = try await browser.post("/events/oakland/participants/remove", [("csrf", try await browser.csrf("/events/oakland")), ("company", "US-X")])
            #expect(removal.status == .ok && removal.text.contains("Remove &quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                    && removal.text.contains("&lt;script&gt;alert(&#39;event&#39;)&lt;/script&gt;") && removal.text.contains("Evil[U+202E]gnp.exe"),
                    "\(removal.text)")
            return [("links after renewal", issued.text), ("removal of US-X", removal.text)]
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

    /// Names holding characters that draw nothing: zero-width space, word joiner, byte-order mark,
    /// soft hyphen, tag characters, Hangul fillers, Mongolian vowel separator, zero-width
    /// (non-)joiner, line separator.
    static let invisible = [
        "CN-A": "Shanghai\u{200B}Solar\u{2060}",
        "CN-B": "\u{FEFF}Lyon\u{00AD}Robotics\u{E0041}\u{E007F}",
        "CN-C": "\u{3164}\u{115F}\u{1160}\u{FFA0}",
        "US-X": "Bay\u{180E}Capital\u{200C}\u{200D}",
        "US-Y": "Port\u{2028}Logistics",
    ]

    @Test("names with invisible characters show each as its mark, on the console and on other participants' pages")
    func invisibleCharactersAreMarked() async throws {
        let pages = try await Self.pages(names: Self.invisible, organizer: ["/companies", "/companies/CN-A", "/companies/US-X", "/events/oakland",
                                                                           "/events/oakland/schedule", "/events/oakland/links"])
        let hidden = Self.invisible.values.flatMap(\.unicodeScalars).filter { !$0.isASCII }
        for (uri, html) in pages {
            for scalar in hidden { #expect(!html.unicodeScalars.contains(scalar), "\(uri) shows a raw \(CompanyText.name(of: scalar))") }
        }
        let all = pages.map(\.1).joined()
        for mark in ["Shanghai[U+200B]Solar[U+2060]", "[U+FEFF]Lyon[U+00AD]Robotics[U+E0041][U+E007F]", "[U+3164][U+115F][U+1160][U+FFA0]",
                     "Bay[U+180E]Capital[U+200C][U+200D]", "Port[U+2028]Logistics"] {
            #expect(all.contains(mark), "\(mark) not shown")
        }
    }

    @Test("every character a company id refuses as invisible is marked when shown, but for spaces that show as spaces")
    func hiddenIsOneRule() {
        var raw: [String] = [], marked: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar != "\t", scalar != "\n" else { continue }
            let isMarked = DisplayText.safe(String(scalar)) != String(scalar)
            let refused = CompanyText.isControl(scalar) || CompanyText.isInvisibleInID(scalar) && !scalar.properties.isWhitespace
            if refused && !isMarked { raw.append(CompanyText.name(of: scalar)) }
            if !CompanyText.isInvisibleInID(scalar) && isMarked { marked.append(CompanyText.name(of: scalar)) }
        }
        #expect(raw.isEmpty, "refused in ids, shown raw: \(raw.prefix(40))")
        #expect(marked.isEmpty, "allowed in ids, marked: \(marked.prefix(40))")
        // What draws and is part of a text stays: letters, CJK, emoji with a variation selector, the
        // narrow no-break space of French punctuation, an ideographic space.
        for text in ["Café", "广州食品有限公司", "❤\u{FE0F}", "Prix\u{202F}: 10\u{00A0}€", "上海\u{3000}企业"] {
            #expect(DisplayText.safe(text) == text, "\(text)")
        }
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
