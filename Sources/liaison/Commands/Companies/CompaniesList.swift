import ArgumentParser
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List companies, by id.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Option(help: "Only companies of this country (ISO code, e.g. CN, US, CA).")
        var country: String?

        @Option(help: "Only companies that offer or seek this sector (id, name or alias).")
        var sector: String?

        func run() throws {
            try output.print(CompanyList(try database.open().companies(country: country, sector: sector)))
        }
    }
}
