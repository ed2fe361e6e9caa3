import Foundation

/// Where the repository and its data sets are, found from this file's path.
enum TestFiles {
    /// The package root: the nearest folder above this file holding `Package.swift`.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }()

    /// The real (non-synthetic) data sets shared beside the repository, when present.
    static let realData = repository.appendingPathComponent("../shared/datasets/real").standardizedFileURL

    static var hasRealData: Bool {
        FileManager.default.fileExists(atPath: realData.appendingPathComponent("PROVENANCE.md").path)
    }

    /// Runs `body` with a fresh, empty directory that is removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("liaison-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }
}

extension URL {
    /// Writes `text` as UTF-8 to the file `name` in this directory and returns the file's URL.
    func writing(_ name: String, _ text: String) throws -> URL {
        try writing(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to the file `name` in this directory and returns the file's URL.
    func writing(_ name: String, bytes: [UInt8]) throws -> URL {
        let url = appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }
}
