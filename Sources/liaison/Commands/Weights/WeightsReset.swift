import ArgumentParser
import LiaisonStore

extension Liaison.Weights {
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
