import ArgumentParser
import Foundation
import LiaisonFormats
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies import FILE…` (also `liaison import companies`)
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import companies from CSV or JSON Lines files, all or nothing.",
            discussion: """
                CSV columns: \(CompanyFileFormat.columns.joined(separator: ",")) (id, name and country required).
                offers and seeks are written sector:weight;sector:weight, a sector by id, name or alias.
                An id already in the database is updated. When any record has a problem, every problem
                is listed as FILE:LINE: field: what is wrong, and nothing is written.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "CSV (.csv) or JSON Lines (.jsonl) files.")
        var files: [String]

        @Option(help: "The files' format, when their extension does not say.")
        var format: CompanyFileFormat?

        @Flag(help: "Check the files and report what would change, writing nothing.")
        var dryRun = false

        func run() throws {
            let db = try database.open(dryRun ? .mustExist : .createIfMissing)
            let summary = try db.importCompanies(from: files.map { URL(fileURLWithPath: $0) }, format: format, dryRun: dryRun)
            for file in summary.files {
                print("\(file.file): \(file.companies) companies")
            }
            let verb = dryRun ? "would import" : "imported"
            print("\(verb) \(summary.inserted + summary.updated + summary.unchanged) companies: \(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged\(dryRun ? " (dry run, nothing written)" : "")")
        }
    }
}

extension CompanyFileFormat: ExpressibleByArgument {}
