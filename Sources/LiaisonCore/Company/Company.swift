/// A company's profile: who it is, where, and what it offers and seeks.
///
/// Values are validated (see ``CompanyDraft/validated(with:)``): the country and languages are
/// known ISO codes, every profile sector exists in the taxonomy, and at least one profile is non-empty.
public struct Company: Hashable, Sendable {
    /// Stable external id, e.g. `CN-0042`.
    public var id: String
    public var name: String
    /// ISO 3166-1 alpha-2 code, upper case.
    public var country: String
    /// Province or state.
    public var region: String
    public var city: String
    /// Employee band, when known.
    public var size: CompanySize?
    /// ISO 639-1 codes, lower case, in the company's order of preference.
    public var languages: [String]
    /// NAICS code (2 to 6 digits), when known.
    public var naics: String?
    /// Industry name as given at import, e.g. a GICS industry.
    public var industry: String?
    public var description: String
    /// The person to contact, as given.
    public var contact: String
    /// The contact e-mail address.
    public var email: String
    /// The contact telephone number, as given.
    public var phone: String
    /// The company's website.
    public var website: String
    /// The other columns of the sheet the company came from, in the sheet's order.
    public var extras: [ExtraField]
    /// What the company does or sells.
    public var offers: SectorProfile
    /// What the company is looking for: buyers, suppliers, partners, investors.
    public var seeks: SectorProfile

    public init(
        id: String, name: String, country: String, region: String = "", city: String = "",
        size: CompanySize? = nil, languages: [String] = [], naics: String? = nil, industry: String? = nil,
        description: String = "", offers: SectorProfile = SectorProfile(), seeks: SectorProfile = SectorProfile(),
        contact: String = "", email: String = "", phone: String = "", website: String = "", extras: [ExtraField] = []
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.region = region
        self.city = city
        self.size = size
        self.languages = languages
        self.naics = naics
        self.industry = industry
        self.description = description
        self.offers = offers
        self.seeks = seeks
        self.contact = contact
        self.email = email
        self.phone = phone
        self.website = website
        self.extras = extras
    }
}

/// A company's employee band.
public enum CompanySize: String, CaseIterable, Hashable, Sendable, Codable {
    case micro, small, medium, large, enterprise

    /// Position from smallest (0) to largest.
    public var rank: Int {
        switch self {
        case .micro: 0
        case .small: 1
        case .medium: 2
        case .large: 3
        case .enterprise: 4
        }
    }
}

/// What a profile is about: what a company offers, or what it seeks.
public enum ProfileKind: String, CaseIterable, Hashable, Sendable, Codable {
    case offers, seeks
}
