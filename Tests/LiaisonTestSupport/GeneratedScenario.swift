import Foundation
import Testing

/// A generated catalog imported into a database of a fresh working directory, for tests that
/// run the `liaison` binary: `liaison generate --seed S --delegates D --us U --ca C -o scenario`,
/// then (when asked) `liaison init`, then `liaison import companies` of the generated files.
///
///     let scenario = GeneratedScenario(seed: 3, delegates: 20, us: 40, ca: 30, database: "match.sqlite")
///     try scenario.withImported { directory in
///         let run = try scenario.run(["match", "CN-0001"], in: directory)
///     }
public struct GeneratedScenario: Sendable {
    /// The files `liaison generate` writes into `scenario/`: delegates, US firms, Canadian firms.
    public static let files = ["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"]

    /// The generator's seed: the same seed, the same companies.
    public var seed: Int
    /// How many Chinese delegates, US firms and Canadian firms are generated.
    public var delegates: Int, us: Int, ca: Int
    /// The database file, relative to the working directory.
    public var database: String
    /// Whether `liaison init` runs before the import.
    public var initializes: Bool

    /// The scenario of `seed` with these counts, imported into `database`.
    public init(seed: Int, delegates: Int, us: Int, ca: Int, database: String, initializes: Bool = false) {
        (self.seed, self.delegates, self.us, self.ca, self.database, self.initializes) = (seed, delegates, us, ca, database, initializes)
    }

    /// `liaison generate …` of this scenario, into `scenario/`.
    public var generateArguments: [String] {
        ["generate", "--seed", "\(seed)", "--delegates", "\(delegates)", "--us", "\(us)", "--ca", "\(ca)", "-o", "scenario"]
    }

    /// Runs `body` in a fresh working directory where the scenario is generated and `files` of
    /// it imported; fails the test, naming the command, if a step fails.
    public func withImported<T>(files chosen: [String] = files, sourceLocation: SourceLocation = #_sourceLocation,
                                _ body: (URL) throws -> T) throws -> T {
        try LiaisonBinary.withWorkingDirectory { directory in
            var steps = [generateArguments]
            if initializes { steps.append(["init", "--db", database]) }
            steps.append(["import", "companies", "--db", database] + chosen.map { "scenario/\($0)" })
            for arguments in steps {
                try LiaisonBinary.succeed(arguments, in: directory, sourceLocation: sourceLocation)
            }
            return try body(directory)
        }
    }

    /// `liaison ARGUMENTS --db DATABASE`.
    public func run(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run {
        try LiaisonBinary.run(arguments + ["--db", database], in: directory)
    }

    /// `liaison ARGUMENTS --db DATABASE`, failing the test unless it succeeded.
    @discardableResult
    public func succeed(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> LiaisonBinary.Run {
        try LiaisonBinary.succeed(arguments + ["--db", database], in: directory, sourceLocation: sourceLocation)
    }
}
