import Foundation
import GRDB
import LiaisonCore

/// The feature table of every company that takes part in matching, kept in the database and
/// rebuilt when companies have changed since it was built (see ``CatalogState``).
enum FeatureSnapshot {
    /// The stored table, when it is current with the companies and the taxonomy.
    static func current(_ db: Database, taxonomy: Taxonomy) throws -> FeatureTable? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT catalog_version, taxonomy_version, data FROM feature_snapshot WHERE id = 1
            """),
            row["catalog_version"] as Int64 == (try CatalogState.version(db)),
            row["taxonomy_version"] as String == taxonomy.version,
            let table = FeatureTableCodec.decode(row["data"]), table.layout.sectorCount == taxonomy.count
        else { return nil }
        return table
    }

    /// Builds the table from the company and profile rows.
    static func build(_ db: Database, taxonomy: Taxonomy) throws -> FeatureTable {
        let countries = ([MatchSides.delegation] + MatchSides.hosts).map { "'\($0)'" }.joined(separator: ",")
        var companies: [Int64: (company: Company, revision: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT key, id, country, size, languages, revision FROM company WHERE country IN (\(countries))
            """)
        while let row = try rows.next() {
            let languages: String = row[4]
            let company = Company(id: row[1], name: "", country: row[2], size: (row[3] as String?).flatMap(CompanySize.init),
                                  languages: languages.isEmpty ? [] : languages.components(separatedBy: CompanyRecord.languageSeparator))
            companies[row[0]] = (company, row[5])
        }
        var offers: [Int64: [String: Double]] = [:], seeks: [Int64: [String: Double]] = [:]
        let profiles = try Row.fetchCursor(db, sql: "SELECT company, kind, sector, weight FROM profile")
        while let row = try profiles.next() {
            let key: Int64 = row[0]
            guard companies[key] != nil else { continue }
            if row[1] as String == ProfileKind.offers.rawValue {
                offers[key, default: [:]][row[2]] = row[3]
            } else {
                seeks[key, default: [:]][row[2]] = row[3]
            }
        }
        let complete = companies.map { key, entry in
            var company = entry.company
            company.offers = SectorProfile(offers[key] ?? [:])
            company.seeks = SectorProfile(seeks[key] ?? [:])
            return (company: company, revision: entry.revision)
        }
        return FeatureTable(companies: complete, taxonomy: taxonomy)
    }

    /// Stores `table` as the snapshot of catalog version `version`.
    static func store(_ table: FeatureTable, version: Int64, taxonomy: Taxonomy, in db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO feature_snapshot (id, catalog_version, taxonomy_version, built_at, companies, data)
            VALUES (1, ?, ?, ?, ?, ?)
            """, arguments: [version, taxonomy.version, Timestamp.now(), table.count, FeatureTableCodec.encode(table)])
    }
}

extension LiaisonDatabase {
    /// The features of every company that takes part in matching: the stored snapshot when it is
    /// current, else rebuilt from the profiles (and stored for the next query, when the database
    /// can be written right away).
    public func featureTable() throws -> FeatureTable {
        let (stored, version) = try writer.read { db in
            (try FeatureSnapshot.current(db, taxonomy: taxonomy), try CatalogState.version(db))
        }
        if let stored { return stored }
        let built = try writer.read { db in try FeatureSnapshot.build(db, taxonomy: taxonomy) }
        try? writer.write { db in
            guard try CatalogState.version(db) == version else { return }
            try FeatureSnapshot.store(built, version: version, taxonomy: taxonomy, in: db)
        }
        return built
    }
}
