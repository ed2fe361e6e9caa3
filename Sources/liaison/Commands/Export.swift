import ArgumentParser
import LiaisonStore

extension Liaison {
    /// `liaison export`: writes stored data in importable formats.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export stored data in importable formats.",
            subcommands: [ExportCompanies.self])
    }

    /// `liaison export companies`
    struct ExportCompanies: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "companies",
            abstract: "Export every company; the output imports back unchanged.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format.")
        var format: CompanyFileFormatArgument = .csv

        @Option(name: .shortAndLong, help: "Output file, written whole or not at all (default: standard output).")
        var output: String?

        func run() throws {
            let companies = try database.open().companies().map(\.company)
            try Output.write(try CompanyExport.data(companies, format: format.format), to: output)
            if let output, output != "-" {
                Output.note("wrote \(companies.count) companies to \(output)")
            }
        }
    }
}
