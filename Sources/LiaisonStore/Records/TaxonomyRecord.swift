import GRDB

/// The single row of the `taxonomy` table: which taxonomy version the sectors came from.
struct TaxonomyRecord: SnakeCaseRecord {
    static let databaseTableName = "taxonomy"

    var id = 1
    var version: String
    var loadedAt: String

    enum Columns {
        static let version = Column(CodingKeys.version)
    }
}
