import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison rerank`: recomputes every company's ranked matches (the nightly job).
    struct Rerank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recompute every company's ranked matches; queries see the previous run until this one is written.",
            discussion: """
                Exit codes: 0 done, 75 another rerank holds the lock (try again later), 1 failure.
                Cron: 30 2 * * * cd /srv/liaison && liaison rerank --incremental --db liaison.sqlite >> rerank.log 2>&1
                """)

        /// Exit code when another rerank holds the lock (EX_TEMPFAIL).
        static let lockedExitCode: Int32 = 75
        /// The scheduling priority a rerank lowers itself to (`nice`), so queries stay fast.
        static let niceness: Int32 = 10

        @OptionGroup var database: DatabaseOptions

        @Option(parsing: .unconditional, help: "Matches kept per company and target country.")
        var top: Int = 50

        @Flag(help: "Recompute only what changed since the last run (a full run when the weights or settings changed).")
        var incremental = false

        @Option(help: "Host countries to rank, e.g. US,CA.")
        var countries: String = MatchSides.hosts.joined(separator: ",")

        // Unconditional, as --top: `--keep -1` reaches validation, instead of reading "-1" as an option.
        @Option(parsing: .unconditional, help: "Completed runs to keep; older ones are pruned.")
        var keep: Int = 3

        func validate() throws {
            guard top >= 1 else { throw ValidationError("--top must be at least 1") }
            guard keep >= 1 else { throw ValidationError("--keep must be at least 1, not \(keep)") }
            let listed = listedCountries
            for country in listed where !MatchSides.hosts.contains(country) {
                throw ValidationError("--countries takes host countries (\(MatchSides.hosts.joined(separator: ", "))), not \(country)")
            }
            guard !listed.isEmpty else {
                throw ValidationError("--countries needs at least one host country (\(MatchSides.hosts.joined(separator: ", ")))")
            }
        }

        private var listedCountries: [String] {
            countries.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { ISOCodes.country($0) ?? $0 }
        }

        /// The countries asked for, each once, in the usual order: `CA,US,US` and `US,CA` are one setting.
        private var countryList: [String] {
            MatchSides.hosts.filter(listedCountries.contains)
        }

        func run() throws {
            let db = try database.open()
            guard let lock = try RerankLock(databasePath: database.path) else {
                Output.note("liaison: another rerank is running on \(database.path); nothing done (exit \(Self.lockedExitCode))")
                throw ExitCode(Self.lockedExitCode)
            }
            // A batch job yields the processor to interactive queries (liaison match) meanwhile: every
            // thread of it, those each stage's work starts included.
            let niceness = NicenessKeeper(niceness: Self.niceness)
            let reporter = ProgressReporter(label: "liaison.rerank")
            let run = try withExtendedLifetime(lock) {
                try db.rerank(RerankOptions(top: top, incremental: incremental, countries: countryList, keepRuns: keep)) { progress in
                    niceness.keep()
                    reporter.report(progress)
                }
            }
            reporter.finish()
            print(RunList.line(run))
            if let message = run.message { print("  \(message)") }
        }
    }
}
