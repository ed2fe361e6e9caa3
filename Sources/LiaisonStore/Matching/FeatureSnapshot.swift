import Foundation
import GRDB
import LiaisonCore

/// The feature table of every company that takes part in matching, kept in the database and
/// rebuilt when companies have changed since it was built (see ``CatalogState``).
enum FeatureSnapshot {
    /// The stored table, and whether it is current with the companies; nil when there is none
    /// for this taxonomy.
    static func stored(_ db: Database, taxonomy: Taxonomy) throws -> (table: FeatureTable, isCurrent: Bool)? {
        // Read from SQLite's own copy of the value, not from a copy of it: the snapshot is most of
        // what a live match reads.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT taxonomy_version, catalog_version, data FROM \(FeatureSnapshotRecord.databaseTableName) WHERE id = 1
            """)
        guard let row = try rows.next(), row[0] as String == taxonomy.version,
              let table = try row.withUnsafeData(atIndex: 2, { $0.flatMap(FeatureTableCodec.decode) }), table.layout.sectorCount == taxonomy.count
        else { return nil }
        let catalogVersion: Int64 = row[1]
        return (table, catalogVersion == (try CatalogState.version(db)))
    }

    /// Brings an outdated table up to date, reading only the companies whose revision changed
    /// (or that are new); nil when it must be built from scratch (a new language changes the
    /// layout, or most companies changed).
    static func refresh(_ old: FeatureTable, _ db: Database, taxonomy: Taxonomy) throws -> FeatureTable? {
        let countries = ([MatchSides.delegation] + MatchSides.hosts).map { "'\($0)'" }.joined(separator: ",")
        var oldRow: [String: Int] = [:]
        oldRow.reserveCapacity(old.count)
        for row in 0..<old.count { oldRow[old.ids[row]] = row }
        var current: [(id: String, country: String, revision: Int64)] = []
        var changed: [String] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, country, revision FROM company WHERE country IN (\(countries))")
        while let row = try rows.next() {
            let entry = (id: row[0] as String, country: row[1] as String, revision: row[2] as Int64)
            current.append(entry)
            if let previous = oldRow[entry.id], old.revisions[previous] == entry.revision, old.countries[previous] == entry.country { continue }
            changed.append(entry.id)
        }
        guard changed.count * 4 < max(current.count, 1) else { return nil }
        var fresh: [String: Company] = [:]
        for id in changed {
            if let stored = try CompanyStore.fetch(id: id, in: db) { fresh[id] = stored.company }
        }
        guard fresh.values.allSatisfy({ $0.languages.allSatisfy(old.languages.contains) }) else { return nil }
        current.sort { MatchSides.order(($0.country, $0.id), ($1.country, $1.id)) }
        var table = FeatureTable(sectorCount: old.layout.sectorCount, languages: old.languages)
        table.reserveCapacity(current.count)
        for entry in current {
            if let company = fresh[entry.id] {
                table.append(id: entry.id, country: entry.country, revision: entry.revision,
                             features: CompanyFeatures(company, taxonomy: taxonomy, languages: old.languages))
            } else {
                table.appendRow(of: old, oldRow[entry.id]!)
            }
        }
        return table
    }

    /// Builds the table from the company and profile rows. Like ``refresh(_:_:taxonomy:)``, it reads
    /// rows by position through cursors rather than decoding records: at 200,000 companies and a
    /// million profile rows, records cost several times as much.
    static func build(_ db: Database, taxonomy: Taxonomy) throws -> FeatureTable {
        let countries = ([MatchSides.delegation] + MatchSides.hosts).map { "'\($0)'" }.joined(separator: ",")
        var companies: [Int64: (company: Company, revision: Int)] = [:]
        let rows = try Row.fetchCursor(db, sql: """
            SELECT key, id, country, size, languages, revision FROM company WHERE country IN (\(countries))
            """)
        while let row = try rows.next() {
            let company = Company(id: row[1], name: "", country: row[2], size: try row.decode(CompanySize?.self, atIndex: 3),
                                  languages: CompanyRecord.languages(row[4]))
            companies[row[0]] = (company, row[5])
        }
        var offers: [Int64: [String: Double]] = [:], seeks: [Int64: [String: Double]] = [:]
        let profiles = try Row.fetchCursor(db, sql: "SELECT company, kind, sector, weight FROM profile")
        while let row = try profiles.next() {
            let key: Int64 = row[0]
            guard companies[key] != nil else { continue }
            switch try row.decode(ProfileKind.self, atIndex: 1) {
            case .offers: offers[key, default: [:]][row[2]] = row[3]
            case .seeks: seeks[key, default: [:]][row[2]] = row[3]
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
        try FeatureSnapshotRecord(catalogVersion: version, taxonomyVersion: taxonomy.version, builtAt: Timestamp.now(),
                                  companies: table.count, data: FeatureTableCodec.encode(table)).save(db)
    }
}
