import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The small generated scenario the end-to-end tests work on: `liaison generate --seed 1
/// --delegates 5 --us 7 --ca 3`, imported into `liaison.sqlite` of a fresh working directory.
enum Scenario {
    static let seed: UInt64 = 1
    static let files: [(side: ScenarioGenerator.Side, option: String, count: Int, file: String)] = [
        (.delegates, "--delegates", 5, "cn-delegates.csv"), (.unitedStates, "--us", 7, "us-firms.csv"), (.canada, "--ca", 3, "ca-firms.csv"),
    ]
    static let database = "liaison.sqlite"

    /// The scenario as the binary makes it.
    static let generated = GeneratedScenario(seed: Int(seed), delegates: files[0].count, us: files[1].count, ca: files[2].count,
                                             database: database, initializes: true)

    static var generateArguments: [String] { generated.generateArguments }

    /// The companies the scenario's files hold, as the generator makes them.
    static func companies(of side: ScenarioGenerator.Side) -> [Company] {
        let count = files.first { $0.side == side }!.count
        return ScenarioGenerator(seed: seed, taxonomy: TaxonomyFile.builtIn).companies(of: side, count: count)
    }

    static var allCompanies: [Company] {
        files.flatMap { companies(of: $0.side) }.sorted { $0.id < $1.id }
    }

    /// Runs `body` in a fresh working directory where the scenario is generated and imported.
    static func withImported<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: (URL) throws -> T) throws -> T {
        try generated.withImported(sourceLocation: sourceLocation, body)
    }
}
