import ArgumentParser
import LiaisonCore
import LiaisonFormats
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies export` (also `liaison export companies`)
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export every company; the output imports back unchanged.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format.")
        var format: ExportFormat = .csv

        @Option(name: .shortAndLong, help: "Output file, written whole or not at all (default: standard output).")
        var output: String?

        func run() throws {
            let companies = try database.open().companies().map(\.company)
            try Output.write(try CompanyWriter.data(companies, format: format.written), to: output)
            if let output, output != "-" {
                Output.note("wrote \(EnglishCount.of(companies.count, "company", plural: "companies")) to \(output)")
            }
        }
    }
}

/// The formats `companies export` writes: those of ``CompanyFileFormat/exportable`` (a workbook is
/// read, never written), so that `--format xlsx` is refused and help lists only these.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, jsonl

    var written: CompanyFileFormat { CompanyFileFormat(rawValue: rawValue)! }
}
