import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies import FILE…` (also `liaison import companies`)
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import companies from CSV, Excel (.xlsx) or JSON Lines files, all or nothing.",
            discussion: """
                Sheet columns: \(CompanyFileFormat.allColumns.joined(separator: ",")) (id, name and country required), \
                in any order, under these names or usual ones in English or Chinese (Company Name, Looking for, \
                Sector, E-mail, 公司名称, 行业, 国家, 联系人…); other columns are kept with each company. A CSV sheet \
                may be UTF-8 (with or without BOM), UTF-16 or GB18030, separated by commas, semicolons or tabs. \
                An .xlsx workbook is read directly: its first sheet that is not hidden, or the one --sheet names; \
                numbers as Excel shows them, dates as 2025-11-03. .xls, .ods, .numbers and password-protected \
                workbooks are refused: save them as .xlsx or CSV UTF-8. \
                offers and seeks are written sector:weight;sector:weight, a sector by id, name or alias; an \
                industry, offers or seeks value that is none is matched as free text ('Solar panels' holds \
                the alias 'solar' of clean-energy) and each such match is listed. An id already in the \
                database is updated. When any record has a problem, every problem is listed as \
                FILE:LINE: field: what is wrong, and nothing is written.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "CSV (.csv), Excel workbook (.xlsx) or JSON Lines (.jsonl) files.")
        var files: [String]

        @Option(help: "The files' format, when their extension does not say.")
        var format: CompanyFileFormat?

        @Option(help: ArgumentHelp("The worksheet to read of each .xlsx workbook (default: the first that is not hidden).",
                                   valueName: "name"))
        var sheet: String?

        @Option(help: ArgumentHelp("Name sheet columns: 'Header=field,…' maps a header to a field, or keeps it under another name "
                                   + "(may be given more than once).", valueName: "Header=field,…"))
        var columns: [String] = []

        /// Every `--columns` given, as one mapping.
        private func mapping() throws(HeaderMappingError) -> HeaderMapping {
            columns.isEmpty ? HeaderMapping() : try HeaderMapping(parsing: columns.joined(separator: ","))
        }

        @Flag(help: "Refuse industry, offers and seeks values that are no sector's id, name or alias, instead of matching them as free text.")
        var strict = false

        @Flag(help: "Check the files and report what would change, writing nothing.")
        var dryRun = false

        func validate() throws {
            do { _ = try mapping() } catch { throw ValidationError(error.description) }
        }

        func run() throws {
            let db = try database.open(dryRun ? .mustExist : .createIfMissing)
            let options = ImportOptions(format: format, columns: try mapping(), sheet: sheet, strict: strict, dryRun: dryRun)
            let summary = try db.importCompanies(from: files.map { URL(fileURLWithPath: $0) }, options: options)
            for file in summary.files {
                print("\(file.file): \(EnglishCount.of(file.companies, "company", plural: "companies"))")
            }
            for layout in summary.layouts {
                print(layout)
            }
            for inference in summary.inferences {
                print(inference)
            }
            let verb = dryRun ? "would import" : "imported"
            let total = summary.inserted + summary.updated + summary.unchanged
            print("\(verb) \(EnglishCount.of(total, "company", plural: "companies")): \(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged\(dryRun ? " (dry run, nothing written)" : "")")
        }
    }
}

extension CompanyFileFormat: ExpressibleByArgument {}
