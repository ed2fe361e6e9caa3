import Foundation
import GRDB
import LiaisonCore
import LiaisonKernel

/// How to re-rank.
public struct RerankOptions: Sendable {
    /// Matches kept per company and target country.
    public var top: Int
    /// Recompute only what changed since the current run (when its settings are the same).
    public var incremental: Bool
    /// Host countries ranked; their firms get lists, and delegates get a list for each.
    public var countries: [String]
    /// Completed runs kept; older ones are pruned.
    public var keepRuns: Int
    public var threads: Int

    public init(top: Int = 50, incremental: Bool = false, countries: [String] = MatchSides.hosts, keepRuns: Int = 3,
                threads: Int = TopK.defaultThreads) {
        self.top = top
        self.incremental = incremental
        self.countries = countries
        self.keepRuns = keepRuns
        self.threads = threads
    }
}

/// Where a rerank stands, for progress reports.
public struct RerankProgress: Sendable {
    public var stage: String
    public var done: Int
    public var total: Int
}

extension LiaisonDatabase {
    /// Re-ranks every company and makes the result the current run when, and only when, it is
    /// all written. The caller holds the ``RerankLock``. A run that fails is recorded as failed
    /// and leaves the current run as it was.
    public func rerank(_ options: RerankOptions, progress: @escaping @Sendable (RerankProgress) -> Void = { _ in }) throws -> RerankRun {
        let started = Date()
        let weightsText = try Self.weightsText(try scoreWeights())
        let runID: Int64 = try writer.write { db in
            try db.execute(sql: "UPDATE rerank_run SET status = 'interrupted', message = 'the process ended before the run finished' WHERE status = 'running'")
            try db.execute(sql: """
                INSERT INTO rerank_run (started_at, kind, status, top_k, countries, weights, blas)
                VALUES (?, ?, 'running', ?, ?, ?, ?)
                """, arguments: [Timestamp.string(started), options.incremental ? "incremental" : "full", options.top,
                                 options.countries.joined(separator: ","), weightsText, BLASRuntime.info.implementation.rawValue])
            return db.lastInsertedRowID
        }
        do {
            return try rerank(run: runID, options, weightsText: weightsText, started: started, progress: progress)
        } catch {
            try? writer.write { db in
                try db.execute(sql: "UPDATE rerank_run SET status = 'failed', finished_at = ?, message = ? WHERE id = ?",
                               arguments: [Timestamp.now(), "\(error)", runID])
            }
            throw error
        }
    }

    private func rerank(run runID: Int64, _ options: RerankOptions, weightsText: String, started: Date,
                        progress: @escaping @Sendable (RerankProgress) -> Void) throws -> RerankRun {
        progress(RerankProgress(stage: "loading", done: 0, total: 1))
        // Versions first: a change committed meanwhile makes them older than the table, never newer.
        let versions = try writer.read { db in try CatalogState.countryVersions(db) }
        let table = try featureTable()
        let (previousRun, previousData) = try writer.read { db -> (Row?, Data?) in
            let current = try Row.fetchOne(db, sql: """
                SELECT r.* FROM rerank_run r JOIN ranking_state s ON s.current_run = r.id
                """)
            let data = try Data.fetchOne(db, sql: "SELECT data FROM ranking_lists WHERE id = 1 AND run = ?",
                                         arguments: [current?["id"] as Int64?])
            return (current, data)
        }
        let previousLists = previousData.flatMap(RankingListsCodec.decode)
        let reranker = Reranker(table: table, weights: try scoreWeights(), k: options.top, countries: options.countries,
                                threads: options.threads)
        var note: String? = previousData != nil && previousLists == nil ? "the previous run's lists are of an older version" : nil
        let reusable = previousLists.flatMap { lists -> RankingLists? in
            guard let run = previousRun, lists.k == options.top else { note = "the previous run kept another number of matches"; return nil }
            guard run["weights"] as String == weightsText else { note = "the weights changed"; return nil }
            guard run["countries"] as String == options.countries.joined(separator: ",") else { note = "the countries changed"; return nil }
            return lists
        }
        // Only a run asked to be incremental has to say why it was not.
        let message = options.incremental && reusable == nil ? "full run: " + (note ?? "there is no previous run to start from") : nil
        let report: @Sendable (Reranker.Progress) -> Void = { progress(RerankProgress(stage: $0.stage, done: $0.done, total: $0.total)) }
        let (lists, statistics) = options.incremental && reusable != nil
            ? reranker.incremental(from: reusable!, progress: report)
            : reranker.full(progress: report)

        var rowsWritten = 0
        try writer.writeWithoutTransaction { db in
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
            // Every page the run changes stays in memory until the commit: pages spilled to the
            // WAL mid-transaction would be written again and again.
            try db.execute(sql: "PRAGMA cache_size = -\(Self.rerankCacheKiB)")
            // In WAL mode NORMAL keeps the file consistent after a crash and only skips the fsync
            // at commit: a lost run is simply run again, while the previous run stays current.
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer {
                try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)")
                try? db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            }
            try db.inTransaction(.immediate) {
                rowsWritten = try RankingWriter(run: runID, table: table, model: reranker.model, progress: progress, features: reranker.features)
                    .write(lists, replacing: previousLists, in: db)
                try db.execute(sql: "INSERT OR REPLACE INTO ranking_lists (id, run, data) VALUES (1, ?, ?)",
                               arguments: [runID, RankingListsCodec.encode(lists)])
                try db.execute(sql: "UPDATE ranking_state SET current_run = ? WHERE id = 1", arguments: [runID])
                try db.execute(sql: """
                    UPDATE rerank_run SET status = 'done', finished_at = ?, kind = ?, country_versions = ?, companies = ?,
                        pairs_scored = ?, rows_written = ?, lists_recomputed = ?, seconds = ?, message = ?
                    WHERE id = ?
                    """, arguments: [Timestamp.now(), options.incremental && reusable != nil ? "incremental" : "full",
                                     try Self.versionsText(versions), statistics.companies, statistics.pairsScored, rowsWritten,
                                     statistics.listsRecomputed, Date().timeIntervalSince(started), message, runID])
                try Self.prune(keeping: options.keepRuns, in: db)
                return .commit
            }
        }
        // A full run leaves a WAL as large as the rankings: give the space back. Busy readers
        // only postpone this to a later checkpoint, so failing here is harmless.
        try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return try rerankRuns().first { $0.id == runID }!
    }

    /// The page cache of a rerank's write, in KiB: room for every page a full run changes.
    static let rerankCacheKiB = 1536 * 1024

    /// Every recorded run, newest first.
    public func rerankRuns() throws -> [RerankRun] {
        try writer.read { db in
            let current = try Int64.fetchOne(db, sql: "SELECT current_run FROM ranking_state WHERE id = 1")
            return try Row.fetchAll(db, sql: "SELECT * FROM rerank_run ORDER BY id DESC").map { RerankRun(row: $0, current: current) }
        }
    }

    /// Keeps the newest `count` completed runs: older runs, and ranking rows only they used, go.
    static func prune(keeping count: Int, in db: Database) throws {
        guard let oldest = try Int64.fetchOne(db, sql: """
            SELECT id FROM rerank_run WHERE status = 'done' ORDER BY id DESC LIMIT 1 OFFSET ?
            """, arguments: [max(count, 1) - 1]) else { return }
        try db.execute(sql: "DELETE FROM ranking_entry WHERE run_to IS NOT NULL AND run_to <= ?", arguments: [oldest])
        try db.execute(sql: "DELETE FROM rerank_run WHERE id < ?", arguments: [oldest])
    }

    static func weightsText(_ weights: ScoreWeights) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(Dictionary(uniqueKeysWithValues: weights.values.map { ($0.key.rawValue, $0.value) })),
               as: UTF8.self)
    }

    static func versionsText(_ versions: [String: Int64]) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(versions), as: UTF8.self)
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys: the same value always gives the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

/// Writes a run's lists as ranking rows: only the published entries that differ from the
/// previous run's are written — new ones inserted from this run on, gone or changed ones closed —
/// so unchanged rankings cost nothing.
struct RankingWriter {
    let run: Int64
    let table: FeatureTable
    let model: ScoreModel
    let progress: @Sendable (RerankProgress) -> Void
    /// Every row's features (the reranker's): the components of each written entry come from them.
    let features: [CompanyFeatures]

    func write(_ lists: RankingLists, replacing previous: RankingLists?, in db: Database) throws -> Int {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO ranking_entry (company, target_country, match, run_from, run_to, score, sector, complementarity, language, size)
            VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)
            """)
        let close = try db.cachedStatement(sql: """
            UPDATE ranking_entry SET run_to = ? WHERE company = ? AND target_country = ? AND match = ? AND run_to IS NULL
            """)
        var written = 0
        guard let previous else {
            try db.execute(sql: "UPDATE ranking_entry SET run_to = ? WHERE run_to IS NULL", arguments: [run])
            for list in 0..<lists.count {
                written += try insertAll(lists, list, insert)
                if list % 4096 == 0 { progress(RerankProgress(stage: "writing", done: list, total: lists.count)) }
            }
            return written
        }
        // The previous run's rows as rows of today's table (-1: the company is gone), and its
        // lists by today's query row and target: compared as numbers, not ids.
        var rowNow: [String: Int] = [:]
        rowNow.reserveCapacity(table.count)
        for row in 0..<table.count { rowNow[table.ids[row]] = row }
        let mapped = (0..<previous.ids.count).map { rowNow[previous.ids[$0]] ?? -1 }
        var before: [String: [Int: Int]] = [:]
        var unmatched = Set(0..<previous.count)
        for list in 0..<previous.count where mapped[Int(previous.queries[list])] >= 0 {
            before[previous.targets[list], default: [:]][mapped[Int(previous.queries[list])]] = list
        }
        for list in 0..<lists.count {
            let query = Int(lists.queries[list]), target = lists.targets[list]
            let new = lists.entries(list).prefix(lists.k)
            guard let oldList = before[target]?[query] else {
                written += try insertAll(lists, list, insert)
                continue
            }
            unmatched.remove(oldList)
            // A row stays when its candidate is the same with the same score and the same components
            // (known to be the same when neither company changed).
            let queryUnchanged = previous.revisions[Int(previous.queries[oldList])] == table.revisions[query]
            let old = previous.entries(oldList).prefix(previous.k).map { entry in
                (row: mapped[entry.row], id: entry.row, score: entry.score,
                 unchanged: queryUnchanged && mapped[entry.row] >= 0 && previous.revisions[entry.row] == table.revisions[mapped[entry.row]])
            }
            if old.count == new.count, zip(old, new).allSatisfy({ $0.unchanged && $0.row == $1.row && $0.score == $1.score }) { continue }
            var stale: [Int: (score: Double, unchanged: Bool)] = [:]
            var gone: [Int] = []
            for entry in old { if entry.row >= 0 { stale[entry.row] = (entry.score, entry.unchanged) } else { gone.append(entry.id) } }
            let company = table.ids[query]
            for entry in new {
                if let kept = stale.removeValue(forKey: entry.row) {
                    if kept.score == entry.score,
                       try kept.unchanged || storedComponents(company, target, table.ids[entry.row], db) == components(query, entry.row) {
                        continue
                    }
                    try close.execute(arguments: [run, company, target, table.ids[entry.row]])
                    written += 1
                }
                try insertEntry(query: query, company: company, target: target, entry, insert)
                written += 1
            }
            let closed = stale.keys.map { table.ids[$0] } + gone.map { previous.ids[$0] }
            for match in closed.sorted() {
                try close.execute(arguments: [run, company, target, match])
                written += 1
            }
            if list % 4096 == 0 { progress(RerankProgress(stage: "writing", done: list, total: lists.count)) }
        }
        // Lists of companies no longer ranked: every entry closes.
        for list in unmatched.sorted() {
            let company = previous.ids[Int(previous.queries[list])]
            for entry in previous.entries(list).prefix(previous.k) {
                try close.execute(arguments: [run, company, previous.targets[list], previous.ids[entry.row]])
                written += 1
            }
        }
        progress(RerankProgress(stage: "writing", done: lists.count, total: lists.count))
        return written
    }

    /// The components of a pair, as a ranking row stores them.
    private func components(_ query: Int, _ row: Int) -> [Double] {
        let terms = model.components(features[query], features[row])
        return [terms.sector, terms.complementarity, terms.language, terms.size]
    }

    /// The components the open row of a pair stores: reading a row costs far less than
    /// rewriting it when a changed company's score with someone stays the same.
    private func storedComponents(_ company: String, _ target: String, _ match: String, _ db: Database) throws -> [Double]? {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT sector, complementarity, language, size FROM ranking_entry
            WHERE company = ? AND target_country = ? AND match = ? AND run_to IS NULL
            """), arguments: [company, target, match])
        return row.map { [$0[0], $0[1], $0[2], $0[3]] }
    }

    /// Inserts every published entry of a list; returns how many.
    private func insertAll(_ lists: RankingLists, _ list: Int, _ insert: Statement) throws -> Int {
        let query = Int(lists.queries[list])
        let company = table.ids[query], target = lists.targets[list]
        let entries = lists.entries(list).prefix(lists.k)
        for entry in entries { try insertEntry(query: query, company: company, target: target, entry, insert) }
        return entries.count
    }

    private func insertEntry(query: Int, company: String, target: String, _ entry: (row: Int, score: Double), _ insert: Statement) throws {
        try insert.execute(arguments: StatementArguments([company, target, table.ids[entry.row], run, entry.score]
                                                         + components(query, entry.row)))
    }
}
