import Foundation

/// Fresh directories for a test to write in; for tests and benchmarks only.
public enum TemporaryDirectory {
    /// Runs `body` with a new, empty directory (its path free of symbolic links, as the tool
    /// resolves it) whose name starts with `prefix`, and removes the directory afterwards.
    public static func with<T>(prefix: String, _ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.resolvingSymlinksInPath())
    }
}
