import GRDB

/// A counter that grows with every change to companies or profiles, so derived data (the
/// feature snapshot, rankings) can tell whether it is still current with one read.
enum CatalogState {
    /// The current version.
    static func version(_ db: Database) throws -> Int64 {
        try CatalogStateRecord.fetchOne(db, key: 1)?.version ?? 0
    }

    /// Records that companies of `countries` changed; call once in each transaction that changed any.
    static func bump(_ db: Database, countries: Set<String>) throws {
        var state = try CatalogStateRecord.fetchOne(db, key: 1) ?? CatalogStateRecord(version: 0)
        state.version += 1
        try state.save(db)
        for country in countries.sorted() {
            var catalog = try CountryCatalogRecord.fetchOne(db, key: country) ?? CountryCatalogRecord(country: country, version: 0)
            catalog.version += 1
            try catalog.save(db)
        }
    }

    /// The version of each country's companies: it grows whenever one of them changes.
    static func countryVersions(_ db: Database) throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try CountryCatalogRecord.fetchAll(db).map { ($0.country, $0.version) })
    }
}
