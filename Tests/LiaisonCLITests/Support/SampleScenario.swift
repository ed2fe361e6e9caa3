import Foundation
import LiaisonTestSupport
import Testing

/// The committed sample (`datasets/ccpit-2025`) imported by the binary into `sample.sqlite` of a
/// fresh working directory: `init`, `import companies` of its three files, `event import` of
/// its three events.
enum SampleScenario {
    static let database = "sample.sqlite"
    static let folder = Repository.root.appendingPathComponent("datasets/ccpit-2025")

    static func withImported<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: (URL) throws -> T) throws -> T {
        try LiaisonBinary.withWorkingDirectory { directory in
            try succeed(["init"], in: directory, sourceLocation: sourceLocation)
            try succeed(["import", "companies"] + ["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"].map { folder.appendingPathComponent($0).path },
                        in: directory, sourceLocation: sourceLocation)
            try succeed(["event", "import", folder.appendingPathComponent("events.json").path], in: directory, sourceLocation: sourceLocation)
            return try body(directory)
        }
    }

    /// `liaison ARGUMENTS --db sample.sqlite`.
    static func run(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run {
        try LiaisonBinary.run(arguments + ["--db", database], in: directory)
    }

    @discardableResult
    static func succeed(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> LiaisonBinary.Run {
        try LiaisonBinary.succeed(arguments + ["--db", database], in: directory, sourceLocation: sourceLocation)
    }
}
