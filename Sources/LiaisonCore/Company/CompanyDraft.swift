/// A company record as read from an input file, before validation: every field as the user wrote it.
///
/// ``validate(with:)`` turns it into a ``Company`` (with the sectors it had to infer from free
/// text) or throws every problem, one ``FieldIssue`` each.
public struct CompanyDraft: Sendable {
    public var id = ""
    public var name = ""
    public var country = ""
    public var region = ""
    public var city = ""
    public var size = ""
    public var languages: [String] = []
    public var naics = ""
    public var industry = ""
    public var description = ""
    public var offers: [ProfileEntry] = []
    public var seeks: [ProfileEntry] = []
    public var contact = ""
    public var email = ""
    public var phone = ""
    public var website = ""
    /// The sheet's other columns, in its order; empty values are dropped by validation.
    public var extras: [ExtraField] = []

    public init() {}

    /// The longest id accepted, in UTF-8 bytes.
    public static let maximumIDBytes = CompanyText.maximumIDBytes

    /// A valid company and the sectors that were inferred from free text to make it.
    public struct Validated: Sendable {
        public var company: Company
        /// One per sector found in an industry, offers or seeks value that was no sector's id,
        /// name or alias.
        public var inferences: [SectorInference]
    }

    /// Checks every field and derives the offers profile; see ``validate(with:)``.
    public func validated(with taxonomy: Taxonomy) throws(FieldIssues) -> Company {
        try validate(with: taxonomy).company
    }

    /// Checks every field and derives the offers profile.
    ///
    /// Offers come from the explicit `offers` entries, else from `industry`, else from `naics`
    /// (by its longest prefix in the taxonomy). An industry, offers or seeks value that is no
    /// sector's id, name or alias is matched as free text, one sector per item of a list
    /// (``Taxonomy/inferList(_:)``), and each match is returned among the inferences. Text is
    /// trimmed and put in NFC; control characters are refused, but for line breaks and tabs in
    /// `description` and line breaks in the organizer's own columns, which keep them, and line
    /// breaks in other fields than the id, which are read as one space. Every problem is reported,
    /// not only the first.
    ///
    /// Without `profileRequired` (a sheet with none of the profile's columns, which updates
    /// companies already stored), a company may come out with no profile: whoever saves it must
    /// then find one stored.
    public func validate(with taxonomy: Taxonomy, profileRequired: Bool = true) throws(FieldIssues) -> Validated {
        var issues: [FieldIssue] = []
        var inferences: [SectorInference] = []
        func fail(_ field: String, _ message: String) { issues.append(FieldIssue(field: field, message: message)) }
        /// The field's text trimmed and in NFC, or nil (with a problem) when it breaks the character rules.
        func text(_ field: String, _ value: String, prose: Bool = false, lineBreaks: LineBreaks = .folded) -> String {
            // Surrounding white space (a tab or line break included) is trimmed, not refused.
            var trimmed = value.trimmingWhitespace()
            // Most fields are short printable ASCII, already NFC: one pass decides.
            if trimmed.utf8.count <= CompanyText.maximumFieldBytes, trimmed.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                return trimmed
            }
            // A spreadsheet cell wrapped with Alt+Enter (a two-line bilingual name) is one line of a one-line field.
            if !prose, lineBreaks == .folded { trimmed = CompanyText.foldingLineBreaks(trimmed) }
            if let problem = CompanyText.problem(in: trimmed, prose: prose, lineBreaks: lineBreaks == .kept) {
                fail(field, problem)
                return ""
            }
            return CompanyText.nfc(trimmed)
        }

        let id = text("id", id, lineBreaks: .refused)
        if id.isEmpty { if !issues.contains(where: { $0.field == "id" }) { fail("id", "missing") } }
        else if let problem = Self.problem(withID: id) { fail("id", problem) }
        let name = text("name", name)
        if name.isEmpty, !issues.contains(where: { $0.field == "name" }) { fail("name", "missing") }

        let written = text("country", country)
        let country = ISOCodes.country(written) ?? written.uppercased()
        if country.isEmpty { if !issues.contains(where: { $0.field == "country" }) { fail("country", "missing") } }
        else if !ISOCodes.countries.contains(country) {
            let shown = written.unicodeScalars.count == 2 ? written.uppercased() : written
            fail("country", "unknown country \(CompanyText.quoted(shown)): give an ISO 3166-1 code such as CN, US, CA, or an English name")
        }

        var size: CompanySize?
        let sizeText = text("size", self.size)
        if !sizeText.isEmpty {
            do { size = try CompanySize(reading: sizeText) } catch { issues.append(error) }
        }

        let languages = ISOCodes.languageList(self.languages, issues: &issues)

        let naicsText = text("naics", naics)
        let naics = naicsText.isEmpty ? "" : Taxonomy.naicsCode(reading: naicsText) ?? naicsText
        if !naics.isEmpty, !Taxonomy.isNAICSCode(naics) { fail("naics", "\(CompanyText.quoted(naicsText)) is not a NAICS code of 2 to 6 digits") }
        let industry = text("industry", industry)
        let region = text("region", region), city = text("city", city)
        let description = text("description", description, prose: true)
        let contact = text("contact", contact)
        let email = text("email", email), phone = text("phone", phone), website = text("website", website)
        if let problem = ContactRules.emailProblem(email) { fail("email", problem) }
        if let problem = ContactRules.phoneProblem(phone) { fail("phone", problem) }
        if let problem = ContactRules.websiteProblem(website) { fail("website", problem) }
        var extras: [ExtraField] = []
        for extra in self.extras {
            let name = text(extra.name, extra.name), value = text(extra.name, extra.value, lineBreaks: .kept)
            if !name.isEmpty, !value.isEmpty { extras.append(ExtraField(name: name, value: value)) }
        }

        var offers = SectorProfile.resolving(self.offers, field: "offers", taxonomy: taxonomy, issues: &issues, inferences: &inferences)
        let seeks = SectorProfile.resolving(self.seeks, field: "seeks", taxonomy: taxonomy, issues: &issues, inferences: &inferences)
        if self.offers.isEmpty, !industry.isEmpty {
            if let index = taxonomy.resolve(industry) {
                offers = SectorProfile([taxonomy.sectors[index].id: 1])
            } else if case let found = taxonomy.inferList(industry), !found.isEmpty {
                let sectors = found.map { taxonomy.sectors[$0.index].id }
                offers = SectorProfile(Dictionary(uniqueKeysWithValues: sectors.map { ($0, 1) }))
                for (sector, inferred) in zip(sectors, found) {
                    inferences.append(SectorInference(field: "industry", text: industry, sector: sector, alias: inferred.alias))
                }
            } else {
                fail("industry", "unknown industry \(CompanyText.quoted(industry)): no sector's id, name or alias is in it; see `liaison sectors`")
            }
        } else if self.offers.isEmpty, !naics.isEmpty, Taxonomy.isNAICSCode(naics) {
            if let index = taxonomy.sector(forNAICS: naics) {
                offers = SectorProfile([taxonomy.sectors[index].id: 1])
            } else {
                fail("naics", "no sector covers NAICS code \(naics)")
            }
        }
        if issues.isEmpty, offers.isEmpty, seeks.isEmpty, profileRequired {
            fail("offers", "no profile: give offers, seeks, industry or naics")
        }
        guard issues.isEmpty else { throw FieldIssues(issues: issues) }

        let company = Company(
            id: id, name: name, country: country, region: region, city: city,
            size: size, languages: languages, naics: naics.isEmpty ? nil : naics,
            industry: industry.isEmpty ? nil : industry, description: description,
            offers: offers, seeks: seeks, contact: contact, email: email, phone: phone, website: website, extras: extras)
        return Validated(company: company, inferences: inferences)
    }

    /// Why `id` (trimmed, in NFC) is not acceptable as a company id, or nil when it is: any text
    /// of at most ``maximumIDBytes`` UTF-8 bytes without control or invisible characters; inner
    /// spaces, as in the ticker `UMH PR-A`, are allowed.
    public static func problem(withID id: String) -> String? {
        if let tooLong = CompanyText.idLengthProblem(id) { return tooLong }
        if id == "." || id == ".." { return "\(CompanyText.quoted(id)) may not be an id: links to the company would name a folder instead" }
        if id.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        if let bad = id.unicodeScalars.first(where: { CompanyText.isControl($0) || CompanyText.isInvisibleInID($0) }) {
            let kind = CompanyText.isControl(bad) ? "control" : "invisible"
            return "\(CompanyText.quoted(id)) holds the \(kind) character \(CompanyText.name(of: bad)); ids are visible text"
        }
        return nil
    }
}

/// What a field does with a line break typed in its cell.
private enum LineBreaks {
    /// One space (a one-line field: a name typed on two lines is one line).
    case folded
    /// Kept as written (the organizer's own columns).
    case kept
    /// Refused as a control character (the id).
    case refused
}

/// A sector found in free text during validation: the field and its text, the sector, and the
/// name or alias that was found in the text.
public struct SectorInference: Hashable, Sendable, CustomStringConvertible {
    /// `industry`, `offers` or `seeks`.
    public var field: String
    /// The value as written (trimmed).
    public var text: String
    /// The sector id.
    public var sector: String
    /// The sector's name or alias that was found in `text`.
    public var alias: String

    public init(field: String, text: String, sector: String, alias: String) {
        self.field = field
        self.text = text
        self.sector = sector
        self.alias = alias
    }

    /// `'Solar panels' → clean-energy (alias 'solar')`.
    public var description: String {
        "\(CompanyText.quoted(text)) → \(sector) (alias \(CompanyText.quoted(alias)))"
    }
}
