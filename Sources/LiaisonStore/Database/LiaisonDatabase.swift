import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats

/// The SQLite file that holds everything Liaison knows: taxonomy, companies, events, rankings.
///
/// Opening migrates the schema to the current version and brings the stored taxonomy up to the
/// one built into the binary. Files are opened in WAL mode with foreign keys on, so readers
/// (`liaison match`) proceed while a writer (`liaison rerank`) works.
public final class LiaisonDatabase: Sendable {
    /// Whether opening may create a missing file.
    public enum OpenMode: Sendable {
        case createIfMissing
        case mustExist
    }

    /// What ``open(path:mode:)`` did to the file.
    public struct OpenReport: Sendable {
        public var created: Bool
        public var appliedMigrations: [String]
        public var taxonomyUpdated: Bool
    }

    /// The GRDB connection: one serial queue per process; other processes read alongside it
    /// (WAL mode).
    public let writer: any DatabaseWriter
    /// The taxonomy stored in the file, which is the built-in one.
    public let taxonomy: Taxonomy
    /// The file's path, nil in memory.
    public let path: String?
    /// What opening did.
    public let openReport: OpenReport

    private init(writer: any DatabaseWriter, path: String?, created: Bool, taxonomy: Taxonomy) throws {
        self.writer = writer
        self.path = path
        self.taxonomy = taxonomy
        let applied = try writer.read { db in try Migrations.migrator.appliedIdentifiers(db) }
        let pending = Migrations.migrator.migrations.filter { !applied.contains($0) }
        // Only a file that needs it is migrated: migrating takes the write lock, which a running
        // rerank holds, and readers must never wait for it.
        if !pending.isEmpty { try Migrations.migrator.migrate(writer) }
        let taxonomyUpdated = try TaxonomySync.bringUpToDate(writer, with: taxonomy)
        openReport = OpenReport(created: created, appliedMigrations: pending, taxonomyUpdated: taxonomyUpdated)
    }

    /// Opens (and migrates) the database file at `path`.
    ///
    /// A file already in WAL mode is opened without writing anything, so a query such as
    /// `liaison match` costs no write and no sync (a `DatabasePool` would write to an empty
    /// WAL on every open); a new file, or one in another journal mode, is switched to WAL.
    public static func open(path: String, mode: OpenMode, taxonomy: Taxonomy = TaxonomyFile.builtIn) throws -> LiaisonDatabase {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists, mode == .mustExist { throw StoreError.missingDatabase(path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.journalMode = exists ? .default : .wal
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
            }
        } catch {
            throw StoreError.cannotOpen(path, "\(error)")
        }
        return try LiaisonDatabase(writer: queue, path: path, created: !exists, taxonomy: taxonomy)
    }

    /// A fresh, private in-memory database, for tests and dry runs.
    public static func inMemory(taxonomy: Taxonomy = TaxonomyFile.builtIn) throws -> LiaisonDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try LiaisonDatabase(writer: DatabaseQueue(configuration: configuration), path: nil, created: true, taxonomy: taxonomy)
    }

    /// SQLite's version string, e.g. `3.40.1`.
    public func sqliteVersion() throws -> String {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?" }
    }
}
