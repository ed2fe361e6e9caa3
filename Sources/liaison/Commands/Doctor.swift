import ArgumentParser
import Foundation
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
            if FileManager.default.fileExists(atPath: path) {
                let total = try database.open().companyCountsByCountry().reduce(0) { $0 + $1.companies }
                fields.append(("database", "\(path): \(total) companies"))
            } else {
                fields.append(("database", "\(path): not created yet (liaison init)"))
            }
            print(TextTable.fields(fields))
        }
    }
}
