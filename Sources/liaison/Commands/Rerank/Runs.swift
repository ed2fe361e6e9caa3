import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison runs`
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rerank runs, newest first.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.print(RunList(runs: try database.open().rerankRuns()))
        }
    }
}

/// `liaison runs`: JSON an array of runs.
struct RunList: CommandOutput {
    let runs: [RerankRun]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(runs)
    }

    var columns: [String] { ["run", "started", "kind", "status", "companies", "pairs scored", "rows written", "seconds", "blas", ""] }
    var rightAligned: Set<Int> { [0, 4, 5, 6, 7] }
    var rows: [[String]] {
        runs.map { run in
            ["\(run.id)", run.startedAt, run.kind.rawValue, run.status.rawValue, run.companies.map(String.init) ?? "",
             run.pairsScored.map(String.init) ?? "", run.rowsWritten.map(String.init) ?? "",
             run.seconds.map { String(format: "%.1f", $0) } ?? "", run.blas ?? "", run.isCurrent ? "current" : ""]
        }
    }

    /// A run in one line of text.
    static func line(_ run: RerankRun) -> String {
        "run \(run.id) (\(run.kind.rawValue), \(run.status.rawValue)): \(EnglishCount.of(run.companies ?? 0, "company", plural: "companies")), "
            + "\(EnglishCount.of(run.pairsScored ?? 0, "pair")) scored, \(EnglishCount.of(run.rowsWritten ?? 0, "row")) written in \(String(format: "%.1f", run.seconds ?? 0)) s (\(run.blas ?? "?"))"
    }
}
