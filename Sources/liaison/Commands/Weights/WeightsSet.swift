import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison.Weights {
    /// `liaison weights set TERM VALUE`
    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Store one term's weight in the database.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The term: sector, complementarity, language or size.")
        var term: ScoreTerm

        // Taken as raw text so that a negative number reaches validation instead of being read
        // as an option ("-1").
        @Argument(parsing: .allUnrecognized, help: "Its weight: a number from 0 to \(Int(ScoreWeights.largest)).")
        var value: [String]

        func validate() throws {
            guard let text = value.first else { throw ValidationError("missing the <value>: a number after the term, e.g. weights set sector 0.25") }
            guard value.count == 1 else { throw ValidationError("give one <value> after the term, not \(value.count)") }
            // Decimal only: Swift would read `0x10` as 16. (`nan` and `inf` go on, to be refused as not finite.)
            guard Double(text) != nil, !text.lowercased().contains("x") else {
                throw ValidationError("the <value> '\(text)' is not a number")
            }
        }

        func run() throws {
            let weights = try database.open().setScoreWeight(term, to: Double(value[0])!)
            print("\(term.rawValue) = \(weights[term])")
            if let warning = weights.sumWarning { Output.note("warning: \(warning)") }
        }
    }
}
