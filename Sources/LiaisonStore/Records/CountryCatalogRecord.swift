import GRDB

/// A row of the `country_catalog` table: the version of one country's companies, which grows
/// whenever one of them changes.
struct CountryCatalogRecord: SnakeCaseRecord {
    static let databaseTableName = "country_catalog"

    var country: String
    var version: Int64
}
