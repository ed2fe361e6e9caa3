import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("liaison rerank, runs, rankings")
struct RerankCLITests {
    /// The scenario's sizes: 20 delegates, 30 US and 25 Canadian firms.
    static let (delegates, us, ca) = (20, 30, 25)

    /// Every stored company, from `liaison export companies --format jsonl`.
    private func companies(in directory: URL) throws -> [CompanyDocument] {
        let run = try RerankScenario.succeed(["export", "companies", "--format", "jsonl"], in: directory)
        return try run.lines.map { try JSONDecoder().decode(CompanyDocument.self, from: Data($0.utf8)) }
    }

    /// The summary line `liaison rerank` prints for a run.
    private func summary(_ run: RunJSON) -> String {
        "run \(run.id) (\(run.kind), \(run.status)): \(run.companies ?? 0) companies, \(run.pairsScored ?? 0) pairs scored, "
            + "\(run.rowsWritten ?? 0) rows written in \(String(format: "%.1f", run.seconds ?? 0)) s (\(run.blas ?? "?"))"
    }

    // MARK: - rerank and runs

    @Test("rerank prints one summary line on stdout and logs the start and end of each stage on stderr")
    func rerankOutput() throws {
        try RerankScenario.withImported { directory in
            let k = 6
            let first = try RerankScenario.run(["rerank", "--top", "\(k)"], in: directory)
            #expect(first.status == 0, "\(first.stderr)")
            let hosts = Self.us + Self.ca
            let rows = Self.delegates * (min(k, Self.us) + min(k, Self.ca)) + hosts * min(k, Self.delegates)
            let pattern = #/run 1 \(full, done\): (\d+) companies, (\d+) pairs scored, (\d+) rows written in \d+\.\d s \((.+)\)/#
            let line = try #require(first.lines.count == 1 ? first.lines[0] : nil, "stdout: \(first.stdout)")
            let match = try #require(line.wholeMatch(of: pattern), "\(line)")
            #expect(Int(match.1) == Self.delegates + hosts)
            #expect(Int(match.2) == 2 * Self.delegates * hosts)
            #expect(Int(match.3) == rows)

            // Not a terminal: log lines, each stage started then done, in the order of the work.
            let log = ProgressLog(first.stderr)
            #expect(log.others.isEmpty, "\(log.others)")
            #expect(!first.stderr.contains("\r"))
            let stages = ["loading", "ranking CA", "ranking US", "ranking CN", "writing"]
            #expect(log.events == stages.flatMap { [ProgressLog.Event.started($0), .done($0)] }, "\(first.stderr)")

            // Nothing changed: an incremental run writes nothing.
            let second = try RerankScenario.succeed(["rerank", "--top", "\(k)", "--incremental"], in: directory)
            #expect(second.lines.count == 1)
            #expect(second.lines.first?.hasPrefix("run 2 (incremental, done): \(Self.delegates + hosts) companies, 0 pairs scored, 0 rows written in ") == true,
                    "\(second.stdout)")
            #expect(ProgressLog(second.stderr).others.isEmpty)

            // Changed weights: the incremental run is a full one, and says why on a second line.
            try RerankScenario.succeed(["weights", "set", "language", "0.3"], in: directory)
            let third = try RerankScenario.succeed(["rerank", "--top", "\(k)", "--incremental"], in: directory)
            #expect(third.lines.count == 2, "\(third.stdout)")
            #expect(third.lines.first?.hasPrefix("run 3 (full, done): ") == true, "\(third.stdout)")
            #expect(third.lines.last == "  full run: the weights changed")

            // The summary lines say what `liaison runs` records.
            let runs = try RerankScenario.runs(in: directory)
            #expect(runs.map(\.id) == [3, 2, 1])
            #expect([third.lines.first, second.lines.first, first.lines.first] == runs.map(summary))
        }
    }

    @Test("runs lists every run newest first, in JSON and as a table, the current one marked")
    func runsListing() throws {
        try RerankScenario.withImported { directory in
            #expect(try RerankScenario.runs(in: directory).isEmpty)
            let empty = try RerankScenario.succeed(["runs"], in: directory)
            #expect(empty.lines.count == 1 && empty.lines[0].hasPrefix("run "), "only the header: \(empty.stdout)")

            try RerankScenario.succeed(["rerank", "--top", "5"], in: directory)
            let db = try RerankScenario.open(in: directory)
            var changed = try db.company(id: "US-0003").company
            changed.languages = changed.languages.contains("fr") ? ["en"] : changed.languages + ["fr"]
            try db.save([changed])
            try RerankScenario.succeed(["rerank", "--top", "5", "--incremental"], in: directory)
            try RerankScenario.succeed(["rerank", "--top", "5", "--countries", "US"], in: directory)

            let runs = try RerankScenario.runs(in: directory)
            let hosts = Self.us + Self.ca
            try #require(runs.map(\.id) == [3, 2, 1])
            #expect(runs.map(\.kind) == ["full", "incremental", "full"])
            #expect(runs.allSatisfy { $0.status == "done" && $0.topK == 5 && $0.finishedAt != nil && $0.seconds != nil && $0.blas != nil })
            #expect(runs.map(\.isCurrent) == [true, false, false])
            #expect(runs.map(\.countries) == [["US"], ["CA", "US"], ["CA", "US"]])
            #expect(runs.map(\.companies) == [Self.delegates + Self.us, Self.delegates + hosts, Self.delegates + hosts])
            #expect(runs[2].pairsScored == 2 * Self.delegates * hosts && runs[0].pairsScored == 2 * Self.delegates * Self.us)
            #expect(runs[2].rowsWritten == Self.delegates * 10 + hosts * 5)
            // The changed US firm: every delegate's US list scores it again, its own list is made again.
            #expect((runs[1].pairsScored ?? 0) >= 2 * Self.delegates && (runs[1].pairsScored ?? .max) < 2 * Self.delegates * hosts)
            // The table shows per run what the JSON says.
            let table = try RerankScenario.succeed(["runs"], in: directory).lines
            try #require(table.count == 4, "\(table)")
            let header = table[0].split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            #expect(header == "run started kind status companies pairs scored rows written seconds blas")
            for (line, run) in zip(table.dropFirst(), runs) {
                let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                #expect(Array(fields.prefix(7)) == ["\(run.id)", run.startedAt, run.kind, run.status, "\(run.companies!)", "\(run.pairsScored!)",
                                                    "\(run.rowsWritten!)"], "\(line)")
                #expect(fields.contains(run.blas!))
                #expect((fields.last == "current") == run.isCurrent, "\(line)")
            }
        }
    }

    @Test("rerank refuses an empty list of countries, which would leave no rankings, and a country named twice")
    func countriesValidation() throws {
        try RerankScenario.withImported { directory in
            try RerankScenario.succeed(["rerank", "--top", "4"], in: directory)
            let doubled = try RerankScenario.run(["rerank", "--top", "4", "--countries", "US,US"], in: directory)
            let pairs = try RerankScenario.runs(in: directory).first?.pairsScored
            #expect(doubled.status != 0 || pairs == 2 * Self.delegates * Self.us, "exit \(doubled.status), \(pairs ?? 0) pairs scored")
            for countries in ["", ","] {
                try RerankScenario.succeed(["rerank", "--top", "4"], in: directory)
                let empty = try RerankScenario.run(["rerank", "--top", "4", "--countries", countries], in: directory)
                let lists = try RerankScenario.rankings("CN-0001", in: directory).lists
                #expect(empty.status != 0, "--countries '\(countries)': \(empty.stdout)")
                #expect(!lists.isEmpty, "the rankings are still there")
            }
            // A negative --top reaches validation, instead of being read as an option.
            let negative = try RerankScenario.run(["rerank", "--top", "-2"], in: directory)
            #expect(negative.status != 0 && negative.stderr.contains("--top must be at least 1"), "\(negative.stderr)")
        }
    }

    // MARK: - rankings

    @Test("rankings shows a company's lists of the current run: the formula's best, by country, as JSON, CSV and a table")
    func rankings() throws {
        try RerankScenario.withImported { directory in
            let k = 7
            try RerankScenario.succeed(["rerank", "--top", "\(k)"], in: directory)
            let documents = try companies(in: directory)
            let reference = ReferenceScore()
            for id in ["CN-0004", "CN-0017", "US-0002", "CA-0011"] {
                let subject = try #require(documents.first { $0.id == id })
                let json = try RerankScenario.rankings(id, in: directory)
                #expect(json.run == 1 && json.company == id)
                let targets = subject.country == "CN" ? ["CA", "US"] : ["CN"]
                #expect(json.lists.keys.sorted() == targets)
                for target in targets {
                    let entries = try #require(json.lists[target])
                    let expected = reference.ranking(ReferenceScore.Profile(subject), among: documents.filter { $0.country == target }, top: k)
                    let scores = Dictionary(uniqueKeysWithValues: documents.filter { $0.country == target }
                        .map { ($0.id, reference.score(ReferenceScore.Profile(subject), ReferenceScore.Profile($0))) })
                    #expect(entries.map(\.rank) == Array(1...k))
                    #expect(entries.count == expected.count)
                    for (entry, wanted) in zip(entries, expected) {
                        #expect(abs(entry.score - wanted.score) <= 1e-5, "\(id) → \(target) rank \(entry.rank): \(entry.match) \(entry.score), expected \(wanted)")
                        if entry.match != wanted.id {
                            #expect(abs((scores[entry.match] ?? -1) - wanted.score) <= 1e-6, "\(entry.match) in place of \(wanted.id), not a tie")
                        }
                        let match = try #require(documents.first { $0.id == entry.match })
                        let terms = reference.components(ReferenceScore.Profile(subject), ReferenceScore.Profile(match))
                        #expect(abs(entry.sector - terms.sector) <= 1e-5 && abs(entry.complementarity - terms.complementarity) <= 1e-5
                                && abs(entry.language - terms.language) <= 1e-5 && abs(entry.size - terms.size) <= 1e-5,
                                "components of \(id) with \(entry.match)")
                    }
                    // One country only.
                    let one = try RerankScenario.rankings(id, country: target.lowercased(), in: directory)
                    #expect(one.lists == [target: entries])
                }

                // The CSV and the table say what the JSON says.
                let rows = try RerankScenario.succeed(["rankings", id, "--format", "csv"], in: directory).stdout
                let csv = parseCSV(rows)
                #expect(csv.first == ["target_country", "rank", "match", "name", "score", "sector", "complementarity", "language", "size"])
                let jsonRows = targets.flatMap { target in json.lists[target]!.map { (target, $0) } }
                #expect(csv.count == jsonRows.count + 1)
                for (row, (target, entry)) in zip(csv.dropFirst(), jsonRows) {
                    let name = documents.first { $0.id == entry.match }?.name
                    #expect(row == [target, "\(entry.rank)", entry.match, name ?? "", String(format: "%.4f", entry.score),
                                    String(format: "%.4f", entry.sector), String(format: "%.4f", entry.complementarity),
                                    String(format: "%.4f", entry.language), String(format: "%.4f", entry.size)])
                }
                let table = try RerankScenario.succeed(["rankings", id], in: directory).lines
                let run = try #require(try RerankScenario.runs(in: directory).first)
                #expect(table.last == "run 1 of \(run.startedAt)")
                #expect(table.count == jsonRows.count + 2)
                for (line, (target, entry)) in zip(table.dropFirst().dropLast(), jsonRows) {
                    let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                    #expect(Array(fields.prefix(3)) == [target, "\(entry.rank)", entry.match] && fields.last == String(format: "%.4f", entry.score), "\(line)")
                }
            }
        }
    }

    @Test("rankings refuses a database without runs and an unknown company, naming it")
    func rankingsErrors() throws {
        try RerankScenario.withImported { directory in
            expectRefused(try RerankScenario.run(["rankings", "CN-0001"], in: directory), mentioning: ["no rankings yet", "liaison rerank"])
            try RerankScenario.succeed(["rerank", "--top", "3"], in: directory)
            expectRefused(try RerankScenario.run(["rankings", "CN-9999"], in: directory), mentioning: ["'CN-9999'"])
            expectRefused(try RerankScenario.run(["rankings", "NOPE-1", "--format", "json"], in: directory), mentioning: ["'NOPE-1'"])
        }
    }

    // MARK: - match from the rankings

    @Test("match answers from the rankings while nothing it depends on changed, and live otherwise")
    func matchFreshness() throws {
        try RerankScenario.withImported { directory in
            // More than `liaison match`'s default --top of 10.
            let k = 12
            try RerankScenario.succeed(["rerank", "--top", "\(k)"], in: directory)
            let db = try RerankScenario.open(in: directory)

            /// `liaison match` answers from the rankings of `run`, the same as `--live`.
            func expectRanked(_ id: String, _ arguments: [String] = [], run: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let ranked = try RerankScenario.match(id, arguments, in: directory, sourceLocation: sourceLocation)
                let live = try RerankScenario.match(id, arguments + ["--live"], in: directory, sourceLocation: sourceLocation)
                #expect(ranked.source.hasPrefix("rankings of run \(run) ("), "\(id) \(arguments): \(ranked.source)", sourceLocation: sourceLocation)
                #expect(live.source == "live", sourceLocation: sourceLocation)
                #expect(ranked.subject == id, sourceLocation: sourceLocation)
                RankingComparison.expectSame(ranked.matches.map { ($0.id, $0.score) }, live.matches.map { ($0.id, $0.score) },
                                             "liaison match \(id) \(arguments)", sourceLocation: sourceLocation)
                for (a, b) in zip(ranked.matches, live.matches) where a.id == b.id {
                    #expect(a.rank == b.rank && a.name == b.name && a.country == b.country && a.reasons == b.reasons,
                            "\(id): \(a.id) \(a.reasons) vs \(b.reasons)", sourceLocation: sourceLocation)
                    #expect(a.components.keys == b.components.keys && a.components.allSatisfy { abs($0.value - b.components[$0.key]!) <= 1e-6 },
                            sourceLocation: sourceLocation)
                }
            }
            func expectLive(_ id: String, _ arguments: [String] = [], _ why: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
                let answer = try RerankScenario.match(id, arguments, in: directory, sourceLocation: sourceLocation)
                #expect(answer.source == "live", "\(id) \(arguments) \(why): \(answer.source)", sourceLocation: sourceLocation)
            }

            for (id, arguments) in [("CN-0003", []), ("CN-0003", ["--country", "US"]), ("CN-0003", ["--top", "\(k)"]),
                                    ("US-0002", []), ("CA-0005", ["--country", "CN", "--top", "3"]), ("CN-0010", ["--min-score", "0.3"])] {
                try expectRanked(id, arguments, run: 1)
            }
            // The table says where the answer comes from.
            let table = try RerankScenario.succeed(["match", "CN-0003"], in: directory).lines
            let run = try #require(try RerankScenario.runs(in: directory).first)
            #expect(table.last == "(from the rankings of run 1 (\(run.startedAt)); nothing has changed since)")
            let liveTable = try RerankScenario.succeed(["match", "CN-0003", "--live"], in: directory).lines
            #expect(liveTable.count == table.count - 1 && liveTable.last?.hasPrefix("(from") == false)

            try expectLive("CN-0003", ["--top", "\(k + 1)"], "more matches than the run kept")
            let weightsFile = directory.appendingPathComponent("weights.json")
            try Data(#"{"size": 0.3}"#.utf8).write(to: weightsFile)
            try expectLive("CN-0003", ["--weights", weightsFile.path], "weights given for this query")

            // The company itself changes: its answers, and those of every firm (whose candidates it is), are live.
            var delegate = try db.company(id: "CN-0003").company
            delegate.languages = delegate.languages.contains("fr") ? ["zh"] : delegate.languages + ["fr"]
            #expect(try db.save([delegate]).updated == 1)
            try expectLive("CN-0003", [], "the company changed")
            try expectLive("US-0002", [], "one of its candidates changed")

            // Rerun; then a Canadian firm changes: the delegate's US list still answers, its full answer does not.
            try RerankScenario.succeed(["rerank", "--top", "\(k)", "--incremental"], in: directory)
            try expectRanked("CN-0003", [], run: 2)
            var firm = try db.company(id: "CA-0009").company
            firm.size = firm.size == .micro ? .enterprise : .micro
            #expect(try db.save([firm]).updated == 1)
            try expectRanked("CN-0003", ["--country", "US"], run: 2)
            try expectRanked("US-0002", [], run: 2)
            try expectLive("CN-0003", [], "a Canadian candidate changed")
            try expectLive("CN-0003", ["--country", "CA"], "a Canadian candidate changed")
            try expectLive("CA-0005", [], "its own country changed")

            // Changed weights: everything is live until the next run.
            try RerankScenario.succeed(["rerank", "--top", "\(k)", "--incremental"], in: directory)
            try expectRanked("US-0002", [], run: 3)
            try RerankScenario.succeed(["weights", "set", "sector", "0.25"], in: directory)
            try expectLive("US-0002", [], "the weights changed")
            try expectLive("CN-0003", ["--country", "US"], "the weights changed")
            try RerankScenario.succeed(["rerank", "--top", "\(k)", "--incremental"], in: directory)
            try expectRanked("US-0002", [], run: 4)
        }
    }

    @Test("match of a delegate after a run that ranked only US firms still answers over every host")
    func matchAfterRunOfOneCountry() throws {
        try RerankScenario.withImported { directory in
            try RerankScenario.succeed(["rerank", "--top", "8", "--countries", "US"], in: directory)
            let ranked = try RerankScenario.match("CN-0003", ["--top", "8"], in: directory)
            let live = try RerankScenario.match("CN-0003", ["--top", "8", "--live"], in: directory)
            #expect(live.matches.contains { $0.country == "CA" }, "the live answer includes Canadian firms")
            #expect(ranked.source == "live" || ranked.matches.map(\.id) == live.matches.map(\.id),
                    "\(ranked.source): \(ranked.matches.map(\.id)) instead of \(live.matches.map(\.id))")
        }
    }

    // MARK: - The lock and crashes

    @Test("while another rerank holds the lock, rerank exits 75 at once, says so in one line and writes nothing")
    func lockHeld() throws {
        try RerankScenario.withImported { directory in
            try RerankScenario.succeed(["rerank", "--top", "4"], in: directory)
            let runs = try RerankScenario.runs(in: directory)
            let db = try RerankScenario.open(in: directory)
            let rows = try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ranking_entry") }
            var lock = try RerankLock(databasePath: directory.appendingPathComponent(RerankScenario.database).path)
            #expect(lock != nil)
            for arguments in [["rerank"], ["rerank", "--incremental", "--top", "4"]] {
                let refused = try RerankScenario.run(arguments, in: directory)
                #expect(refused.status == 75)
                #expect(refused.stdout.isEmpty)
                let lines = refused.stderr.split(separator: "\n").map(String.init)
                #expect(lines.count == 1 && lines[0].contains("another rerank is running") && lines[0].contains(RerankScenario.database),
                        "\(refused.stderr)")
            }
            #expect(try RerankScenario.runs(in: directory) == runs)
            #expect(try db.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ranking_entry") } == rows)
            lock = nil
            let after = try RerankScenario.run(["rerank", "--top", "4"], in: directory)
            #expect(after.status == 0, "the lock is free again: \(after.stderr)")
        }
    }

    @Test("a run recorded as running is listed as running while a process holds the rerank lock, and as interrupted once none does (its process was killed)")
    func killedRunListedInterrupted() throws {
        try RerankScenario.withImported { directory in
            try RerankScenario.succeed(["rerank", "--top", "4"], in: directory)
            let db = try RerankScenario.open(in: directory)
            // What a rerank killed with -9 leaves: its run still recorded as running.
            try db.writer.write { db in try db.execute(sql: "UPDATE rerank_run SET status = 'running'") }
            var lock = try RerankLock(databasePath: directory.appendingPathComponent(RerankScenario.database).path)
            #expect(lock != nil)
            #expect(try db.rerankRuns().map(\.status) == [.running])
            #expect(RerankLock.isHeld(databasePath: directory.appendingPathComponent(RerankScenario.database).path))
            lock = nil
            #expect(try db.rerankRuns().map(\.status) == [.interrupted])
            let listed = try RerankScenario.run(["runs"], in: directory)
            #expect(listed.stdout.contains("interrupted") && !listed.stdout.contains("running"), "\(listed.stdout)")
        }
    }

    @Test("on a terminal, a stage's rate is shown only once it has run long enough to measure one: never more than its total work in half a second")
    func terminalRatesArePlausible() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            withKnownIssue("no script(1) here to give the command a terminal") { Issue.record("skipped") }
            return
        }
        try RerankScenario.withImported(delegates: 60, us: 300, ca: 200) { directory in
            let command = "\(LiaisonBinary.executable.path) rerank --db \(RerankScenario.database)"
            let run = try LiaisonBinary.run(["-qec", command, "/dev/null"], in: directory, executable: URL(fileURLWithPath: "/usr/bin/script"))
            #expect(run.status == 0, "\(run.stdout)")
            let draws = run.stdout.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).compactMap { $0.firstMatch(of: #/(\d+)/(\d+)(, (\d+)/s)?/#) }
            #expect(!draws.isEmpty, "no progress bar: \(run.stdout)")
            for draw in draws {
                guard let total = Double(draw.2), let rate = draw.4.flatMap({ Double($0) }) else { continue }
                #expect(rate <= total / 0.5, "\(draw.0)")
            }
        }
    }

    /// Runs `body` while this process holds the database's write lock, as a rerank does while it
    /// writes its rows (one `BEGIN IMMEDIATE` transaction), then rolls back.
    private func holdingWriteLock(_ db: LiaisonDatabase, _ body: () throws -> Void) throws {
        try db.writer.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            try body()
        }
    }

    /// Readers must not wait for a rerank's write, which takes minutes on a large catalog. The
    /// deadline (3 s, for commands that take a fraction of a second) only tells a command that
    /// waits for the lock from one that does not; it is below SQLite's busy timeout (10 s).
    @Test("match, rankings and runs answer while a rerank holds the write lock, without waiting for it")
    func readersDoNotWaitForTheWriter() throws {
        try RerankScenario.withImported { directory in
            try RerankScenario.succeed(["rerank", "--top", "12"], in: directory)
            let db = try RerankScenario.open(in: directory)
            try holdingWriteLock(db) {
                for arguments in [["match", "CN-0003"], ["match", "US-0002", "--live"], ["rankings", "CN-0003"], ["runs"]] {
                    let child = try LiaisonChild(arguments + ["--db", RerankScenario.database], in: directory)
                    #expect(child.waitForExit(timeout: 3), "liaison \(arguments) waits for the writer")
                    #expect(child.wait() == 0, "\(child.stderr)")
                }
            }
            // A company changed since the feature snapshot was stored: a live match brings the
            // features up to date, and would store them only if it could do so at once.
            var company = try db.company(id: "CA-0004").company
            company.languages = company.languages.contains("fr") ? ["en"] : ["en", "fr"]
            try db.save([company])
            var child: LiaisonChild?
            try holdingWriteLock(db) {
                child = try LiaisonChild(["match", "CN-0003", "--live", "--format", "json", "--db", RerankScenario.database], in: directory)
                let finished = child!.waitForExit(timeout: 3)
                #expect(finished, "liaison match --live waits for the writer")
            }
            let match = try #require(child)
            #expect(match.wait() == 0, "\(match.stderr)")
            let answer = try JSONDecoder().decode(MatchJSON.self, from: Data(match.stdout.utf8))
            #expect(answer.source == "live" && answer.matches.count == 10)
        }
    }

    /// A rerank is killed (SIGKILL) at random moments: early, while ranking, early and late in writing,
    /// each time after the weights and a few companies changed (so it has much to write). After
    /// each kill the file is intact and the previous run still current with the same rankings;
    /// the next rerank marks the killed run interrupted and becomes current. Meanwhile a second
    /// rerank finds the lock taken.
    @Test("a rerank killed at any moment leaves the file intact and the previous run current; the next rerank succeeds")
    func crashSafety() throws {
        try RerankScenario.withImported(seed: 23, delegates: 1000, us: 1500, ca: 1000) { directory in
            let k = "20"
            try RerankScenario.succeed(["rerank", "--top", k], in: directory)
            let seed = UInt64(Date().timeIntervalSince1970 * 1000)
            var random = SeededGenerator(seed: seed)
            let samples = [("CN-0001", nil), ("CN-0777", "US"), ("US-0042", nil), ("CA-0999", nil)] as [(String, String?)]
            let stages: [(wait: String, delay: ClosedRange<Double>)] = [
                ("loading: started", 0...0.15), ("ranking US: started", 0...0.1), ("writing: started", 0.05...0.4), ("writing: started", 0.4...1.0),
            ]
            var interrupted = 0
            for (trial, stage) in stages.enumerated() {
                let db = try RerankScenario.open(in: directory)
                try db.setScoreWeight(.sector, to: 0.2 + 0.02 * Double(trial + 1))
                var edited = try ["CN-0005", "US-0100", "CA-0200"].map { try db.company(id: $0).company }
                for index in edited.indices { edited[index].languages = edited[index].languages.contains("fr") ? ["en"] : ["fr", "en"] }
                try db.save(edited)
                let before = try #require(try db.rerankRuns().first(where: \.isCurrent))
                let rankings = try samples.map { try RerankScenario.succeed(["rankings", $0.0, "--format", "json"] + ($0.1.map { ["--country", $0] } ?? []),
                                                                            in: directory).stdout }
                let visible = try Self.visibleRows(db, run: before.id)

                let child = try LiaisonChild(["rerank", "--db", RerankScenario.database, "--top", k] + (trial % 2 == 1 ? ["--incremental"] : []),
                                             in: directory)
                #expect(child.waitForStderr(stage.wait), "trial \(trial): \(child.stderr)")
                if trial == 2 {
                    // Meanwhile, a second rerank finds the lock taken and leaves at once.
                    let second = try RerankScenario.run(["rerank"], in: directory)
                    #expect(second.status == 75, "\(second.stderr)")
                    #expect(child.process.isRunning, "the second rerank did not wait for the first")
                }
                usleep(useconds_t(Double.random(in: stage.delay, using: &random) * 1_000_000))
                let killed = child.killNow()
                let label = "delays of seed \(seed), trial \(trial), killed after \(stage.wait): \(killed)"

                // The file is intact.
                let reopened = try RerankScenario.open(in: directory)
                #expect(try reopened.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } == ["ok"], "\(label)")
                let runs = try reopened.rerankRuns()
                let current = try #require(runs.first { $0.isCurrent }, "\(label)")
                if killed, current.id == before.id {
                    interrupted += 1
                    // The killed run, if it got as far as recording itself, is listed as interrupted (no
                    // process holds the lock any more), and is not current.
                    #expect(runs.filter { $0.id > before.id }.allSatisfy { $0.status == .interrupted && !$0.isCurrent }, "\(label): \(runs)")
                    #expect(try Self.visibleRows(reopened, run: before.id) == visible, "\(label)")
                    for (sample, expected) in zip(samples, rankings) {
                        let now = try RerankScenario.succeed(["rankings", sample.0, "--format", "json"] + (sample.1.map { ["--country", $0] } ?? []),
                                                             in: directory).stdout
                        #expect(now == expected, "\(label): rankings of \(sample.0)")
                    }
                } else {
                    // Killed after its commit (or it ended first): then it is complete and current.
                    #expect(current.id > before.id && current.status == .done, "\(label): \(runs)")
                }
                let killedRun = runs.first { $0.id > before.id }

                // The next rerank succeeds, becomes current, and records the killed run as interrupted.
                let next = try RerankScenario.succeed(["rerank", "--top", k, "--incremental"], in: directory)
                #expect(next.lines.first?.hasPrefix("run ") == true)
                let after = try reopened.rerankRuns()
                let newest = try #require(after.first)
                #expect(newest.isCurrent && newest.status == .done && newest.id > (killedRun?.id ?? before.id), "\(label): \(after)")
                let leftRows = try reopened.writer.read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) - (SELECT TOTAL(rows) FROM ranking_segment) FROM ranking_entry")
                }
                #expect(leftRows == 0, "\(label): rows of no recorded segment are deleted")
                if let killedRun, killedRun.status == .running {
                    let recorded = after.first { $0.id == killedRun.id }
                    #expect(recorded?.status == .interrupted && recorded?.message?.isEmpty == false && recorded?.isCurrent == false, "\(label)")
                }
                // Its rankings are live matching's.
                for sample in samples.prefix(2) {
                    let stored = try RerankScenario.rankings(sample.0, in: directory)
                    #expect(stored.run == Int(newest.id))
                    for (target, entries) in stored.lists {
                        let live = try RerankScenario.match(sample.0, ["--live", "--top", k, "--country", target], in: directory)
                        RankingComparison.expectSame(entries.map { ($0.match, $0.score) }, live.matches.map { ($0.id, $0.score) },
                                                     "\(label): \(sample.0) → \(target)")
                    }
                }
            }
            #expect(interrupted >= 2, "most kills land before the commit")
        }
    }

    /// How many ranking rows a run sees, and the sum of their scores.
    static func visibleRows(_ db: LiaisonDatabase, run: Int64) throws -> [Double] {
        try db.writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), TOTAL(score) FROM ranking WHERE run = ?
                """, arguments: [run])!
            return [row[0], row[1]]
        }
    }
}
