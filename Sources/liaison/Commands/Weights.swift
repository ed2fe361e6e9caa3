import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison weights`: the score's term weights.
    struct Weights: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the active score weights, each term in one sentence.",
            subcommands: [Show.self, Set.self, Reset.self],
            defaultSubcommand: Show.self)
    }
}

extension Liaison.Weights {
    /// `liaison weights [show]`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the active weights.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format.")
        var format: RecordFormat = .table

        func run() throws {
            let weights = try database.open().scoreWeights()
            switch format {
            case .json:
                print(try Output.json(Dictionary(uniqueKeysWithValues: ScoreTerm.allCases.map { ($0.rawValue, weights[$0]) })))
            case .table:
                var table = TextTable(["term", "weight", "default", "what it rewards"], rightAligned: [1, 2])
                for term in ScoreTerm.allCases {
                    table.append([term.rawValue, "\(weights[term])", "\(ScoreWeights.defaults[term])", term.sentence])
                }
                print(table.text)
            }
        }
    }

    /// `liaison weights set TERM VALUE`
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store one term's weight in the database.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The term: sector, complementarity, language or size.")
        var term: ScoreTerm

        // Taken as raw text so that a negative number reaches validation instead of being read
        // as an option ("-1").
        @Argument(parsing: .allUnrecognized, help: "Its weight: a finite number of at least 0.")
        var value: [String]

        func validate() throws {
            guard let text = value.first else { throw ValidationError("missing the <value>: a number after the term, e.g. weights set sector 0.25") }
            guard value.count == 1 else { throw ValidationError("give one <value> after the term, not \(value.count)") }
            guard Double(text) != nil else { throw ValidationError("the <value> '\(text)' is not a number") }
        }

        func run() throws {
            let weights = try database.open().setScoreWeight(term, to: Double(value[0])!)
            print("\(term.rawValue) = \(weights[term])")
        }
    }

    /// `liaison weights reset`
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Go back to the default weights.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try database.open().resetScoreWeights()
            print("weights reset to the defaults")
        }
    }
}

extension ScoreTerm: ExpressibleByArgument {}
