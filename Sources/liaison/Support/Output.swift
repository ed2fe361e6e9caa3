import Foundation

/// Printing and writing of command output.
enum Output {
    /// JSON for scripts: pretty-printed, keys sorted, so output is stable; `context` is what the
    /// values' encoders are told (see ``CommandOutput/jsonContext``).
    static func json(_ value: some Encodable, context: [CodingUserInfoKey: any Sendable] = [:]) throws -> String {
        let encoder = JSONEncoder()
        encoder.userInfo = context
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes `data` to `path` whole or not at all (``FileOutput``), or to standard output when
    /// `path` is nil or `-`.
    static func write(_ data: Data, to path: String? = nil) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(data)
            return
        }
        try FileOutput.write(data, to: path)
    }

    /// Writes files under a directory (created when missing), each whole or not at all.
    static func writeDirectory(_ files: [(path: String, data: Data)], to directory: String) throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url, options: .atomic)
        }
    }

    /// Prints a line to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
