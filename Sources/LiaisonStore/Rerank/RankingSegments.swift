import GRDB

/// The segments of ranking rows a database holds. Each run that changed anything appends one
/// segment: either *complete* (every published entry of the run) or the run's changes to the
/// previous run (new or changed entries, and a row without a score for each entry that left a
/// list). A run's lists are, for each entry, its newest version among the segments from the
/// newest complete one up to the run.
///
/// Appending keeps an incremental run's writes together at the end of the table, whatever
/// companies changed; the price is that superseded versions stay until a complete segment
/// replaces them all, which a run writes once the changes since the last one hold as many rows.
struct RankingSegments {
    struct Segment {
        var run: Int64
        var complete: Bool
        var rows: Int
    }

    /// Oldest first.
    let segments: [Segment]

    init(_ db: Database) throws {
        segments = try RankingSegmentRecord.order(RankingSegmentRecord.Columns.run).fetchAll(db).map {
            Segment(run: $0.run, complete: $0.complete, rows: $0.rows)
        }
    }

    /// The segments run `run` reads, newest first.
    func read(by run: Int64) -> [Int64] {
        let upTo = segments.filter { $0.run <= run }
        let base = upTo.lastIndex(where: \.complete) ?? 0
        return upTo[base...].map(\.run).reversed()
    }

    /// Whether the next run should write a complete segment even though it could write only its
    /// changes: the changes since the last complete segment hold as many rows as it does.
    var wantsCompleteSegment: Bool {
        guard let base = segments.lastIndex(where: \.complete) else { return true }
        return segments[(base + 1)...].reduce(0) { $0 + $1.rows } >= max(segments[base].rows, 1)
    }

    /// Records the segment a run wrote (nothing, when it wrote an empty set of changes).
    static func record(run: Int64, complete: Bool, rows: Int, in db: Database) throws {
        guard complete || rows > 0 else { return }
        try RankingSegmentRecord(run: run, complete: complete, rows: rows).insert(db)
    }

    /// Deletes the rows of `segments`, which no run records (see ``unrecorded(_:)``). `db` must
    /// not be in a transaction: the rows go in transactions of `rowsPerTransaction` (no run reads
    /// them, so each can commit on its own, and a reader never meets one large write).
    static func delete(_ segments: [Int64], in db: Database, rowsPerTransaction: Int) throws {
        for segment in segments {
            var rest = true
            while rest {
                try db.inTransaction {
                    // The rows before the company found `rowsPerTransaction` rows on (all of that
                    // company's too, when it alone has more).
                    let bound = try String.fetchOne(db, sql: """
                        SELECT company FROM ranking_entry WHERE segment = ? ORDER BY company LIMIT 1 OFFSET ?
                        """, arguments: [segment, max(rowsPerTransaction, 1)])
                    if let bound {
                        try db.execute(sql: "DELETE FROM ranking_entry WHERE segment = ? AND company < ?", arguments: [segment, bound])
                        if db.changesCount == 0 {
                            try db.execute(sql: "DELETE FROM ranking_entry WHERE segment = ? AND company = ?", arguments: [segment, bound])
                        }
                    } else {
                        try db.execute(sql: "DELETE FROM ranking_entry WHERE segment = ?", arguments: [segment])
                        rest = false
                    }
                    return .commit
                }
            }
        }
    }

    /// The segments of ranking rows without a record: what a run that died or failed wrote before
    /// its last transaction, and the segments pruning dropped. Found by seeks, one per segment.
    static func unrecorded(_ db: Database) throws -> [Int64] {
        var found: [Int64] = []
        var segment = try Int64.fetchOne(db, sql: "SELECT MIN(segment) FROM ranking_entry")
        while let current = segment {
            if try !RankingSegmentRecord.exists(db, key: current) {
                found.append(current)
            }
            segment = try Int64.fetchOne(db, sql: "SELECT MIN(segment) FROM ranking_entry WHERE segment > ?", arguments: [current])
        }
        return found
    }

    /// Drops the records of the segments no run from `oldest` on reads: those before the newest
    /// complete segment up to `oldest`. Their rows, read by no run from then on, are left to
    /// ``delete(_:in:rowsPerTransaction:)``, after the transaction.
    static func prune(before oldest: Int64, in db: Database) throws {
        guard let base = try RankingSegmentRecord.filter(RankingSegmentRecord.Columns.complete && RankingSegmentRecord.Columns.run <= oldest)
            .select(max(RankingSegmentRecord.Columns.run), as: Int64.self).fetchOne(db) else { return }
        try RankingSegmentRecord.filter(RankingSegmentRecord.Columns.run < base).deleteAll(db)
    }
}
