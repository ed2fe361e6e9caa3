import GRDB

/// A counter that grows with every change to companies or profiles, so derived data (the
/// feature snapshot, rankings) can tell whether it is still current with one read.
enum CatalogState {
    /// The current version.
    static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT version FROM catalog_state WHERE id = 1") ?? 0
    }

    /// Records that companies of `countries` changed; call once in each transaction that changed any.
    static func bump(_ db: Database, countries: Set<String>) throws {
        try db.execute(sql: "UPDATE catalog_state SET version = version + 1 WHERE id = 1")
        for country in countries.sorted() {
            try db.execute(sql: """
                INSERT INTO country_catalog (country, version) VALUES (?, 1)
                ON CONFLICT (country) DO UPDATE SET version = version + 1
                """, arguments: [country])
        }
    }

    /// The version of each country's companies: it grows whenever one of them changes.
    static func countryVersions(_ db: Database) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT country, version FROM country_catalog")
            .map { ($0["country"] as String, $0["version"] as Int64) })
    }
}
