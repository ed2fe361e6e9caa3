import GRDB
import LiaisonCore

/// A row of the `company` table: a company's attributes, revision and last change.
struct CompanyRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "company"

    var key: Int64?
    var id: String
    var name: String
    var country: String
    var region: String
    var city: String
    var size: String?
    /// ISO 639-1 codes joined by `;`.
    var languages: String
    var naics: String?
    var industry: String?
    var description: String
    var revision: Int
    var updatedAt: String

    enum CodingKeys: String, CodingKey {
        case key, id, name, country, region, city, size, languages, naics, industry, description, revision
        case updatedAt = "updated_at"
    }

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let id = Column(CodingKeys.id)
        static let country = Column(CodingKeys.country)
        static let revision = Column(CodingKeys.revision)
    }

    static let languageSeparator = ";"

    mutating func didInsert(_ inserted: InsertionSuccess) {
        key = inserted.rowID
    }
}

extension CompanyRecord {
    /// The record of `company` at `revision`, keeping the row's key.
    init(_ company: Company, key: Int64?, revision: Int, updatedAt: String) {
        self.init(
            key: key, id: company.id, name: company.name, country: company.country, region: company.region,
            city: company.city, size: company.size?.rawValue,
            languages: company.languages.joined(separator: Self.languageSeparator), naics: company.naics,
            industry: company.industry, description: company.description, revision: revision, updatedAt: updatedAt)
    }

    /// The domain value, given the company's profile rows.
    func company(profiles: [ProfileRecord]) -> Company {
        var offers: [String: Double] = [:], seeks: [String: Double] = [:]
        for row in profiles {
            if row.kind == ProfileKind.offers.rawValue { offers[row.sector] = row.weight } else { seeks[row.sector] = row.weight }
        }
        return Company(
            id: id, name: name, country: country, region: region, city: city, size: size.flatMap(CompanySize.init),
            languages: languages.isEmpty ? [] : languages.components(separatedBy: Self.languageSeparator),
            naics: naics, industry: industry, description: description,
            offers: SectorProfile(offers), seeks: SectorProfile(seeks))
    }
}
