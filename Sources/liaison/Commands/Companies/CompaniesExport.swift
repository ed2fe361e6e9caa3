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
        var format: CompanyFileFormat = .csv

        @Option(name: .shortAndLong, help: "Output file, written whole or not at all (default: standard output).")
        var output: String?

        func run() throws {
            let companies = try database.open().companies().map(\.company)
            try Output.write(try CompanyWriter.data(companies, format: format), to: output)
            if let output, output != "-" {
                Output.note("wrote \(EnglishCount.of(companies.count, "company", plural: "companies")) to \(output)")
            }
        }
    }
}
