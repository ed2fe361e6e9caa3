import GRDB
import LiaisonCore

/// A row of the `profile` table: one sector of one company's offers or seeks, with its weight.
struct ProfileRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "profile"

    /// The owning company's `key`.
    var company: Int64
    /// `offers` or `seeks`.
    var kind: String
    /// A sector id.
    var sector: String
    var weight: Double

    enum Columns {
        static let company = Column(CodingKeys.company)
        static let kind = Column(CodingKeys.kind)
        static let sector = Column(CodingKeys.sector)
    }

    /// The rows of both profiles of `company`, stored under the company row `key`.
    static func rows(of company: Company, key: Int64) -> [ProfileRecord] {
        company.offers.entries.map { ProfileRecord(company: key, kind: ProfileKind.offers.rawValue, sector: $0.sector, weight: $0.weight) }
            + company.seeks.entries.map { ProfileRecord(company: key, kind: ProfileKind.seeks.rawValue, sector: $0.sector, weight: $0.weight) }
    }
}
