import ArgumentParser
import LiaisonStore

extension Liaison {
    /// `liaison init`: creates the database file, or migrates an existing one.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the database, or bring an existing one up to date.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let db = try database.open(.createIfMissing)
            let problems = try db.integrityProblems()
            guard problems.isEmpty else { throw StoreError.corrupt(database.path, problems.prefix(3).joined(separator: "; ")) }
            let report = db.openReport
            let state = report.created ? "created" : (report.appliedMigrations.isEmpty ? "up to date" : "migrated")
            print("\(database.path): \(state)")
            for migration in report.appliedMigrations {
                print("  applied migration \(migration)")
            }
            print("  sector taxonomy \(db.taxonomy.version): \(db.taxonomy.count) sectors\(report.taxonomyUpdated ? " (loaded)" : "")")
            print("  SQLite \(try db.sqliteVersion()), WAL journal")
        }
    }
}
