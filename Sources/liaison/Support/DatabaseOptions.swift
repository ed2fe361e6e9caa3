import ArgumentParser
import Foundation
import LiaisonStore

/// The `--db` option every command that touches the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $LIAISON_DB, else ./liaison.sqlite).")
    var db: String?

    /// The file to use: `--db`, else `$LIAISON_DB`, else `./liaison.sqlite`.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["LIAISON_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "liaison.sqlite"
    }

    /// Opens the database, which must exist unless `mode` allows creating it.
    func open(_ mode: LiaisonDatabase.OpenMode = .mustExist) throws -> LiaisonDatabase {
        try LiaisonDatabase.open(path: path, mode: mode)
    }
}
