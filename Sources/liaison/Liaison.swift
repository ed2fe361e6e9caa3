import ArgumentParser
import LiaisonStore

/// The `liaison` command: business matchmaking for trade delegations.
@main
struct Liaison: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Match a trade delegation's companies with US and Canadian firms, and schedule their 1:1 meetings.",
        version: version,
        subcommands: [
            Init.self, Import.self, Companies.self, Export.self, Sectors.self, Summary.self, Match.self, Weights.self, Event.self,
            Rerank.self, Runs.self, Rankings.self,
            Generate.self, Doctor.self,
        ]
    )
}
