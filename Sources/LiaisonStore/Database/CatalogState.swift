import GRDB

/// A counter that grows with every change to companies or profiles, so derived data (the
/// feature snapshot, rankings) can tell whether it is still current with one read.
enum CatalogState {
    /// The current version.
    static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM catalog_state WHERE id = 1") ?? 0
    }

    /// Records that companies changed; call once in each transaction that changed any.
    static func bump(_ db: Database) throws {
        try db.execute(sql: "UPDATE catalog_state SET version = version + 1 WHERE id = 1")
    }
}
