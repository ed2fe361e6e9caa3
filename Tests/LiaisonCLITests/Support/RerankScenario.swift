import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

/// A generated scenario imported into `rerank.sqlite` of a fresh working directory, for the
/// rerank commands: `liaison generate --seed S --delegates D --us U --ca C` then `liaison import`.
enum RerankScenario {
    static let database = "rerank.sqlite"

    /// The scenario of `seed` with `delegates`, `us` and `ca` companies.
    static func generated(seed: Int = 7, delegates: Int = 20, us: Int = 30, ca: Int = 25) -> GeneratedScenario {
        GeneratedScenario(seed: seed, delegates: delegates, us: us, ca: ca, database: database)
    }

    static func withImported<T>(seed: Int = 7, delegates: Int = 20, us: Int = 30, ca: Int = 25,
                                sourceLocation: SourceLocation = #_sourceLocation, _ body: (URL) throws -> T) throws -> T {
        try generated(seed: seed, delegates: delegates, us: us, ca: ca).withImported(sourceLocation: sourceLocation, body)
    }

    /// `liaison ARGUMENTS --db rerank.sqlite`.
    static func run(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run {
        try generated().run(arguments, in: directory)
    }

    /// `liaison ARGUMENTS --db rerank.sqlite`, which must succeed.
    @discardableResult
    static func succeed(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> LiaisonBinary.Run {
        try generated().succeed(arguments, in: directory, sourceLocation: sourceLocation)
    }

    /// The database, opened in this process (for edits and for reading what the commands left).
    static func open(in directory: URL) throws -> LiaisonDatabase {
        try LiaisonDatabase.open(path: directory.appendingPathComponent(database).path, mode: .mustExist)
    }

    /// `liaison runs --format json`, decoded.
    static func runs(in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [RunJSON] {
        let run = try succeed(["runs", "--format", "json"], in: directory, sourceLocation: sourceLocation)
        return try JSONDecoder().decode([RunJSON].self, from: Data(run.stdout.utf8))
    }

    /// `liaison rankings ID --format json [--country CC]`, decoded.
    static func rankings(_ id: String, country: String? = nil, in directory: URL,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> RankingsJSON {
        let run = try succeed(["rankings", id, "--format", "json"] + (country.map { ["--country", $0] } ?? []), in: directory,
                              sourceLocation: sourceLocation)
        return try JSONDecoder().decode(RankingsJSON.self, from: Data(run.stdout.utf8))
    }

    /// `liaison match ID ARGUMENTS --format json`, decoded.
    static func match(_ id: String, _ arguments: [String] = [], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> MatchJSON {
        let run = try succeed(["match", id] + arguments + ["--format", "json"], in: directory, sourceLocation: sourceLocation)
        return try JSONDecoder().decode(MatchJSON.self, from: Data(run.stdout.utf8))
    }
}

/// Our own mirror of `liaison runs --format json`.
struct RunJSON: Decodable, Equatable {
    var id: Int
    var startedAt: String
    var finishedAt: String?
    var kind: String
    var status: String
    var topK: Int
    var countries: [String]
    var companies: Int?
    var pairsScored: Int?
    var rowsWritten: Int?
    var listsRecomputed: Int?
    var seconds: Double?
    var blas: String?
    var message: String?
    var isCurrent: Bool
}

/// Our own mirror of `liaison rankings --format json`.
struct RankingsJSON: Decodable, Equatable {
    /// An entry shaped as a match of `liaison match --format json`.
    struct Entry: Decodable, Equatable {
        var rank: Int
        var id: String
        var name: String
        var score: Double
        var components: [String: Double]
        var reasons: [String]

        var match: String { id }
        var sector: Double { components["sector"] ?? .nan }
        var complementarity: Double { components["complementarity"] ?? .nan }
        var language: Double { components["language"] ?? .nan }
        var size: Double { components["size"] ?? .nan }
    }

    var run: Int
    var company: String
    var lists: [String: [Entry]]
}

/// The log lines `liaison rerank` writes to a non-terminal standard error, e.g.
/// `2025-06-01T02:30:00+0000 info liaison.rerank: [liaison] ranking US: started`.
struct ProgressLog {
    enum Event: Equatable {
        case started(String)
        case done(String)
    }

    var events: [Event] = []
    /// Lines that are not such log lines.
    var others: [String] = []

    init(_ stderr: String) {
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) where !line.isEmpty {
            guard line.contains(" info liaison.rerank: "), let text = line.components(separatedBy: "] ").last else {
                others.append(line)
                continue
            }
            if text.hasSuffix(": started") {
                events.append(.started(String(text.dropLast(": started".count))))
            } else if let range = text.range(of: ": done in "), text.hasSuffix(" s"), Double(text[range.upperBound...].dropLast(2)) != nil {
                events.append(.done(String(text[..<range.lowerBound])))
            } else {
                others.append(line)
            }
        }
    }
}

/// A `liaison` process running in the background, which the test watches and may kill.
final class LiaisonChild {
    let process = Process()
    private let capture: URL

    init(_ arguments: [String], in directory: URL) throws {
        capture = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        let stdout = capture.appendingPathComponent("stdout"), stderr = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)
        process.executableURL = LiaisonBinary.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables["LIAISON_DB"] = nil
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: capture)
    }

    var stdout: String { (try? String(contentsOf: capture.appendingPathComponent("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: capture.appendingPathComponent("stderr"), encoding: .utf8)) ?? "" }

    /// Waits until standard error holds `text` (true), or the process ends or `timeout` seconds pass (false).
    func waitForStderr(_ text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning { return stderr.contains(text) }
            usleep(2_000)
        }
        return false
    }

    /// Kills the process with SIGKILL, as a crash or `kill -9` would, unless it has ended; true when it was killed.
    func killNow() -> Bool {
        guard process.isRunning else { return false }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
    }

    /// Waits up to `timeout` seconds for the end; true when it ended.
    func waitForExit(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        return !process.isRunning
    }

    /// Waits for the end; the exit status.
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Compares rankings of the same company with tolerance for the known rounding of formula ties.
enum RankingComparison {
    /// Fails unless two match lists have the same ids in the same order and scores within 1e-5;
    /// a difference only between entries whose scores are within 1e-6 (ties of the formula,
    /// rounded differently by the reranker's and live matching's kernels) is the known issue.
    static func expectSame(_ actual: [(id: String, score: Double)], _ expected: [(id: String, score: Double)], _ comment: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual.map(\.id) != expected.map(\.id) || !zip(actual, expected).allSatisfy({ abs($0.score - $1.score) <= 1e-5 }) else { return }
        let text = "\(comment): \(actual.map { "\($0.id) \($0.score)" }) instead of \(expected.map { "\($0.id) \($0.score)" })"
        let scores = Dictionary(expected.map { ($0.id, $0.score) }, uniquingKeysWith: { a, _ in a })
        let ties = actual.count == expected.count && zip(actual, expected).allSatisfy { a, b in
            abs(a.score - b.score) <= 1e-6 && (a.id == b.id || scores[a.id].map { abs($0 - b.score) <= 1e-6 } ?? true)
        }
        if ties {
            Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
        } else {
            Issue.record(Comment(rawValue: text), sourceLocation: sourceLocation)
        }
    }
}
