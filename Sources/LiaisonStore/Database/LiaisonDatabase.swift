import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats

/// The SQLite file that holds everything Liaison knows: taxonomy, companies, events, rankings.
///
/// Opening migrates the schema to the current version and brings the stored taxonomy up to the
/// one built into the binary. Files are opened in WAL mode with foreign keys on, so readers
/// (`liaison match`) proceed while a writer (`liaison rerank`) works. A file made by a newer
/// Liaison (a migration this one does not know) is refused. A file this process may not write —
/// a read-only file, or one in a read-only folder — is opened read-only: reading commands work,
/// writing ones fail with ``StoreError/readOnly(_:)``.
public final class LiaisonDatabase: Sendable {
    /// Whether opening may create a missing file.
    public enum OpenMode: Sendable {
        case createIfMissing
        case mustExist
    }

    /// What ``open(path:mode:taxonomy:)`` did to the file.
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
    /// Whether the file was opened read-only because this process may not write it.
    public let isReadOnly: Bool

    private init(writer: any DatabaseWriter, path: String?, created: Bool, taxonomy: Taxonomy, readOnly: Bool = false) throws {
        self.writer = writer
        self.path = path
        self.taxonomy = taxonomy
        isReadOnly = readOnly
        let migrator = Migrations.migrator
        let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
        if let unknown = applied.subtracting(migrator.migrations).sorted().first {
            throw StoreError.newerSchema(path ?? ":memory:", unknown)
        }
        let pending = migrator.migrations.filter { !applied.contains($0) }
        if readOnly, !pending.isEmpty { throw StoreError.readOnly(path ?? ":memory:") }
        // Only a file that needs it is migrated: migrating takes the write lock, which a running
        // rerank holds, and readers must never wait for it.
        if !pending.isEmpty { try migrator.migrate(writer) }
        let taxonomyUpdated = readOnly ? false : try TaxonomySync.bringUpToDate(writer, with: taxonomy)
        openReport = OpenReport(created: created, appliedMigrations: pending, taxonomyUpdated: taxonomyUpdated)
    }

    /// Opens (and migrates) the database file at `path`.
    ///
    /// A file already in WAL mode is opened without writing anything, so a query such as
    /// `liaison match` costs no write and no sync (a `DatabasePool` would write to an empty
    /// WAL on every open); a new file, or one in another journal mode, is switched to WAL.
    ///
    /// With `concurrentReads` (a server), a writable file is opened as a pool: reads run side by
    /// side on read-only connections, which also keep their prepared statements (a single
    /// connection switches `query_only` around each read, and SQLite then prepares every
    /// statement again).
    public static func open(path: String, mode: OpenMode, taxonomy: Taxonomy = TaxonomyFile.builtIn,
                            concurrentReads: Bool = false) throws -> LiaisonDatabase {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if !exists, mode == .mustExist { throw StoreError.missingDatabase(path) }
        if isFolder.boolValue { throw StoreError.cannotOpen(path, "it is a folder, not a database file") }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let folderWritable = access(folder, W_OK) == 0
        if !exists {
            var folderIsFolder: ObjCBool = false
            let folderExists = FileManager.default.fileExists(atPath: folder, isDirectory: &folderIsFolder)
            let problem = !folderExists ? "does not exist" : !folderIsFolder.boolValue ? "is a file, not a folder" : !folderWritable ? "is not writable" : nil
            if let problem { throw StoreError.cannotOpen(path, "cannot create it: the folder \(folder) \(problem)") }
        }
        let readOnly = exists && (!folderWritable || access(path, W_OK) != 0)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.readonly = readOnly
        configuration.journalMode = exists ? .default : .wal
        if !readOnly { configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") } }
        let queue: any DatabaseWriter
        do {
            if concurrentReads, !readOnly {
                configuration.maximumReaderCount = 8
                queue = try DatabasePool(path: path, configuration: configuration)
            } else {
                // In a folder it may not write, SQLite cannot make the WAL's shared-memory file: it
                // reads the file as immutable instead (nobody can write it there either).
                queue = try DatabaseQueue(path: readOnly && !folderWritable ? immutableURI(path) : path, configuration: configuration)
            }
            if exists { try refuseForeign(queue, path: path) }
            if !readOnly, queue is DatabaseQueue {
                try queue.writeWithoutTransaction { db in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                    }
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.corrupt(path, error.message ?? "not a database")
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path, error.message ?? "\(error.resultCode)")
        }
        do {
            return try LiaisonDatabase(writer: queue, path: path, created: !exists, taxonomy: taxonomy, readOnly: readOnly)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.corrupt(path, error.message ?? "not a database")
        }
    }

    /// Refuses a SQLite file of another program — tables, none of them Liaison's migrations' —
    /// before anything is written to it: opening it would otherwise add Liaison's tables to it.
    private static func refuseForeign(_ queue: any DatabaseWriter, path: String) throws {
        let (tables, migrated) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'") ?? 0,
             try db.tableExists("grdb_migrations"))
        }
        if tables > 0 && !migrated { throw StoreError.corrupt(path, "it holds tables of another program, none of Liaison's") }
    }

    /// `file:` URI of `path` opened immutable.
    private static func immutableURI(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
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

    /// What SQLite's `PRAGMA quick_check` finds wrong with the file; empty when it is sound.
    public func integrityProblems() throws -> [String] {
        let found = try writer.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        return found == ["ok"] ? [] : found
    }
}
