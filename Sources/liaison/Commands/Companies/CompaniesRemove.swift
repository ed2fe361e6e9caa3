import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison.Companies {
    /// `liaison companies remove ID…`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove companies with their profiles, all or none.",
            discussion: """
                For a firm that closed or left the registry: matching leaves it out at once, and the next \
                rerank (incremental too) drops it from every list. A company registered for an event, or named \
                by an event's published schedule, is not removed.
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The companies' ids.")
        var ids: [String]

        func run() throws {
            let removed = try database.open().removeCompanies(ids)
            print("removed \(EnglishCount.of(removed.count, "company", plural: "companies")): \(removed.joined(separator: ", "))")
        }
    }
}
