import LiaisonCore

/// A company as JSON: the import fields, plus revision and last change when shown from the database.
///
/// Keys are camelCase (`updatedAt`), as in every JSON Liaison writes. The contact fields and the
/// organizer's own columns (`extra`) are left out when empty. Without `revision` and `updatedAt`
/// it is exactly one line of an importable JSON Lines file, and with them it imports too.
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
    public var contact: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    /// The organizer's own columns, in the sheet's order.
    public var extra: [ExtraField]?
    public var revision: Int?
    public var updatedAt: String?

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
        contact = company.contact.isEmpty ? nil : company.contact
        email = company.email.isEmpty ? nil : company.email
        phone = company.phone.isEmpty ? nil : company.phone
        website = company.website.isEmpty ? nil : company.website
        extra = company.extras.isEmpty ? nil : company.extras
        self.revision = revision
        self.updatedAt = updatedAt
    }

    public init(_ stored: StoredCompany) {
        self.init(stored.company, revision: stored.revision, updatedAt: stored.updatedAt)
    }
}
