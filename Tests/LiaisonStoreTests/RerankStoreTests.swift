import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Rerank runs and stored rankings") struct RerankStoreTests {
    /// A database of `storage` holding a random catalog of `seed`: 30–80 delegates and 60–200
    /// host firms, twins among them.
    private func withCatalog<T>(_ storage: Storage = .memory, seed: UInt64, delegates: Int? = nil, hosts: Int? = nil,
                                _ body: (LiaisonDatabase, inout RerankCatalog) throws -> T) throws -> T {
        var catalog = RerankCatalog(seed: seed)
        let delegates = delegates ?? 30 + catalog.random.below(51), hosts = hosts ?? 60 + catalog.random.below(141)
        let companies = catalog.companies(delegates: delegates, hosts: hosts)
        return try storage.withDatabase { db in
            try db.save(companies)
            return try body(db, &catalog)
        }
    }

    private func options(top: Int, incremental: Bool = false, keep: Int = 10, countries: [String] = MatchSides.hosts,
                         rowsPerTransaction: Int = 65_536) -> RerankOptions {
        RerankOptions(top: top, incremental: incremental, countries: countries, keepRuns: keep, threads: 2,
                      rowsPerTransaction: rowsPerTransaction)
    }

    // MARK: - Exactness

    @Test("after random edits an incremental run stores what a full run of the same data stores, and both are exact",
          arguments: [(1, Storage.memory), (2, .memory), (3, .file), (4, .memory)] as [(UInt64, Storage)])
    func incrementalEqualsFull(seed: UInt64, storage: Storage) throws {
        try withCatalog(storage, seed: seed) { db, catalog in
            let k = 3 + catalog.random.below(8)
            let first = try db.rerank(options(top: k))
            #expect(first.kind == .full && first.status == .done && first.isCurrent)
            for round in 1...3 {
                // The last round changes more than the lists' reserve can absorb (of the larger
                // host country, whose lists are partial: a complete list always merges).
                let sizes = try MatchSides.hosts.map { try db.companies(country: $0).count }
                let country = sizes[0] > sizes[1] ? MatchSides.hosts[0] : MatchSides.hosts[1]
                let edits = round < 3 ? try catalog.editAtRandom(db) : ["most of \(country) degraded"]
                let degraded = round < 3 ? 0 : try catalog.degradeMost(of: country, in: db)
                let run = try db.rerank(options(top: k, incremental: true))
                let comment: Comment = "seed \(seed), k \(k), round \(round): \(edits)"
                #expect(run.kind == .incremental && run.status == .done && run.isCurrent, comment)
                if degraded > 0 { #expect((run.listsRecomputed ?? 0) > degraded, "\(comment): lists made again") }
                #expect(try db.currentRun().id == run.id)
                let fresh = try db.freshCopy()
                let full = try fresh.rerank(options(top: k))
                #expect(full.kind == .full)
                try RankingExpectations.expectSameRankings(db, fresh, comment)
                try RankingExpectations.expectExact(db, comment)
            }
        }
    }

    /// Renaming companies changes their revision but not their scores. An incremental run scores
    /// them again — against the changed candidates only, a smaller sgemm than the full run's —
    /// and keeps their twins' scores from the previous run: rounded differently, equal scores
    /// come out an ulp apart, and a twin with the higher id can rank first.
    @Test("twins keep the lower id first when an incremental run scores one of them again")
    func twinsAfterRenames() throws {
        try withCatalog(seed: 17, delegates: 60, hosts: 150) { db, _ in
            _ = try db.rerank(options(top: 10))
            try RankingExpectations.expectExact(db, "full run")
            // The lowest id of every set of twins is renamed, nothing else.
            let companies = try db.companies().map(\.company)
            let twinSets = Dictionary(grouping: companies) { "\($0.country) \($0.offers.text) \($0.seeks.text) \($0.languages) \($0.size?.rawValue ?? "")" }
                .values.filter { $0.count > 1 }
            let renamed = twinSets.map { twins -> Company in
                var company = twins.min { $0.id < $1.id }!
                company.name += " (renamed)"
                return company
            }
            #expect(renamed.count > 10)
            try db.save(renamed)
            let run = try db.rerank(options(top: 10, incremental: true))
            #expect(run.kind == .incremental)
            let fresh = try db.freshCopy().rerankedFully(top: 10)
            // Strictly: every difference from the full run fails here.
            var differences = 0, example = ""
            for company in companies where MatchSides.takesPart(company.country) {
                let mine = try db.rankings(of: company.id).lists, theirs = try fresh.rankings(of: company.id).lists
                if mine.mapValues({ $0.map(\.match) }) != theirs.mapValues({ $0.map(\.match) }) {
                    differences += 1
                    if differences == 1 {
                        example = "\(company.id): \(mine.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.map { "\($0.match) \($0.score)" })" }) "
                            + "after the incremental run, \(theirs.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.map { "\($0.match) \($0.score)" })" }) after a full one"
                    }
                }
            }
            #expect(differences == 0, "\(differences) companies' rankings differ from a full run's, e.g. \(example)")
        }
    }

    @Test("changed weights make an incremental run a full one, as exact as any", arguments: [Storage.memory, .file])
    func weightsChangeMakesFullRun(storage: Storage) throws {
        try withCatalog(storage, seed: 5) { db, catalog in
            _ = try db.rerank(options(top: 6))
            try catalog.editAtRandom(db)
            try db.setScoreWeight(.language, to: 0.35)
            let run = try db.rerank(options(top: 6, incremental: true))
            #expect(run.kind == .full)
            #expect(run.message?.contains("the weights changed") == true, "\(run.message ?? "no message")")
            #expect(run.pairsScored == 2 * (try db.count("SELECT COUNT(*) FROM company WHERE country = 'CN'"))
                * (try db.count("SELECT COUNT(*) FROM company WHERE country IN ('US', 'CA')")))
            try RankingExpectations.expectExact(db, "new weights")
            try RankingExpectations.expectSameRankings(db, try db.freshCopy().rerankedFully(top: 6), "new weights")

            // A full run asked for as such has nothing to explain.
            try db.setScoreWeight(.language, to: 0.15)
            let plain = try db.rerank(options(top: 6))
            #expect(plain.kind == .full)
            #expect(plain.message == nil, "\(plain.message ?? "")")
        }
    }

    @Test("another top or other countries also make an incremental run a full one")
    func settingsChangeMakesFullRun() throws {
        try withCatalog(seed: 6, delegates: 30, hosts: 70) { db, _ in
            _ = try db.rerank(options(top: 5))
            let top = try db.rerank(options(top: 7, incremental: true))
            #expect(top.kind == .full && top.topK == 7)
            #expect(top.message?.contains("another number of matches") == true, "\(top.message ?? "no message")")
            try RankingExpectations.expectExact(db, "top 7")

            let usOnly = try db.rerank(options(top: 7, incremental: true, countries: ["US"]))
            #expect(usOnly.kind == .full && usOnly.countries == ["US"])
            #expect(usOnly.message?.contains("the countries changed") == true, "\(usOnly.message ?? "no message")")
            try RankingExpectations.expectExact(db, "US only")
            for host in try db.companies(country: "CA") {
                #expect(try db.rankings(of: host.company.id).lists.isEmpty, "\(host.company.id) is not ranked any more")
            }
        }
    }

    @Test("with nothing changed an incremental run scores nothing, writes nothing, and the view shows the same rankings")
    func unchangedDataWritesNothing() throws {
        try withCatalog(seed: 7) { db, _ in
            let first = try db.rerank(options(top: 8))
            let rows = try db.count("SELECT COUNT(*) FROM ranking_entry")
            let second = try db.rerank(options(top: 8, incremental: true))
            #expect(second.kind == .incremental && second.status == .done && second.isCurrent)
            #expect(second.rowsWritten == 0)
            #expect(second.pairsScored == 0)
            #expect(second.listsRecomputed == 0)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == rows)
            let view = try db.rankingView(run: second.id)
            #expect(!view.isEmpty)
            #expect(view == (try db.rankingView(run: first.id)))
        }
    }

    // MARK: - Runs

    @Test("a run records what it did: kind, status, companies, pairs scored and rows written")
    func runRecords() throws {
        try withCatalog(seed: 8, delegates: 40, hosts: 90) { db, catalog in
            let k = 5
            let start = Date()
            let run = try db.rerank(options(top: k))
            let delegates = try db.companies(country: "CN").count
            let us = try db.companies(country: "US").count, ca = try db.companies(country: "CA").count
            #expect(run.id == 1 && run.kind == .full && run.status == .done && run.isCurrent)
            #expect(run.topK == k && run.countries == MatchSides.hosts)
            #expect(run.companies == delegates + us + ca)
            #expect(run.pairsScored == 2 * delegates * (us + ca))
            // Every published entry is a new row: k per list, or every candidate when fewer.
            let expectedRows = delegates * (min(k, us) + min(k, ca)) + (us + ca) * min(k, delegates)
            #expect(run.rowsWritten == expectedRows)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == expectedRows)
            #expect(run.finishedAt != nil && run.seconds.map { $0 >= 0 } == true && run.blas != nil && run.message == nil)
            #expect(run.startedAt >= Timestamp.string(start.addingTimeInterval(-1)) && run.startedAt <= run.finishedAt!)
            #expect(try db.rerankRuns() == [run])

            try catalog.editAtRandom(db)
            let second = try db.rerank(options(top: k, incremental: true))
            // Rows written: the run's segment of changes, entries new or changed and entries gone.
            let changed = try db.count("SELECT COUNT(*) FROM ranking_entry WHERE segment = ? AND score IS NOT NULL", [second.id])
            let gone = try db.count("SELECT COUNT(*) FROM ranking_entry WHERE segment = ? AND score IS NULL", [second.id])
            #expect(second.rowsWritten == changed + gone)
            #expect(changed > 0 && second.rowsWritten! < expectedRows)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_segment WHERE run = ? AND complete = 1 AND rows = ?", [run.id, expectedRows]) == 1)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_segment WHERE run = ? AND complete = 0 AND rows = ?",
                                 [second.id, second.rowsWritten!]) == 1)
            let runs = try db.rerankRuns()
            #expect(runs.map(\.id) == [second.id, run.id], "newest first")
            #expect(runs.map(\.isCurrent) == [true, false])
            #expect(runs.map(\.kind) == [.incremental, .full])
        }
    }

    @Test("a run becomes current when it commits, not before: meanwhile readers see the previous run")
    func currentOnlyWhenCommitted() throws {
        try withCatalog(.file, seed: 9) { db, catalog in
            let first = try db.rerank(options(top: 6))
            let delegate = try db.companies(country: "CN")[0].company.id
            let before = try db.rankings(of: delegate).lists
            try db.setScoreWeight(.sector, to: 0.3)
            try catalog.editAtRandom(db)
            // A second connection, as `liaison match` would have, reads while the run works.
            let reader = try LiaisonDatabase.open(path: try #require(db.path), mode: .mustExist)
            let seen = Observations<[(stage: String, newest: RerankRun?, current: Int64?, rankings: [String: [StoredRankingEntry]]?)]>([])
            // As `liaison rerank` does, the run holds the lock: readers see it running.
            let lock = try RerankLock(databasePath: try #require(db.path))
            defer { withExtendedLifetime(lock) {} }
            let second = try db.rerank(options(top: 6, incremental: true)) { progress in
                guard seen.current.last?.stage != progress.stage else { return }
                let runs = try? reader.rerankRuns()
                let rankings = try? reader.rankings(of: delegate).lists
                seen.update { $0.append((progress.stage, runs?.first, runs?.first(where: \.isCurrent)?.id, rankings)) }
            }
            let stages = seen.current
            #expect(stages.map(\.stage).contains("writing"))
            for stage in stages {
                #expect(stage.newest?.id == second.id && stage.newest?.status == .running && stage.newest?.isCurrent == false, "\(stage.stage)")
                #expect(stage.current == first.id, "\(stage.stage)")
                #expect(stage.rankings == before, "\(stage.stage)")
            }
            #expect(try reader.currentRun().id == second.id)
            #expect(try reader.rerankRuns().first?.status == .done)
            try RankingExpectations.expectExact(reader, "after the commit")
        }
    }

    @Test("a run that fails is recorded as failed and leaves the current run as it was", arguments: [Storage.memory, .file])
    func failedRun(storage: Storage) throws {
        try withCatalog(storage, seed: 10) { db, catalog in
            let first = try db.rerank(options(top: 5))
            let view = try db.rankingView(run: first.id)
            let rows = try db.count("SELECT COUNT(*) FROM ranking_entry")
            try catalog.editAtRandom(db)
            // The last step of a run, making it current, fails.
            try db.writer.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_run BEFORE UPDATE ON ranking_state BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                    """)
            }
            // In transactions of 7 rows: the ones committed before the failure are deleted.
            #expect(throws: (any Error).self) { try db.rerank(options(top: 5, incremental: true, rowsPerTransaction: 7)) }
            let runs = try db.rerankRuns()
            #expect(runs.count == 2)
            #expect(runs.first?.status == .failed && runs.first?.isCurrent == false)
            #expect(runs.first?.message?.contains("injected failure") == true, "\(runs.first?.message ?? "no message")")
            #expect(try db.currentRun().id == first.id)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == rows)
            #expect(try db.rankingView(run: first.id) == view)
            #expect(try db.rankingView(run: runs[0].id).isEmpty, "the view shows completed runs only")

            try db.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse_run") }
            let third = try db.rerank(options(top: 5, incremental: true))
            #expect(third.status == .done && third.isCurrent && third.kind == .incremental)
            try RankingExpectations.expectExact(db, "after the failed run")
        }
    }

    @Test("rows written in many small transactions store what a full run stores in one", arguments: [1, 13])
    func rowsInManyTransactions(rowsPerTransaction: Int) throws {
        try withCatalog(seed: 15, delegates: 35, hosts: 80) { db, catalog in
            for round in 0..<3 {
                if round > 0 { try catalog.editAtRandom(db) }
                let run = try db.rerank(options(top: 6, incremental: round > 0, rowsPerTransaction: rowsPerTransaction))
                #expect(run.status == .done && run.isCurrent && (run.rowsWritten ?? 0) > rowsPerTransaction, "round \(round)")
                let fresh = try db.freshCopy()
                _ = try fresh.rerank(options(top: 6))
                try RankingExpectations.expectSameRankings(db, fresh, "round \(round), \(rowsPerTransaction) rows per transaction")
                #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == db.count("SELECT TOTAL(rows) FROM ranking_segment"))
            }
        }
    }

    @Test("rows a run wrote before it died are read by no run, and the next run deletes them, in transactions of any size",
          arguments: [1, 5, 65_536])
    func rowsOfADeadRun(rowsPerTransaction: Int) throws {
        try withCatalog(seed: 16, delegates: 30, hosts: 70) { db, catalog in
            let first = try db.rerank(options(top: 4))
            let view = try db.rankingView(run: first.id)
            // What a run killed after some of its transactions leaves: its record, still running,
            // and rows of a segment nobody recorded.
            try db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO rerank_run (started_at, kind, status, top_k, countries, weights) VALUES ('2025-01-01T00:00:00.000Z', 'full', 'running', 4, 'CA,US', '{}')
                    """)
                let dead = db.lastInsertedRowID
                try db.execute(sql: """
                    INSERT INTO ranking_entry (segment, company, target_country, match, score, sector, complementarity, language, size)
                    SELECT ?, company, target_country, match, score + 1, sector, complementarity, language, size FROM ranking_entry
                    """, arguments: [dead])
            }
            #expect(try db.rankingView(run: first.id) == view, "the current run reads none of them")
            try catalog.editAtRandom(db)
            let next = try db.rerank(options(top: 4, incremental: true, rowsPerTransaction: rowsPerTransaction))
            #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == db.count("SELECT TOTAL(rows) FROM ranking_segment"))
            #expect(try db.rankingView(run: first.id) == view)
            let fresh = try db.freshCopy()
            _ = try fresh.rerank(options(top: 4))
            try RankingExpectations.expectSameRankings(db, fresh, "after the dead run's rows")
            #expect(next.isCurrent)
        }
    }

    @Test("a run left running by a process that died is marked interrupted by the next run")
    func staleRunningRun() throws {
        try withCatalog(seed: 11, delegates: 30, hosts: 60) { db, _ in
            let first = try db.rerank(options(top: 4))
            // What `rerank` records when it starts, left behind by a process killed meanwhile.
            try db.writer.write { db in
                try db.execute(sql: """
                    INSERT INTO rerank_run (started_at, kind, status, top_k, countries, weights) VALUES ('2025-01-01T00:00:00.000Z', 'full', 'running', 4, 'CA,US', '{}')
                    """)
            }
            let stale = try #require(try db.rerankRuns().first)
            #expect(stale.status == .running && !stale.isCurrent)
            #expect(try db.currentRun().id == first.id)
            let next = try db.rerank(options(top: 4, incremental: true))
            let runs = Dictionary(uniqueKeysWithValues: try db.rerankRuns().map { ($0.id, $0) })
            #expect(runs[stale.id]?.status == .interrupted)
            #expect(runs[stale.id]?.message?.isEmpty == false)
            #expect(runs[stale.id]?.isCurrent == false)
            #expect(runs[next.id]?.isCurrent == true && runs[next.id]?.status == .done)
        }
    }

    @Test("pruning keeps the newest completed runs, exactly as they were, and drops segments only older runs read",
          arguments: [1, 2])
    func pruning(keep: Int) throws {
        try withCatalog(seed: 12, delegates: 35, hosts: 80) { db, catalog in
            var views: [Int64: [String: [String: [StoredRankingEntry]]]] = [:]
            var done: [Int64] = []
            for index in 0..<(keep + 2) {
                if index > 0 { try catalog.editAtRandom(db) }
                if index == 1 {
                    // A failed run between completed ones counts for nothing.
                    try db.writer.write { db in
                        try db.execute(sql: "CREATE TRIGGER refuse_run BEFORE UPDATE ON ranking_state BEGIN SELECT RAISE(ABORT, 'injected'); END")
                    }
                    _ = try? db.rerank(options(top: 5, incremental: true, keep: keep))
                    try db.writer.write { db in try db.execute(sql: "DROP TRIGGER refuse_run") }
                }
                let run = try db.rerank(options(top: 5, incremental: index % 2 == 1, keep: keep))
                views[run.id] = try db.rankingView(run: run.id)
                done.append(run.id)
            }
            let runs = try db.rerankRuns()
            #expect(runs.filter { $0.status == .done }.map(\.id) == Array(done.suffix(keep).reversed()))
            #expect(runs.allSatisfy { $0.id >= done.suffix(keep).first! }, "older runs of any status are pruned")
            for id in done {
                let view = try db.rankingView(run: id)
                if done.suffix(keep).contains(id) {
                    #expect(view == views[id], "run \(id) as it was")
                } else {
                    #expect(view.isEmpty, "run \(id) is pruned")
                }
            }
            // No segment is left that no remaining run reads, and no row outside the segments.
            #expect(try db.count(Self.unreadSegments) == 0)
            #expect(try db.count("SELECT COUNT(*) FROM ranking_entry WHERE segment NOT IN (SELECT run FROM ranking_segment)") == 0)
            try RankingExpectations.expectExact(db, "after pruning to \(keep)")
        }
    }

    @Test("once the changes since the last complete segment hold as many rows, a run writes a complete one, and pruning drops the older")
    func completeSegments() throws {
        try withCatalog(seed: 14, delegates: 40, hosts: 90) { db, catalog in
            let keep = 2
            let first = try db.rerank(options(top: 5, keep: keep))
            var views = [first.id: try db.rankingView(run: first.id)]
            var completeRuns = [first.id]
            var base = try #require(first.rowsWritten), changes = 0, rounds = 0
            while completeRuns.count < 3 && rounds < 40 {
                rounds += 1
                try catalog.editAtRandom(db)
                let run = try db.rerank(options(top: 5, incremental: true, keep: keep))
                views[run.id] = try db.rankingView(run: run.id)
                let complete = try db.count("SELECT COUNT(*) FROM ranking_segment WHERE run = ? AND complete = 1", [run.id]) == 1
                let rows = try #require(run.rowsWritten)
                if changes >= base {
                    #expect(complete, "run \(run.id), after \(changes) rows of changes to a segment of \(base)")
                    #expect(try rows == db.count("SELECT COUNT(*) FROM ranking WHERE run = ?", [run.id]), "every entry written")
                    completeRuns.append(run.id)
                    (base, changes) = (rows, 0)
                } else {
                    #expect(!complete, "run \(run.id), after \(changes) rows of changes to a segment of \(base)")
                    changes += rows
                }
                for kept in try db.rerankRuns() where kept.status == .done {
                    #expect(try db.rankingView(run: kept.id) == views[kept.id], "run \(kept.id) as it was")
                }
                #expect(try db.count(Self.unreadSegments) == 0)
                #expect(try db.count("SELECT COUNT(*) FROM ranking_entry") == db.count("SELECT TOTAL(rows) FROM ranking_segment"))
            }
            #expect(completeRuns.count == 3)
            #expect(try db.count("SELECT MIN(run) FROM ranking_segment") >= Int(completeRuns[1]), "segments before are dropped")
            try RankingExpectations.expectExact(db, "after \(rounds) incremental runs")
        }
    }

    /// Segments that no remaining completed run reads.
    static let unreadSegments = """
        SELECT COUNT(*) FROM ranking_segment s WHERE NOT EXISTS (
            SELECT 1 FROM rerank_run r WHERE r.status = 'done' AND s.run <= r.id AND s.run >= (
                SELECT COALESCE(MAX(c.run), 0) FROM ranking_segment c WHERE c.complete = 1 AND c.run <= r.id))
        """

    // MARK: - Reading rankings

    @Test("rankings are refused before any run, and for an unknown company")
    func rankingsErrors() throws {
        try withCatalog(seed: 13, delegates: 30, hosts: 60) { db, _ in
            #expect(throws: RankingError.noRun) { try db.rankings(of: "CN-0001") }
            #expect(try ranked(db, "CN-0001", .any, top: 5) == nil)
            _ = try db.rerank(options(top: 5))
            #expect(throws: StoreError.unknownCompany("CN-9999")) { try db.rankings(of: "CN-9999") }
            #expect("\(RankingError.noRun)".contains("liaison rerank"))
        }
    }

    @Test("a stored company of a country no side is, is not matched, rather than unknown: by match, live or not, and by rankings")
    func thirdCountryCompany() throws {
        try withCatalog(seed: 13, delegates: 30, hosts: 60) { db, _ in
            var british = try db.companies(country: "CA")[0].company
            british.id = "GB-1"
            british.country = "GB"
            try db.save([british])
            _ = try db.rerank(options(top: 5))
            for live in [false, true] {
                #expect(throws: MatchError.companyNotMatched(id: "GB-1", country: "GB")) { try db.match(MatchQuery(subject: .company("GB-1")), live: live) }
            }
            #expect(throws: MatchError.companyNotMatched(id: "GB-1", country: "GB")) { try db.rankings(of: "GB-1") }
            #expect(throws: MatchError.unknownCompany("XX-1")) { try db.match(MatchQuery(subject: .company("XX-1"))) }
        }
    }

    @Test("rankings of one target country are that country's list")
    func rankingsOfOneCountry() throws {
        try withCatalog(seed: 14, delegates: 30, hosts: 60) { db, _ in
            _ = try db.rerank(options(top: 5))
            let delegate = try db.companies(country: "CN")[3].company.id, host = try db.companies(country: "CA")[2].company.id
            let all = try db.rankings(of: delegate).lists
            #expect(Set(all.keys) == ["CA", "US"])
            #expect(try db.rankings(of: delegate, country: "US").lists == ["US": all["US"]!])
            #expect(try db.rankings(of: delegate, country: "CN").lists.isEmpty)
            #expect(Array(try db.rankings(of: host).lists.keys) == ["CN"])
        }
    }

    @Test("match and rankings find a company whose id is typed decomposed (Cafe + combining accent), as it is stored precomposed")
    func decomposedIDs() throws {
        try withCatalog(seed: 5, delegates: 10, hosts: 20) { db, _ in
            let cafe = Company(id: "Caf\u{E9}-1", name: "Caf\u{E9}", country: "CN", offers: SectorProfile(["retail": 1]),
                               seeks: SectorProfile(["logistics-transportation": 1]))
            try db.save([cafe])
            let typed = "Cafe\u{301}-1"
            let live = try db.match(MatchQuery(subject: .company(typed), target: .any, top: 5), live: true)
            #expect(live.matches.count == 5)
            try db.rerank(options(top: 10))
            let ranked = try db.match(MatchQuery(subject: .company(typed), target: .any, top: 5))
            #expect(ranked.matches.map(\.id) == live.matches.map(\.id))
            #expect(try !db.rankings(of: typed).lists.isEmpty)
        }
    }

    // MARK: - Answering `liaison match` from the rankings

    /// The answer `db.match` reads from the rankings as (id, score) pairs, nil when it answers live instead.
    private func ranked(_ db: LiaisonDatabase, _ id: String, _ target: MatchTarget, top: Int, minimumScore: Double? = nil) throws
        -> [(id: String, score: Double)]? {
        let query = MatchQuery(subject: .company(id), target: target, top: top, minimumScore: minimumScore)
        let answer: MatchAnswer
        do { answer = try db.match(query) } catch is MatchError { return nil }  // not a list any run has
        guard case .rankings = answer.source else { return nil }
        return answer.matches.map { ($0.id, $0.score) }
    }

    private func live(_ db: LiaisonDatabase, _ id: String, _ target: MatchTarget, top: Int, minimumScore: Double? = nil) throws
        -> [(id: String, score: Double)] {
        try MatchQuery(subject: .company(id), target: target, top: top, minimumScore: minimumScore)
            .run(table: db.featureTable(), weights: db.scoreWeights(), taxonomy: db.taxonomy).matches.map { ($0.id, $0.score) }
    }

    /// Fails unless `rankedMatches` answers and its answer is live matching's.
    private func expectRankedIsLive(_ db: LiaisonDatabase, _ id: String, _ target: MatchTarget, top: Int, minimumScore: Double? = nil,
                                    _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let answer = try ranked(db, id, target, top: top, minimumScore: minimumScore) else {
            Issue.record("\(comment): \(id) is not answered from the rankings", sourceLocation: sourceLocation)
            return
        }
        RankingExpectations.expectSameMatches(answer, try live(db, id, target, top: top, minimumScore: minimumScore), comment,
                                              sourceLocation: sourceLocation)
    }

    @Test("match answers come from the rankings while neither the company, nor its candidates' countries, nor the weights changed")
    func rankedMatchesFreshness() throws {
        try withCatalog(seed: 15, delegates: 40, hosts: 100) { db, _ in
            let k = 8
            _ = try db.rerank(options(top: k))
            let delegate = try db.companies(country: "CN")[5].company, usHost = try db.companies(country: "US")[4].company
            let caHost = try db.companies(country: "CA")[3].company
            for (id, target) in [(delegate.id, MatchTarget.any), (delegate.id, .country("US")), (delegate.id, .country("CA")),
                                 (usHost.id, .any), (usHost.id, .country("CN")), (caHost.id, .any)] {
                try expectRankedIsLive(db, id, target, top: 5, "fresh, \(id) \(target)")
                try expectRankedIsLive(db, id, target, top: k, "fresh, all k, \(id) \(target)")
            }
            let threshold = try live(db, delegate.id, .any, top: 8)[3].score
            try expectRankedIsLive(db, delegate.id, .any, top: 8, minimumScore: threshold, "with a minimum score")
            #expect(try ranked(db, delegate.id, .any, top: k + 1) == nil, "more than the run kept")
            #expect(try ranked(db, usHost.id, .country("US"), top: 5) == nil, "not a list the run has")

            // A Canadian firm changes: Canadian lists and delegates' lists of any country are stale,
            // a US firm's list (of delegates) and a delegate's US list are not.
            var changed = try db.companies(country: "CA")[7].company
            changed.size = changed.size == .micro ? .large : .micro
            #expect(try db.save([changed]).updated == 1)
            #expect(try ranked(db, delegate.id, .any, top: 5) == nil)
            #expect(try ranked(db, delegate.id, .country("CA"), top: 5) == nil)
            #expect(try ranked(db, caHost.id, .any, top: 5) == nil)
            try expectRankedIsLive(db, delegate.id, .country("US"), top: 5, "after a Canadian change, US list")
            try expectRankedIsLive(db, usHost.id, .any, top: 5, "after a Canadian change, US firm")

            // A delegate changes: every host firm's list is stale.
            _ = try db.rerank(options(top: k, incremental: true))
            try expectRankedIsLive(db, usHost.id, .any, top: 5, "after the rerank")
            var changedDelegate = try db.companies(country: "CN")[11].company
            changedDelegate.languages = changedDelegate.languages.contains("fr") ? ["zh"] : changedDelegate.languages + ["fr"]
            #expect(try db.save([changedDelegate]).updated == 1)
            #expect(try ranked(db, usHost.id, .any, top: 5) == nil)
            #expect(try ranked(db, changedDelegate.id, .any, top: 5) == nil, "the company itself changed")

            // Changed weights: nothing is answered from the rankings.
            _ = try db.rerank(options(top: k, incremental: true))
            try expectRankedIsLive(db, delegate.id, .any, top: 5, "after the second rerank")
            try db.setScoreWeight(.size, to: 0.25)
            #expect(try ranked(db, delegate.id, .any, top: 5) == nil)
            #expect(try ranked(db, usHost.id, .any, top: 5) == nil)
        }
    }

    @Test("a delegate's answer from a run that ranked only US firms is still the live answer over every host")
    func rankedMatchesWithFewerCountries() throws {
        try withCatalog(seed: 16, delegates: 30, hosts: 80) { db, _ in
            _ = try db.rerank(options(top: 6, countries: ["US"]))
            let delegate = try db.companies(country: "CN")[2].company.id
            let expected = try live(db, delegate, .any, top: 5)
            #expect(Set(expected.map { $0.id.prefix(2) }).contains("CA"), "the live answer includes Canadian firms")
            let answer = try ranked(db, delegate, .any, top: 5)
            #expect(answer == nil || answer!.map(\.id) == expected.map(\.id), "\(answer?.map(\.id) ?? []) instead of \(expected.map(\.id))")
            try expectRankedIsLive(db, delegate, .country("US"), top: 5, "the US list")
            #expect(try ranked(db, delegate, .country("CA"), top: 5) == nil)
        }
    }

    // MARK: - Stored components

    /// With sector 0.3 and complementarity 0.6 a delegate offering retail and seeking utilities
    /// scores a firm offering retail (sector term) exactly as one offering utilities
    /// (complementarity term). A firm that switches from one to the other keeps its score, so
    /// the writer keeps its row — with the old components.
    @Test("a changed match's components are stored anew even when its score stays the same", arguments: [false, true])
    func componentsOfAnUnchangedScore(incremental: Bool) throws {
        try Storage.memory.withDatabase { db in
            try db.setScoreWeight(.sector, to: 0.3)
            let delegate = Company(id: "CN-0001", name: "Delegate", country: "CN", size: .medium, languages: ["zh", "en"],
                                   offers: SectorProfile(["retail": 1]), seeks: SectorProfile(["utilities": 1]))
            var firm = Company(id: "US-0001", name: "Firm", country: "US", size: .large, languages: ["en"], offers: SectorProfile(["retail": 1]))
            let other = Company(id: "CA-0001", name: "Other", country: "CA", size: .small, languages: ["fr"], offers: SectorProfile(["banking": 1]))
            try db.save([delegate, firm, other])
            _ = try db.rerank(options(top: 3))
            let before = try #require(try db.rankings(of: "CN-0001").lists["US"]?.first)
            #expect(abs(before.sector - 0.3) < 1e-9 && before.complementarity == 0)
            firm.offers = SectorProfile(["utilities": 1])
            try db.save([firm])
            _ = try db.rerank(options(top: 3, incremental: incremental))
            let after = try #require(try db.rankings(of: "CN-0001").lists["US"]?.first)
            #expect(after.match == "US-0001" && abs(after.score - before.score) < 1e-6)
            #expect(after.sector == 0 && abs(after.complementarity - 0.3) < 1e-9, "sector \(after.sector), complementarity \(after.complementarity)")
        }
    }
}

extension LiaisonDatabase {
    /// This database after a full run of `top` matches.
    func rerankedFully(top: Int) throws -> LiaisonDatabase {
        _ = try rerank(RerankOptions(top: top, incremental: false, keepRuns: 10, threads: 2))
        return self
    }
}
