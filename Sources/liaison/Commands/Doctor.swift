import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonKernel
import LiaisonStore

extension Liaison {
    /// `liaison doctor`: what Liaison runs on.
    struct Doctor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the versions and libraries Liaison runs on: SQLite, the active BLAS, threads.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let blas = BLASRuntime.info
            let memory = try LiaisonDatabase.inMemory()
            var fields: [(name: String, value: String)] = [
                ("liaison", Liaison.version),
                ("sqlite", try memory.sqliteVersion()),
                ("taxonomy", "\(memory.taxonomy.count) sectors, version \(memory.taxonomy.version)"),
                ("blas", blas.implementation.rawValue),
                ("blas library", blas.libraryPath),
                ("blas build", blas.configuration ?? ""),
                ("blas threads", "\(blas.threads)"),
                ("cores", "\(ProcessInfo.processInfo.activeProcessorCount)"),
            ]
            let path = database.path
            var damaged: String?
            if FileManager.default.fileExists(atPath: path) {
                do {
                    let db = try database.open()
                    let problems = try db.integrityProblems()
                    if problems.isEmpty {
                        let total = try db.companyCountsByCountry().reduce(0) { $0 + $1.companies }
                        fields.append(("database", "\(path): \(EnglishCount.of(total, "company", plural: "companies"))\(db.isReadOnly ? " (read-only)" : "")"))
                        fields.append(("integrity", "ok"))
                    } else {
                        damaged = problems.prefix(3).joined(separator: "; ")
                    }
                } catch let error as StoreError {
                    guard case .corrupt(_, let reason) = error else { throw error }
                    damaged = reason
                }
                if let damaged {
                    fields.append(("database", "\(path): DAMAGED"))
                    fields.append(("integrity", damaged))
                }
            } else {
                fields.append(("database", "\(path): not created yet (liaison init)"))
            }
            print(TextTable.fields(fields))
            if let damaged { throw StoreError.corrupt(path, damaged) }
        }
    }
}
