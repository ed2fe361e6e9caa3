import ArgumentParser
import LiaisonCore

extension Liaison {
    /// `liaison weights`: the score's term weights.
    struct Weights: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the active score weights, each term in one sentence.",
            subcommands: [Show.self, Set.self, Reset.self],
            defaultSubcommand: Show.self)
    }
}

extension ScoreTerm: ExpressibleByArgument {}
