import GRDB

/// The single row of the `catalog_state` table: a version that grows with every change to
/// companies or profiles (see ``CatalogState``).
struct CatalogStateRecord: SnakeCaseRecord {
    static let databaseTableName = "catalog_state"

    var id = 1
    var version: Int64
}
