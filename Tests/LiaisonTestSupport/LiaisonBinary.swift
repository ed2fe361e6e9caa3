import Foundation
import Testing

/// The built `liaison` executable, run as a subprocess the way a user runs it; for tests only.
public enum LiaisonBinary {
    /// What one run printed and how it ended.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// The lines of standard output.
        public var lines: [String] {
            var lines = stdout.components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            return lines
        }
    }

    /// `$LIAISON_BIN`, else `liaison` beside the running test executable (both are build
    /// products of the same `swift build`), else `.build/debug/liaison` in the package.
    public static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["LIAISON_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ].map { $0.appendingPathComponent("liaison") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? Repository.root.appendingPathComponent(".build/debug/liaison")
    }()

    /// Runs `liaison arguments…` in `directory`, with `LIAISON_DB` unset unless `environment` sets it
    /// (another `program` may run in its place, e.g. one that runs `liaison` as another user).
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                           executable program: URL = executable) throws -> Run {
        // Output goes to files rather than pipes, so a large output can never fill a pipe and stall the child.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let stdoutURL = capture.appendingPathComponent("stdout"), stderrURL = capture.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutURL), stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var variables = ProcessInfo.processInfo.environment
        variables["LIAISON_DB"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }

    /// Runs `liaison arguments…` in `directory` and fails the test, naming the command and what it
    /// printed on standard error, unless it succeeded.
    @discardableResult
    public static func succeed(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> Run {
        let run = try self.run(arguments, in: directory)
        try #require(run.status == 0, "liaison \(arguments.joined(separator: " ")): \(run.stderr)", sourceLocation: sourceLocation)
        return run
    }

    /// Runs `body` with a fresh, empty working directory that is removed afterwards.
    public static func withWorkingDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        try TemporaryDirectory.with(prefix: "liaison-cli-tests", body)
    }
}
