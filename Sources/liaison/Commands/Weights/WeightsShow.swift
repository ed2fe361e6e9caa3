import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison.Weights {
    /// `liaison weights [show]`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the active weights.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.print(WeightsTable(weights: try database.open().scoreWeights()))
        }
    }
}

/// The weights in force: JSON an object of term → weight.
struct WeightsTable: CommandOutput {
    let weights: ScoreWeights

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: ScoreTerm.allCases.map { ($0.rawValue, weights[$0]) }))
    }

    var columns: [String] { ["term", "weight", "default", "what it rewards"] }
    var rightAligned: Set<Int> { [1, 2] }
    var rows: [[String]] {
        ScoreTerm.allCases.map { [$0.rawValue, "\(weights[$0])", "\(ScoreWeights.defaults[$0])", $0.sentence] }
    }
}
