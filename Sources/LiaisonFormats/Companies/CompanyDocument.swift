import LiaisonCore

/// A company as JSON: the import fields, plus revision and last change when shown from the database.
///
/// Without `revision` and `updated_at` it is exactly one line of an importable JSON Lines file.
public struct CompanyDocument: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var country: String
    public var region: String
    public var city: String
    public var size: String?
    public var languages: [String]
    public var naics: String?
    public var industry: String?
    public var offers: [String: Double]
    public var seeks: [String: Double]
    public var description: String
    public var revision: Int?
    public var updatedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, name, country, region, city, size, languages, naics, industry, offers, seeks, description, revision
        case updatedAt = "updated_at"
    }

    /// The document of `company`; with `stored` metadata when given.
    public init(_ company: Company, revision: Int? = nil, updatedAt: String? = nil) {
        id = company.id
        name = company.name
        country = company.country
        region = company.region
        city = company.city
        size = company.size?.rawValue
        languages = company.languages
        naics = company.naics
        industry = company.industry
        offers = company.offers.weights
        seeks = company.seeks.weights
        description = company.description
        self.revision = revision
        self.updatedAt = updatedAt
    }

    public init(_ stored: StoredCompany) {
        self.init(stored.company, revision: stored.revision, updatedAt: stored.updatedAt)
    }
}
