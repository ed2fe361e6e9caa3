import LiaisonCore
import Testing

/// Defects 8 and 12 of issue 12: the characters a company's fields may hold, and ids as they come.
@Suite("Characters in company fields")
struct CompanyTextTests {
    private func issues(of draft: CompanyDraft) -> [FieldIssue] {
        do {
            let company = try draft.validated(with: TestTaxonomy.taxonomy)
            Issue.record("expected validation to fail, got \(company)")
            return []
        } catch {
            return error.issues
        }
    }

    /// A field of the draft, by name, for parameterized tests.
    static func set(_ field: String, _ value: String, in draft: inout CompanyDraft) {
        switch field {
        case "id": draft.id = value
        case "name": draft.name = value
        case "region": draft.region = value
        case "city": draft.city = value
        case "industry": draft.industry = value
        case "description": draft.description = value
        case "contact": draft.contact = value
        case "email": draft.email = value
        case "phone": draft.phone = value
        case "website": draft.website = value
        case "Booth": draft.extras = [ExtraField(name: "Booth", value: value)]
        default: Issue.record("no field \(field)")
        }
    }

    static let textFields = ["id", "name", "region", "city", "industry", "description", "contact", "phone", "Booth"]

    @Test("a NUL or another control character is refused in every field, naming it", arguments: textFields, ["\u{0}", "\u{1B}", "\u{7F}", "\u{85}"])
    func controlCharacters(field: String, character: String) {
        var draft = CompanyDraft.valid
        Self.set(field, "ab\(character)cd 12", in: &draft)
        let found = issues(of: draft)
        #expect(found.map(\.field) == [field], "\(found)")
        #expect(found.first?.message.contains("control character") == true, "\(found)")
        // The message shows the character escaped, never raw.
        #expect(found.allSatisfy { !$0.message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }

    @Test("tabs are refused outside the description, and line breaks in the id", arguments: [
        ("name", "\t"), ("city", "\t"), ("contact", "\t"), ("Booth", "\t"), ("id", "\n"), ("id", "\r\n"),
    ])
    func tabsOutsideDescription(field: String, character: String) {
        var draft = CompanyDraft.valid
        Self.set(field, "one\(character)two", in: &draft)
        #expect(issues(of: draft).map(\.field) == [field])
    }

    @Test("a line break in a one-line field is one space; the organizer's own columns keep it",
          arguments: ["name", "city", "contact", "Booth"], ["\n", "\r\n", " \n\n "])
    func lineBreaksOutsideDescription(field: String, character: String) throws {
        var draft = CompanyDraft.valid
        Self.set(field, "one\(character)two", in: &draft)
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        let read = switch field {
        case "name": company.name
        case "city": company.city
        case "contact": company.contact
        default: company.extras.first?.value ?? ""
        }
        #expect(read == (field == "Booth" ? "one\(character)two" : "one two"))
    }

    @Test("the description may hold line breaks and tabs")
    func descriptionProse() throws {
        var draft = CompanyDraft.valid
        draft.description = "Line one,\n\tline two;\r\nline three."
        #expect(try draft.validated(with: TestTaxonomy.taxonomy).description == draft.description)
    }

    @Test("ids and names are stored in NFC: a decomposed id is the precomposed one")
    func nfc() throws {
        var draft = CompanyDraft.valid
        draft.id = "Cafe\u{301}-1"
        draft.name = "Cafe\u{301} Ltd"
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(Array(company.id.utf8) == Array("Caf\u{E9}-1".utf8))
        #expect(Array(company.name.utf8) == Array("Caf\u{E9} Ltd".utf8))
    }

    @Test("invisible and bidirectional characters are refused in ids", arguments: [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}", "\u{FEFF}", "\u{AD}",
        "\u{2060}", "\u{A0}", "\u{3000}",
    ])
    func invisibleInIDs(character: String) {
        var draft = CompanyDraft.valid
        draft.id = "ACME\(character)SZ"
        let found = issues(of: draft)
        #expect(found.map(\.field) == ["id"], "\(found)")
        #expect(found.first?.message.contains("U+") == true)
    }

    @Test("ids with spaces are accepted as they come, trimmed", arguments: ["UMH PR-A", "ACME SZ", "UTG RT WI", " ACME SZ "])
    func idsWithSpaces(id: String) throws {
        var draft = CompanyDraft.valid
        draft.id = id
        #expect(try draft.validated(with: TestTaxonomy.taxonomy).id == id.trimmingCharacters(in: .whitespaces))
    }

    @Test("ids are limited in UTF-8 bytes: 32 four-byte emoji fit, 33 do not")
    func idByteLimit() throws {
        var draft = CompanyDraft.valid
        draft.id = String(repeating: "🚀", count: CompanyDraft.maximumIDBytes / 4)
        #expect(try draft.validated(with: TestTaxonomy.taxonomy).id.utf8.count == CompanyDraft.maximumIDBytes)
        draft.id += "🚀"
        #expect(issues(of: draft).map(\.field) == ["id"])
        // The size is said once, whether the id is quoted whole (33 emoji) or cut (200 letters).
        #expect(issues(of: draft).first?.message == "longer than 128 bytes: '\(draft.id)' (132 bytes)")
        draft.id = String(repeating: "x", count: 200)
        #expect(issues(of: draft).first?.message == "longer than 128 bytes: '\(String(repeating: "x", count: 80))…' (200 bytes)")
    }

    @Test("a value of 10 MB is refused with a message quoting at most ~80 characters of it")
    func hugeValue() {
        var draft = CompanyDraft.valid
        draft.name = String(repeating: "x", count: 10 << 20)
        let found = issues(of: draft)
        #expect(found.map(\.field) == ["name"])
        #expect(found.first.map { $0.message.count < 200 } == true, "\(found.first?.message.prefix(300) ?? "")")
        #expect(found.first?.message.contains("\(10 << 20) bytes") == true)
        // One sentence, the size said once.
        #expect(found.first?.message == "longer than 65536 bytes: '\(String(repeating: "x", count: 80))…' (\(10 << 20) bytes)")
    }

    @Test("messages quote values cut to 80 characters, with control characters escaped")
    func quoting() {
        #expect(CompanyText.quoted("Solar panels") == "'Solar panels'")
        #expect(CompanyText.quoted("a\u{1B}]0;pwned\u{7}") == "'a\\u{1B}]0;pwned\\u{7}'")
        let long = CompanyText.quoted(String(repeating: "y", count: 1000))
        #expect(long == "'" + String(repeating: "y", count: 80) + "…' (1000 bytes)")
    }

    @Test("contact fields are checked leniently", arguments: [
        ("email", "li.wei@acme.cn", true), ("email", "a@b.cn; c@d.com", true), ("email", "Li Wei", false), ("email", "li@acme", false),
        // A display name in angle brackets, several addresses with '/', as sheets hold them; junk around an address is refused.
        ("email", "王伟 <wang@beta.cn>", true), ("email", "Li Ming <li@x.cn>; <zw@y.cn>", true), ("email", "a@b.cn/c@d.cn", true),
        ("email", "a@b.com>", false), ("email", "<li@b.com", false), ("email", "王伟<wang@alpha.cn", false), ("email", "mailto:z@zeta.com", false),
        ("email", "li@@x.cn", false), ("email", "li@x..cn", false), ("email", "Li <li@x.cn> extra", false),
        ("website", "www.acme.cn", true), ("website", "https://acme.cn/about?x=1", true), ("website", "acme", false),
        ("website", "see our site", false), ("phone", "+86 755 1234 5678", true), ("phone", "(510) 555-0142 ext. 3", true),
        ("phone", "call us", false), ("contact", "张伟", true),
    ])
    func contacts(field: String, value: String, valid: Bool) {
        var draft = CompanyDraft.valid
        Self.set(field, value, in: &draft)
        let result = Result { () throws(FieldIssues) -> Company in try draft.validated(with: TestTaxonomy.taxonomy) }
        switch result {
        case .success(let company):
            #expect(valid, "\(value) accepted")
            let stored = [company.email, company.website, company.phone, company.contact]
            #expect(stored.contains(value))
        case .failure(let error):
            #expect(!valid, "\(value): \(error)")
            #expect(error.issues.map(\.field) == [field])
        }
    }

    @Test("the organizer's own columns are kept in order; empty ones are dropped")
    func extras() throws {
        var draft = CompanyDraft.valid
        draft.extras = [ExtraField(name: " Booth No ", value: " A12 "), ExtraField(name: "Hall", value: ""), ExtraField(name: "Notes", value: "x")]
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.extras == [ExtraField(name: "Booth No", value: "A12"), ExtraField(name: "Notes", value: "x")])
    }
}
