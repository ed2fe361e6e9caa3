import Foundation
import LiaisonCore
import LiaisonStore

/// A `--weights FILE.json` file: an object of term → weight, e.g. `{"sector": 0.4, "language": 0.2}`.
enum WeightsFile {
    static func read(_ path: String, over weights: ScoreWeights) throws -> ScoreWeights {
        let data: Data
        do { data = try InputFile.contents(of: URL(fileURLWithPath: path)) } catch {
            throw CLIError("\(path): cannot read the weights file: \(error.reason)")
        }
        guard let named = try? JSONDecoder().decode([String: Double].self, from: data) else {
            throw CLIError("\(path):1: weights: expected a JSON object of term → number, e.g. {\"sector\": 0.4}")
        }
        do {
            return try weights.overriding(with: named)
        } catch {
            throw CLIError("\(path):1: weights: \(error)")
        }
    }
}

/// An error of the command line itself, with its message as is.
struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
