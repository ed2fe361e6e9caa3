import Foundation
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The scenario the matching tests work on: `liaison generate --seed 3 --delegates 20 --us 40
/// --ca 30`, imported into `match.sqlite` of a fresh working directory.
enum MatchScenario {
    static let generated = GeneratedScenario(seed: 3, delegates: 20, us: 40, ca: 30, database: "match.sqlite")
    static let database = generated.database
    static let counts = (delegates: generated.delegates, us: generated.us, ca: generated.ca)

    static func withImported<T>(files chosen: [String] = GeneratedScenario.files, sourceLocation: SourceLocation = #_sourceLocation,
                                _ body: (URL) throws -> T) throws -> T {
        try generated.withImported(files: chosen, sourceLocation: sourceLocation, body)
    }

    /// `liaison ARGUMENTS --db match.sqlite`.
    static func run(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run {
        try generated.run(arguments, in: directory)
    }

    /// Imports DE-0001, a firm of a country that takes no part in matching.
    static func importGermanFirm(in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let german = "id,name,country,languages,offers\nDE-0001,Rhein Logistik GmbH,DE,de,logistics-transportation\n"
        try Data(german.utf8).write(to: directory.appendingPathComponent("de.csv"))
        try generated.succeed(["import", "companies", "de.csv"], in: directory, sourceLocation: sourceLocation)
    }

    /// Every stored company, from `liaison export companies --format jsonl`, by id.
    static func companies(in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: CompanyDocument] {
        let run = try generated.succeed(["export", "companies", "--format", "jsonl"], in: directory, sourceLocation: sourceLocation)
        let documents = try run.lines.map { try JSONDecoder().decode(CompanyDocument.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })
    }

    /// `liaison match ARGUMENTS --format json`, decoded; fails the test unless it succeeded.
    static func matchJSON(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> MatchJSON {
        let run = try generated.succeed(["match"] + arguments + ["--format", "json"], in: directory, sourceLocation: sourceLocation)
        return try JSONDecoder().decode(MatchJSON.self, from: Data(run.stdout.utf8))
    }
}
