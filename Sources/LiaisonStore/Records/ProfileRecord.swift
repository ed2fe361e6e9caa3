import GRDB
import LiaisonCore

/// A row of the `profile` table: one sector of one company's offers or seeks, with its weight.
struct ProfileRecord: SnakeCaseRecord {
    static let databaseTableName = "profile"

    /// The owning company's `key`.
    var company: Int64
    var kind: ProfileKind
    /// A sector id.
    var sector: String
    var weight: Double

    enum Columns {
        static let company = Column(CodingKeys.company)
        static let sector = Column(CodingKeys.sector)
    }

    /// The rows of both profiles of `company`, stored under the company row `key`.
    static func rows(of company: Company, key: Int64) -> [ProfileRecord] {
        company.offers.entries.map { ProfileRecord(company: key, kind: .offers, sector: $0.sector, weight: $0.weight) }
            + company.seeks.entries.map { ProfileRecord(company: key, kind: .seeks, sector: $0.sector, weight: $0.weight) }
    }

    /// Offers and seeks of profile rows, as weights by sector.
    static func profiles(_ rows: some Sequence<ProfileRecord>) -> (offers: SectorProfile, seeks: SectorProfile) {
        var offers: [String: Double] = [:], seeks: [String: Double] = [:]
        for row in rows {
            switch row.kind {
            case .offers: offers[row.sector] = row.weight
            case .seeks: seeks[row.sector] = row.weight
            }
        }
        return (SectorProfile(offers), SectorProfile(seeks))
    }
}
