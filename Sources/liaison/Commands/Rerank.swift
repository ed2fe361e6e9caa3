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

        @Option(help: "Matches kept per company and target country.")
        var top: Int = 50

        @Flag(help: "Recompute only what changed since the last run (a full run when the weights or settings changed).")
        var incremental = false

        @Option(help: "Host countries to rank, e.g. US,CA.")
        var countries: String = MatchSides.hosts.joined(separator: ",")

        @Option(help: "Completed runs to keep; older ones are pruned.")
        var keep: Int = 3

        func validate() throws {
            guard top >= 1 else { throw ValidationError("--top must be at least 1") }
            guard keep >= 1 else { throw ValidationError("--keep must be at least 1") }
            let listed = listedCountries
            for country in listed where !MatchSides.hosts.contains(country) {
                throw ValidationError("--countries takes host countries (\(MatchSides.hosts.joined(separator: ", "))), not \(country)")
            }
            guard !listed.isEmpty else {
                throw ValidationError("--countries needs at least one host country (\(MatchSides.hosts.joined(separator: ", ")))")
            }
        }

        private var listedCountries: [String] {
            countries.uppercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
            // A batch job yields the processor to interactive queries (liaison match) meanwhile.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            let reporter = ProgressReporter(label: "liaison.rerank")
            let run = try withExtendedLifetime(lock) {
                try db.rerank(RerankOptions(top: top, incremental: incremental, countries: countryList, keepRuns: keep),
                              progress: reporter.report)
            }
            reporter.finish()
            print(RunText.line(run))
            if let message = run.message { print("  \(message)") }
        }
    }

    /// `liaison runs`
    struct Runs: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rerank runs, newest first.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() throws {
            let runs = try database.open().rerankRuns()
            switch format {
            case .json:
                print(try Output.json(runs))
            case .table:
                var table = TextTable(["run", "started", "kind", "status", "companies", "pairs scored", "rows written", "seconds", "blas", ""],
                                      rightAligned: [0, 4, 5, 6, 7])
                for run in runs {
                    table.append(["\(run.id)", run.startedAt, run.kind.rawValue, run.status.rawValue, run.companies.map(String.init) ?? "",
                                  run.pairsScored.map(String.init) ?? "", run.rowsWritten.map(String.init) ?? "",
                                  run.seconds.map { String(format: "%.1f", $0) } ?? "", run.blas ?? "", run.isCurrent ? "current" : ""])
                }
                print(table.text)
            }
        }
    }

    /// `liaison rankings ID`
    struct Rankings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A company's stored matches from the current run.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "The company's id.") var id: String
        @Option(help: "Only the list for this target country.") var country: String?
        @Option(help: "Output format.") var format: ListFormat = .table

        func run() throws {
            let db = try database.open()
            let (run, lists) = try db.rankings(of: id, country: country?.uppercased())
            let names = try db.companies(ids: lists.values.flatMap { $0.map(\.match) }).mapValues(\.company.name)
            let rows = lists.keys.sorted().flatMap { target in
                lists[target]!.map { entry in (target, entry) }
            }
            switch format {
            case .json:
                print(try Output.json(RankingsDocument(run: run.id, company: id, lists: lists)))
            case .csv:
                try Output.write(try CSVTable.data(
                    header: ["target_country", "rank", "match", "name", "score", "sector", "complementarity", "language", "size"],
                    rows: rows.map { target, e in
                        [target, "\(e.rank)", e.match, names[e.match] ?? "", MatchOutput.score(e.score), MatchOutput.score(e.sector),
                         MatchOutput.score(e.complementarity), MatchOutput.score(e.language), MatchOutput.score(e.size)]
                    }))
            case .table:
                var table = TextTable(["target", "rank", "match", "name", "score"], rightAligned: [1, 4])
                for (target, e) in rows { table.append([target, "\(e.rank)", e.match, names[e.match] ?? "", MatchOutput.score(e.score)]) }
                print(table.text)
                print("run \(run.id) of \(run.startedAt)")
            }
        }
    }
}

/// A run in one line of text.
enum RunText {
    static func line(_ run: RerankRun) -> String {
        "run \(run.id) (\(run.kind.rawValue), \(run.status.rawValue)): \(run.companies ?? 0) companies, \(run.pairsScored ?? 0) pairs scored, "
            + "\(run.rowsWritten ?? 0) rows written in \(String(format: "%.1f", run.seconds ?? 0)) s (\(run.blas ?? "?"))"
    }
}

/// `liaison rankings --format json`.
struct RankingsDocument: Encodable {
    var run: Int64
    var company: String
    var lists: [String: [StoredRankingEntry]]
}
