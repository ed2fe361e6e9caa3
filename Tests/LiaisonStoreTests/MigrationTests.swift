import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Opening and migrating database files")
struct MigrationTests {
    private let allMigrations = Migrations.migrator.migrations

    private func sample() -> [Company] {
        ScenarioGenerator(seed: 11, taxonomy: TaxonomyFile.builtIn).companies(of: .delegates, count: 12)
    }

    @Test("a new file is created and every migration applied, with the taxonomy loaded")
    func newFile() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("new.sqlite").path
            let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing)
            #expect(!allMigrations.isEmpty)
            #expect(db.openReport.created)
            #expect(db.openReport.appliedMigrations == allMigrations)
            #expect(db.openReport.taxonomyUpdated)
            #expect(FileManager.default.fileExists(atPath: path))
            let sectors = try db.writer.read { db in try SectorRecord.order(SectorRecord.Columns.position).fetchAll(db) }
            #expect(sectors.map(\.sector) == TaxonomyFile.builtIn.sectors)
            #expect(sectors.map(\.position) == Array(TaxonomyFile.builtIn.sectors.indices))
            let version = try db.writer.read { db in try String.fetchOne(db, sql: "SELECT version FROM taxonomy") }
            #expect(version == TaxonomyFile.builtIn.version)
        }
    }

    @Test("an existing empty file is migrated, and not reported as created")
    func emptyFile() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let url = try directory.writing("empty.sqlite", "")
            let db = try LiaisonDatabase.open(path: url.path, mode: .mustExist)
            #expect(!db.openReport.created)
            #expect(db.openReport.appliedMigrations == allMigrations)
            #expect(try db.companies().isEmpty)
        }
    }

    @Test("reopening a file keeps its companies and applies nothing")
    func reopen() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("kept.sqlite").path
            let saved: [StoredCompany]
            do {
                let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing)
                try db.save(sample())
                saved = try db.companies()
            }  // the connection pool closes here
            let db = try LiaisonDatabase.open(path: path, mode: .mustExist)
            #expect(!db.openReport.created)
            #expect(db.openReport.appliedMigrations.isEmpty)
            #expect(!db.openReport.taxonomyUpdated)
            #expect(saved.count == 12)
            #expect(try db.companies() == saved)
        }
    }

    @Test("a missing file is not created when it must exist")
    func missingFile() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("missing.sqlite").path
            #expect(throws: StoreError.missingDatabase(path)) {
                try LiaisonDatabase.open(path: path, mode: .mustExist)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("a file in a folder that does not exist, or under a file, is refused saying so")
    func missingFolder() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let missing = directory.appendingPathComponent("no/such").path
            #expect(throws: StoreError.cannotOpen(missing + "/db.sqlite", "cannot create it: the folder \(missing) does not exist")) {
                try LiaisonDatabase.open(path: missing + "/db.sqlite", mode: .createIfMissing)
            }
            let file = directory.appendingPathComponent("plain.txt").path
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
            #expect(throws: StoreError.cannotOpen(file + "/db.sqlite", "cannot create it: the folder \(file) is a file, not a folder")) {
                try LiaisonDatabase.open(path: file + "/db.sqlite", mode: .createIfMissing)
            }
        }
    }

    @Test("a file that is not SQLite is refused with a message naming it")
    func notSQLite() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let url = try directory.writing("notes.sqlite", String(repeating: "not a database\n", count: 100))
            #expect {
                try LiaisonDatabase.open(path: url.path, mode: .mustExist)
            } throws: { error in
                "\(error)".contains(url.path)
            }
        }
    }

    @Test("files are in WAL mode")
    func walMode() throws {
        try Storage.file.withDatabase { db in
            let mode = try db.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            #expect(mode?.lowercased() == "wal")
        }
    }

    @Test("foreign keys are on and enforced", arguments: Storage.allCases)
    func foreignKeys(storage: Storage) throws {
        try storage.withDatabase { database in
            try database.save([Company(id: "X-1", name: "X", country: "US", offers: SectorProfile(["retail": 1]))])
            try database.writer.write { db in
                #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
                let key = try #require(try Int64.fetchOne(db, sql: "SELECT key FROM company WHERE id = 'X-1'"))
                #expect(throws: DatabaseError.self) {
                    try db.execute(sql: "INSERT INTO profile (company, kind, sector, weight) VALUES (?, 'seeks', 'no-such-sector', 1)",
                                   arguments: [key])
                }
                try db.execute(sql: "DELETE FROM company WHERE key = ?", arguments: [key])
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") == 0)
            }
        }
    }

    @Test("a changed taxonomy is loaded on open; one that drops a sector in use is refused")
    func taxonomyUpdate() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("taxonomy.sqlite").path
            let builtIn = TaxonomyFile.builtIn
            let withoutEducation = try Taxonomy(sectors: builtIn.sectors.filter { $0.id != "education" }, version: "no-education")
            let withoutRetail = try Taxonomy(sectors: builtIn.sectors.filter { $0.id != "retail" }, version: "no-retail")
            do {
                let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing)
                try db.save([Company(id: "X-1", name: "X", country: "US", offers: SectorProfile(["retail": 1]))])
            }
            do {
                let db = try LiaisonDatabase.open(path: path, mode: .mustExist, taxonomy: withoutEducation)
                #expect(db.openReport.taxonomyUpdated)
                let count = try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sector") }
                #expect(count == builtIn.count - 1)
            }
            #expect {
                try LiaisonDatabase.open(path: path, mode: .mustExist, taxonomy: withoutRetail)
            } throws: { error in
                guard case StoreError.taxonomyConflict(let reason) = error else { return false }
                return reason.contains("retail")
            }
            let db = try LiaisonDatabase.open(path: path, mode: .mustExist)
            #expect(db.openReport.taxonomyUpdated)
            #expect(try db.company(id: "X-1").company.offers == SectorProfile(["retail": 1]))
        }
    }
}
