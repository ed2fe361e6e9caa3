import Foundation
import LiaisonTestSupport

/// The data sets beside the repository, and scratch directories, for the store tests.
enum TestFiles {
    /// The real (non-synthetic) data sets shared beside the repository, when present.
    static let realData = Repository.root.appendingPathComponent("../shared/datasets/real").standardizedFileURL

    static var hasRealData: Bool {
        FileManager.default.fileExists(atPath: realData.appendingPathComponent("PROVENANCE.md").path)
    }

    /// Runs `body` with a fresh, empty directory that is removed afterwards.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        try TemporaryDirectory.with(prefix: "liaison-store-tests", body)
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
