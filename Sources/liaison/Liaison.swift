import ArgumentParser
import Foundation
import LiaisonKernel
import LiaisonStore

/// The `liaison` command: business matchmaking for trade delegations.
@main
struct Liaison: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Match a trade delegation's companies with US and Canadian firms, and schedule their 1:1 meetings.",
        version: version,
        subcommands: [
            Init.self, Companies.self, ImportGroup.self, ExportGroup.self, Sectors.self, Summary.self, Match.self, Weights.self,
            Event.self, Rerank.self, Runs.self, Rankings.self, Generate.self, Doctor.self,
        ]
    )

    /// Exit status when a needed system library is missing (`EX_UNAVAILABLE`).
    static let unavailableExitCode: Int32 = 69

    /// Runs the command line; a missing BLAS library exits with ``unavailableExitCode``.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as BLASUnavailable {
            FileHandle.standardError.write(Data("liaison: \(error)\n".utf8))
            Foundation.exit(unavailableExitCode)
        } catch {
            exit(withError: error)
        }
    }
}
