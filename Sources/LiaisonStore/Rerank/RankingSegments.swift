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
        segments = try Row.fetchAll(db, sql: "SELECT run, complete, rows FROM ranking_segment ORDER BY run").map {
            Segment(run: $0["run"], complete: $0["complete"], rows: $0["rows"])
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
        try db.execute(sql: "INSERT INTO ranking_segment (run, complete, rows) VALUES (?, ?, ?)", arguments: [run, complete, rows])
    }

    /// Deletes ranking rows of segments that no run recorded: what a run that died or failed wrote
    /// before its last transaction. The segments are found by seeks, one per distinct segment.
    static func deleteUnrecorded(in db: Database) throws {
        var segment = try Int64.fetchOne(db, sql: "SELECT MIN(segment) FROM ranking_entry")
        while let current = segment {
            let recorded = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM ranking_segment WHERE run = ?)", arguments: [current]) ?? false
            if !recorded { try db.execute(sql: "DELETE FROM ranking_entry WHERE segment = ?", arguments: [current]) }
            segment = try Int64.fetchOne(db, sql: "SELECT MIN(segment) FROM ranking_entry WHERE segment > ?", arguments: [current])
        }
    }

    /// Drops the segments no run from `oldest` on reads: those before the newest complete segment
    /// up to `oldest`.
    static func prune(before oldest: Int64, in db: Database) throws {
        guard let base = try Int64.fetchOne(db, sql: "SELECT MAX(run) FROM ranking_segment WHERE complete = 1 AND run <= ?",
                                            arguments: [oldest]) else { return }
        try db.execute(sql: "DELETE FROM ranking_entry WHERE segment < ?", arguments: [base])
        try db.execute(sql: "DELETE FROM ranking_segment WHERE run < ?", arguments: [base])
    }
}
