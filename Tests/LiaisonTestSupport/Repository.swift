import Foundation

/// Where the Liaison repository is, found from this file's path; for tests and benchmarks only.
public enum Repository {
    /// The package root: the nearest folder above this file holding `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path), url.path != "/" {
            url.deleteLastPathComponent()
        }
        return url
    }()
}
