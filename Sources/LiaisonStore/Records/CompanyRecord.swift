import Foundation
import GRDB
import LiaisonCore

/// A row of the `company` table: a company's attributes, revision and last change.
struct CompanyRecord: SnakeCaseRecord {
    static let databaseTableName = "company"

    /// The row id, which profile rows refer to; nil before the row is inserted.
    var key: Int64?
    var id: String
    var name: String
    var country: String
    var region: String
    var city: String
    var size: CompanySize?
    /// ISO 639-1 codes joined by `;`.
    var languages: String
    var naics: String?
    var industry: String?
    var description: String
    var revision: Int
    var updatedAt: String
    var contact: String
    var email: String
    var phone: String
    var website: String
    /// The organizer's own columns as JSON, `[{"name":…,"value":…}]`; nil when there are none.
    var extra: String?

    enum Columns {
        static let key = Column(CodingKeys.key)
        static let id = Column(CodingKeys.id)
        static let country = Column(CodingKeys.country)
    }

    static let languageSeparator = ";"

    /// The stored text of extra columns: JSON, nil when there are none.
    static func extraText(_ extras: [ExtraField]) -> String? {
        guard !extras.isEmpty, let data = try? JSONEncoder().encode(extras) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The extra columns of a stored text; a text Liaison cannot read fails loudly.
    static func extras(_ text: String?) throws -> [ExtraField] {
        guard let text else { return [] }
        do {
            return try JSONDecoder().decode([ExtraField].self, from: Data(text.utf8))
        } catch {
            throw StoreError.badStoredValue(table: databaseTableName, column: "extra", value: text)
        }
    }

    /// The language codes of a stored `languages` text.
    static func languages(_ text: String) -> [String] {
        text.isEmpty ? [] : text.components(separatedBy: languageSeparator)
    }
}

extension CompanyRecord {
    /// The record of `company` at `revision`, keeping the row's key.
    init(_ company: Company, key: Int64?, revision: Int, updatedAt: String) {
        self.init(
            key: key, id: company.id, name: company.name, country: company.country, region: company.region,
            city: company.city, size: company.size,
            languages: company.languages.joined(separator: Self.languageSeparator), naics: company.naics,
            industry: company.industry, description: company.description, revision: revision, updatedAt: updatedAt,
            contact: company.contact, email: company.email, phone: company.phone, website: company.website,
            extra: Self.extraText(company.extras))
    }

    /// The domain value, given the company's profile rows.
    func company(profiles: [ProfileRecord]) throws -> Company {
        let (offers, seeks) = ProfileRecord.profiles(profiles)
        return Company(
            id: id, name: name, country: country, region: region, city: city, size: size,
            languages: Self.languages(languages), naics: naics, industry: industry, description: description,
            offers: offers, seeks: seeks, contact: contact, email: email, phone: phone, website: website,
            extras: try Self.extras(extra))
    }

    /// The stored company, given its profile rows.
    func stored(profiles: [ProfileRecord]) throws -> StoredCompany {
        StoredCompany(company: try company(profiles: profiles), revision: revision, updatedAt: updatedAt)
    }
}
