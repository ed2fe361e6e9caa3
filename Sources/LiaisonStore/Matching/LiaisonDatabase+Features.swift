import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// The features of every company that takes part in matching: the stored snapshot when it is
    /// current, else brought up to date from the companies that changed (or rebuilt from every
    /// profile), and stored for the next query when the database can be written right away.
    public func featureTable() throws -> FeatureTable {
        let (table, version, rebuilt) = try writer.read { db -> (FeatureTable, Int64, Bool) in
            let version = try CatalogState.version(db)
            let stored = try FeatureSnapshot.stored(db, taxonomy: taxonomy)
            if let stored, stored.isCurrent { return (stored.table, version, false) }
            if let stored, let refreshed = try FeatureSnapshot.refresh(stored.table, db, taxonomy: taxonomy) {
                return (refreshed, version, true)
            }
            return (try FeatureSnapshot.build(db, taxonomy: taxonomy), version, true)
        }
        guard rebuilt else { return table }
        let built = table
        // Storing the snapshot only saves the next caller work: while another writer (a rerank,
        // for minutes) holds the lock, it is skipped rather than waited for.
        try? writer.writeWithoutTransaction { db in
            let timeout = try Int.fetchOne(db, sql: "PRAGMA busy_timeout") ?? 0
            try db.execute(sql: "PRAGMA busy_timeout = 0")
            defer { try? db.execute(sql: "PRAGMA busy_timeout = \(timeout)") }
            try db.inTransaction(.immediate) {
                guard try CatalogState.version(db) == version else { return .rollback }
                try FeatureSnapshot.store(built, version: version, taxonomy: taxonomy, in: db)
                return .commit
            }
        }
        return built
    }
}
