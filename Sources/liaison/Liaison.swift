import ArgumentParser
import Foundation
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
            Event.self, Rerank.self, Runs.self, Rankings.self, Generate.self, Doctor.self, Serve.self,
        ]
    )

    /// Runs the command line. A command's error is reported in plain words with its own exit
    /// status (``ErrorReport``); the parser's own (usage, help, version) as it words them.
    static func main() {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exitReportingParser(error)
        }
        do {
            try command.run()
        } catch {
            guard let report = ErrorReport(error) else { exitReportingParser(error) }
            FileHandle.standardError.write(Data("Error: \(report.message)\n".utf8))
            Foundation.exit(report.exitCode)
        }
    }

    /// Prints the parser's message for `error` (help and version on standard output) and exits
    /// with its status.
    private static func exitReportingParser(_ error: any Error) -> Never {
        let message = TerminalText.safe(fullMessage(for: error), keepingLineBreaks: true)
        let code = exitCode(for: error)
        if !message.isEmpty {
            (code == .success ? FileHandle.standardOutput : FileHandle.standardError).write(Data((message + "\n").utf8))
        }
        Foundation.exit(code.rawValue)
    }
}
