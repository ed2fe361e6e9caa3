// Import throughput: generated companies into an empty database file, as `liaison import` does.
// The target of the foundation issue: 1,000,000 companies in under 60 s, under 2 GiB.
import Benchmark
import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

/// Generated CSV files of `count` companies (CN, US, CA in the sample's proportions), written in
/// parts so that generating them never holds a million companies in memory.
private func generatedFiles(count: Int, in directory: URL) throws -> [URL] {
    let generator = ScenarioGenerator(seed: 7, taxonomy: TaxonomyFile.builtIn)
    let part = 100_000
    var files: [URL] = []
    for (side, share) in [(ScenarioGenerator.Side.delegates, 2), (.unitedStates, 60), (.canada, 38)] {
        let total = count * share / 100
        for start in stride(from: 0, to: total, by: part) {
            let url = directory.appendingPathComponent("\(side.rawValue)-\(start).csv")
            try CompanyWriter.data(generator.companies(of: side, in: start..<min(total, start + part)), format: .csv).write(to: url)
            files.append(url)
        }
    }
    return files
}

let benchmarks: @Sendable () -> Void = {
    for count in [100_000, 1_000_000] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-import-bench-\(count)")
        nonisolated(unsafe) var files: [URL] = []
        Benchmark(
            "Import companies",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
                tags: ["companies": "\(count)"],
                timeUnits: .seconds,
                maxDuration: .seconds(600),
                maxIterations: 3
            ),
            closure: { benchmark in
                let path = directory.appendingPathComponent("bench.sqlite").path
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing)
                benchmark.startMeasurement()
                blackHole(try db.importCompanies(from: files))
                benchmark.stopMeasurement()
            },
            setup: {
                try? FileManager.default.removeItem(at: directory)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                files = try generatedFiles(count: count, in: directory)
            },
            teardown: {
                try? FileManager.default.removeItem(at: directory)
            }
        )
    }
}
