import ArgumentParser
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one company with its profiles.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The company's id.")
        var id: String

        func run() throws {
            let db = try database.open()
            try output.print(CompanyCard(try db.company(id: id), taxonomy: db.taxonomy))
        }
    }
}
