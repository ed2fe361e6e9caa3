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
    /// Ranking rows written per transaction. The rows go in several transactions (read by no run
    /// until the last one records them), so that the write-ahead log stays small and readers meet
    /// a steady trickle of writes instead of one burst at the end.
    public var rowsPerTransaction: Int

    public init(top: Int = 50, incremental: Bool = false, countries: [String] = MatchSides.hosts, keepRuns: Int = 3,
                threads: Int = TopK.defaultThreads, rowsPerTransaction: Int = 65_536) {
        self.top = top
        self.incremental = incremental
        self.countries = countries
        self.keepRuns = keepRuns
        self.threads = threads
        self.rowsPerTransaction = rowsPerTransaction
    }
}

extension LiaisonDatabase {
    /// Re-ranks every company and makes the result the current run when, and only when, it is
    /// all written. The caller holds the ``RerankLock``. A run that fails is recorded as failed
    /// and leaves the current run as it was; without a BLAS library it throws
    /// ``BLASUnavailable`` before starting.
    public func rerank(_ options: RerankOptions, progress: @escaping @Sendable (Reranker.Progress) -> Void = { _ in }) throws -> RerankRun {
        try BLASRuntime.requireLibrary()
        let started = Date()
        let weightsText = try Self.weightsText(try scoreWeights())
        // Rows an interrupted run wrote before its last transaction, or that a pruning run left.
        try deleteUnrecordedRows(options, progress: progress)
        let runID: Int64 = try writer.write { db in
            try RerankRunRecord.filter(RerankRunRecord.Columns.status == RerankRun.Status.running).updateAll(
                db, [RerankRunRecord.Columns.status.set(to: RerankRun.Status.interrupted),
                     RerankRunRecord.Columns.message.set(to: "the process ended before the run finished")])
            return try RerankRunRecord(
                startedAt: Timestamp.string(started), kind: options.incremental ? .incremental : .full, status: .running,
                topK: options.top, countries: options.countries.joined(separator: ","), weights: weightsText,
                blas: BLASRuntime.info.implementation.rawValue
            ).inserted(db).id!
        }
        do {
            return try rerank(run: runID, options, weightsText: weightsText, started: started, progress: progress)
        } catch {
            try? writer.write { db in
                guard var run = try RerankRunRecord.fetchOne(db, key: runID) else { return }
                (run.status, run.finishedAt, run.message) = (.failed, Timestamp.now(), "\(error)")
                try run.update(db)
            }
            try? deleteUnrecordedRows(options, progress: progress)
            throw error
        }
    }

    private func rerank(run runID: Int64, _ options: RerankOptions, weightsText: String, started: Date,
                        progress: @escaping @Sendable (Reranker.Progress) -> Void) throws -> RerankRun {
        progress(Reranker.Progress(stage: "loading", done: 0, total: 1))
        // Versions first: a change committed meanwhile makes them older than the table, never newer.
        let versions = try writer.read { db in try CatalogState.countryVersions(db) }
        // The current run's lists load on another core while the feature table is brought up to date.
        let loading = Meanwhile { [writer] in try CurrentRun.load(writer) }
        let table = try featureTable()
        let current = try loading.value()
        let segments = current.segments
        let reranker = Reranker(table: table, weights: try scoreWeights(), k: options.top, countries: options.countries,
                                threads: options.threads)
        var note: String? = current.hadLists && current.lists == nil ? "the previous run's lists are of an older version" : nil
        let reusable = current.lists.flatMap { lists -> RankingLists? in
            guard lists.k == options.top else { note = "the previous run kept another number of matches"; return nil }
            guard current.weights == weightsText else { note = "the weights changed"; return nil }
            guard current.countries == options.countries.joined(separator: ",") else { note = "the countries changed"; return nil }
            return lists
        }
        // Only a run asked to be incremental has to say why it was not.
        let message = options.incremental && reusable == nil ? "full run: " + (note ?? "there is no previous run to start from") : nil
        let (lists, statistics) = options.incremental && reusable != nil
            ? reranker.incremental(from: reusable!, progress: progress)
            : reranker.full(progress: progress)

        var rowsWritten = 0
        try writer.writeWithoutTransaction { db in
            // In WAL mode NORMAL keeps the file consistent after a crash and only skips the fsync
            // at commit: a lost run is simply run again, while the previous run stays current.
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? 2
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            defer { try? db.execute(sql: "PRAGMA synchronous = \(synchronous)") }
            // The writer commits its rows in batches; the last transaction records the segment
            // and makes the run current. (Not `inTransaction`, which forbids inner commits.)
            try db.beginTransaction(.immediate)
            do {
                // Changes only, unless there is nothing to compare with (or the previous run had
                // other settings) or it is time to replace the segments since the last complete one.
                let previous = segments.wantsCompleteSegment ? nil : reusable
                let writer = RankingWriter(run: runID, table: table, model: reranker.model, progress: progress, features: reranker.features)
                rowsWritten = try writer.write(lists, replacing: previous, in: db, rowsPerTransaction: options.rowsPerTransaction)
                try RankingSegments.record(run: runID, complete: previous == nil, rows: rowsWritten, in: db)
                try RankingListsRecord(run: runID, data: RankingListsCodec.encode(lists)).save(db)
                try RankingStateRecord(currentRun: runID).save(db)
                guard var run = try RerankRunRecord.fetchOne(db, key: runID) else { throw RankingError.noRun }
                run.status = .done
                run.finishedAt = Timestamp.now()
                run.kind = options.incremental && reusable != nil ? .incremental : .full
                run.countryVersions = try Self.versionsText(versions)
                run.companies = statistics.companies
                run.pairsScored = statistics.pairsScored
                run.rowsWritten = rowsWritten
                run.listsRecomputed = statistics.listsRecomputed
                run.seconds = Date().timeIntervalSince(started)
                run.message = message
                try run.update(db)
                try Self.prune(keeping: options.keepRuns, in: db)
                try db.commit()
            } catch {
                if db.isInsideTransaction { try? db.rollback() }
                throw error
            }
        }
        // The rows of the segments pruned, read by no run any more, then the space of the
        // write-ahead log. The run is done and current: failing here is harmless, the next run
        // deletes what is left, and busy readers only postpone the checkpoint.
        try? deleteUnrecordedRows(options, progress: progress)
        try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        return try rerankRuns().first { $0.id == runID }!
    }

    /// What a run starts from: the current run's settings and lists, and the segments.
    private struct CurrentRun: Sendable {
        var weights: String?
        var countries: String?
        /// Whether the current run stored lists (which `lists` is nil for when of an older format).
        var hadLists: Bool
        var lists: RankingLists?
        var segments: RankingSegments

        static func load(_ writer: any DatabaseWriter) throws -> CurrentRun {
            let (run, data, segments) = try writer.read { db -> (RerankRunRecord?, Data?, RankingSegments) in
                let current = try RankingStateRecord.fetchOne(db, key: 1)?.currentRun
                let run = try current.flatMap { try RerankRunRecord.fetchOne(db, key: $0) }
                let lists = try RankingListsRecord.fetchOne(db, key: 1)
                return (run, lists.flatMap { $0.run == run?.id ? $0.data : nil }, try RankingSegments(db))
            }
            return CurrentRun(weights: run?.weights, countries: run?.countries, hadLists: data != nil,
                              lists: data.flatMap(RankingListsCodec.decode), segments: segments)
        }
    }

    /// Deletes the ranking rows of segments no run records (``RankingSegments/unrecorded(_:)``),
    /// as a `pruning` stage when there are any.
    private func deleteUnrecordedRows(_ options: RerankOptions, progress: @Sendable (Reranker.Progress) -> Void) throws {
        try writer.writeWithoutTransaction { db in
            let segments = try RankingSegments.unrecorded(db)
            guard !segments.isEmpty else { return }
            progress(Reranker.Progress(stage: "pruning", done: 0, total: segments.count))
            try RankingSegments.delete(segments, in: db, rowsPerTransaction: options.rowsPerTransaction)
            progress(Reranker.Progress(stage: "pruning", done: segments.count, total: segments.count))
        }
    }

    /// Every recorded run, newest first; one recorded as running while no process holds the
    /// ``RerankLock`` is listed as interrupted.
    public func rerankRuns() throws -> [RerankRun] {
        let runs = try writer.read { db in
            let current = try RankingStateRecord.fetchOne(db, key: 1)?.currentRun
            return try RerankRunRecord.order(RerankRunRecord.Columns.id.desc).fetchAll(db).map { $0.run(current: current) }
        }
        // A run recorded as running while no rerank holds the lock ended with its process (killed,
        // or the machine stopped): it is interrupted, as the next rerank will record it.
        guard let path, runs.contains(where: { $0.status == .running }), !RerankLock.isHeld(databasePath: path) else { return runs }
        return runs.map { run in
            var run = run
            if run.status == .running { run.status = .interrupted }
            return run
        }
    }

    /// Keeps the newest `count` completed runs: older runs, and ranking segments only they read, go.
    static func prune(keeping count: Int, in db: Database) throws {
        guard let oldest = try RerankRunRecord.filter(RerankRunRecord.Columns.status == RerankRun.Status.done)
            .order(RerankRunRecord.Columns.id.desc).limit(1, offset: max(count, 1) - 1).fetchOne(db)?.id else { return }
        try RankingSegments.prune(before: oldest, in: db)
        try RerankRunRecord.filter(RerankRunRecord.Columns.id < oldest).deleteAll(db)
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

