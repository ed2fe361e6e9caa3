/// A company record as read from an input file, before validation: every field as the user wrote it.
///
/// ``validated(with:)`` turns it into a ``Company`` or throws every problem, one ``FieldIssue`` each.
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

    public init() {}

    /// The longest id accepted.
    public static let maximumIDLength = 64

    /// Checks every field and derives the offers profile.
    ///
    /// Offers come from the explicit `offers` entries, else from `industry`, else from `naics`
    /// (by its longest prefix in the taxonomy). Every problem is reported, not only the first.
    public func validated(with taxonomy: Taxonomy) throws(FieldIssues) -> Company {
        var issues: [FieldIssue] = []
        func fail(_ field: String, _ message: String) { issues.append(FieldIssue(field: field, message: message)) }

        let id = id.trimmingWhitespace()
        if id.isEmpty { fail("id", "missing") }
        else if let problem = Self.problem(withID: id) { fail("id", problem) }
        let name = name.trimmingWhitespace()
        if name.isEmpty { fail("name", "missing") }

        let country = country.trimmingWhitespace().uppercased()
        if country.isEmpty { fail("country", "missing") }
        else if !ISOCodes.countries.contains(country) { fail("country", "unknown ISO 3166-1 country code '\(country)'") }

        var size: CompanySize?
        let sizeText = self.size.trimmingWhitespace().lowercased()
        if !sizeText.isEmpty {
            size = CompanySize(rawValue: sizeText)
            if size == nil {
                fail("size", "unknown size '\(sizeText)'; use one of \(CompanySize.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        let languages = ISOCodes.languageList(self.languages, issues: &issues)

        let naics = naics.trimmingWhitespace()
        if !naics.isEmpty, !Taxonomy.isNAICSCode(naics) { fail("naics", "'\(naics)' is not a NAICS code of 2 to 6 digits") }
        let industry = industry.trimmingWhitespace()

        var offers = SectorProfile.resolving(self.offers, field: "offers", taxonomy: taxonomy, issues: &issues)
        let seeks = SectorProfile.resolving(self.seeks, field: "seeks", taxonomy: taxonomy, issues: &issues)
        if self.offers.isEmpty, !industry.isEmpty {
            if let index = taxonomy.resolve(industry) {
                offers = SectorProfile([taxonomy.sectors[index].id: 1])
            } else {
                fail("industry", "unknown industry '\(industry)'; use a sector id, name or alias (see `liaison sectors`)")
            }
        } else if self.offers.isEmpty, !naics.isEmpty, Taxonomy.isNAICSCode(naics) {
            if let index = taxonomy.sector(forNAICS: naics) {
                offers = SectorProfile([taxonomy.sectors[index].id: 1])
            } else {
                fail("naics", "no sector covers NAICS code \(naics)")
            }
        }
        if issues.isEmpty, offers.isEmpty, seeks.isEmpty {
            fail("offers", "no profile: give offers, seeks, industry or naics")
        }
        guard issues.isEmpty else { throw FieldIssues(issues: issues) }

        return Company(
            id: id, name: name, country: country, region: region.trimmingWhitespace(), city: city.trimmingWhitespace(),
            size: size, languages: languages, naics: naics.isEmpty ? nil : naics,
            industry: industry.isEmpty ? nil : industry, description: description.trimmingWhitespace(),
            offers: offers, seeks: seeks)
    }

    /// Why `id` is not acceptable as a company id, or nil when it is.
    public static func problem(withID id: String) -> String? {
        if id.count > maximumIDLength { return "longer than \(maximumIDLength) characters" }
        if let bad = id.unicodeScalars.first(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0 == ";" || $0 == "," }) {
            return "'\(id)' contains \(bad == " " ? "a space" : "'\(bad.escaped(asASCII: true))'"); ids are single words"
        }
        return nil
    }
}
