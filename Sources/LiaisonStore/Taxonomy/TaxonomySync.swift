import Foundation
import GRDB
import LiaisonCore

/// Keeps the `sector` table equal to a taxonomy, recording its version.
enum TaxonomySync {
    /// Replaces the stored sectors with `taxonomy`'s when its version differs; true when it did.
    ///
    /// A sector still used by some profile may not disappear: that update is refused whole.
    static func bringUpToDate(_ writer: any DatabaseWriter, with taxonomy: Taxonomy) throws -> Bool {
        let stored = try writer.read { db in try TaxonomyRecord.fetchOne(db)?.version }
        guard stored != taxonomy.version else { return false }
        try writer.write { db in
            let kept = Set(taxonomy.sectors.map(\.id))
            let orphaned = try ProfileRecord.select(ProfileRecord.Columns.sector, as: String.self).distinct()
                .order(ProfileRecord.Columns.sector).fetchAll(db).filter { !kept.contains($0) }
            guard orphaned.isEmpty else {
                throw StoreError.taxonomyConflict("sectors \(orphaned.joined(separator: ", ")) are used by profiles but not in taxonomy \(taxonomy.version)")
            }
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            try SectorRecord.deleteAll(db)
            for (position, sector) in taxonomy.sectors.enumerated() {
                try SectorRecord(sector, position: position).insert(db)
            }
            try TaxonomyRecord(version: taxonomy.version, loadedAt: Timestamp.now()).save(db)
        }
        return true
    }
}
