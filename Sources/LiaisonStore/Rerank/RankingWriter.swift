import GRDB
import LiaisonCore

/// Writes a run's lists as its segment of ranking rows (see ``RankingSegments``): every published
/// entry, or only what differs from the previous run's lists — new entries, entries with a changed
/// company, and a row without a score for each entry that left — so that unchanged rankings cost
/// nothing. Lists go in key order, so the segment is appended at the end of the table.
///
/// The rows go in several transactions: until the caller records the segment in its last one, no
/// run reads them, and a run that dies first leaves rows that the next run deletes
/// (``RankingSegments/deleteUnrecorded(in:)``).
struct RankingWriter {
    let run: Int64
    let table: FeatureTable
    let model: ScoreModel
    let progress: @Sendable (Reranker.Progress) -> Void
    /// Every row's features (the reranker's): the components of each written entry come from them.
    let features: [CompanyFeatures]

    /// A list to write: this run's (`new`), the previous run's (`old`), or both, by list index.
    private struct Pairing {
        var company: String
        var target: String
        var new: Int?
        var old: Int?
    }

    /// Writes the segment; returns its number of rows. Without `previous`, the segment is complete;
    /// with it, `previous` must be the lists of a run with the same weights: a pair whose companies
    /// have not changed since then has the same score and components. `db` is in a transaction,
    /// which is committed and begun again every `rowsPerTransaction` rows; the last rows are left
    /// to the caller's transaction.
    func write(_ lists: RankingLists, replacing previous: RankingLists?, in db: Database, rowsPerTransaction: Int) throws -> Int {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO ranking_entry (segment, company, target_country, match, score, sector, complementarity, language, size)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var written = 0
        func put(_ company: String, _ target: String, _ match: String, _ values: [Double]?) throws {
            let numbers: [Double?] = values ?? [nil, nil, nil, nil, nil]
            try insert.execute(arguments: [run, company, target, match, numbers[0], numbers[1], numbers[2], numbers[3], numbers[4]])
            written += 1
            if written % max(rowsPerTransaction, 1) == 0 {
                try db.commit()
                try db.beginTransaction(.immediate)
            }
        }
        let pairings = self.pairings(lists, previous)
        // The previous run's rows as rows of today's table (-1: the company is gone).
        let mapped = previous?.rows(in: table) ?? []
        // Where each of today's rows stands in the previous list being compared (-1: not in it).
        var position = [Int](repeating: -1, count: table.count)
        for (done, pairing) in pairings.enumerated() {
            if done % 4096 == 0 { progress(Reranker.Progress(stage: "writing", done: done, total: pairings.count)) }
            let company = pairing.company, target = pairing.target
            guard let list = pairing.new else {
                // A company no longer ranked: every entry leaves.
                for entry in previous!.published(pairing.old!) { try put(company, target, previous!.ids[Int(previous!.candidates[entry])], nil) }
                continue
            }
            let query = Int(lists.queries[list])
            let new = lists.published(list)
            guard let oldList = pairing.old, let previous else {
                for entry in new { try put(company, target, table.ids[Int(lists.candidates[entry])], values(query, lists, entry)) }
                continue
            }
            // An entry stays when neither company changed: its score and components are the same.
            let queryUnchanged = previous.revisions[Int(previous.queries[oldList])] == table.revisions[query]
            let old = previous.published(oldList)
            func unchanged(_ entry: Int) -> Bool {
                let then = Int(previous.candidates[entry]), row = mapped[then]
                return queryUnchanged && row >= 0 && previous.revisions[then] == table.revisions[row]
            }
            if old.count == new.count, zip(old, new).allSatisfy({ unchanged($0) && mapped[Int(previous.candidates[$0])] == Int(lists.candidates[$1]) }) {
                continue
            }
            var gone: [String] = []
            for entry in old {
                let row = mapped[Int(previous.candidates[entry])]
                if row >= 0 { position[row] = entry } else { gone.append(previous.ids[Int(previous.candidates[entry])]) }
            }
            for entry in new {
                let row = Int(lists.candidates[entry]), kept = position[row]
                position[row] = -1
                if kept >= 0 && unchanged(kept) { continue }
                try put(company, target, table.ids[row], values(query, lists, entry))
            }
            for entry in old {
                let row = mapped[Int(previous.candidates[entry])]
                if row >= 0 && position[row] >= 0 { gone.append(table.ids[row]) }
                if row >= 0 { position[row] = -1 }
            }
            for match in gone.sorted() { try put(company, target, match, nil) }
        }
        progress(Reranker.Progress(stage: "writing", done: pairings.count, total: pairings.count))
        return written
    }

    /// This run's lists and the previous run's they replace, paired by company and target, in
    /// key order.
    private func pairings(_ lists: RankingLists, _ previous: RankingLists?) -> [Pairing] {
        var pairings = (0..<lists.count).map {
            Pairing(company: table.ids[Int(lists.queries[$0])], target: lists.targets[$0], new: $0, old: nil)
        }
        if let previous {
            var index: [String: [String: Int]] = [:]
            for (position, pairing) in pairings.enumerated() { index[pairing.target, default: [:]][pairing.company] = position }
            for list in 0..<previous.count {
                let company = previous.ids[Int(previous.queries[list])], target = previous.targets[list]
                if let position = index[target]?[company] {
                    pairings[position].old = list
                } else {
                    pairings.append(Pairing(company: company, target: target, new: nil, old: list))
                }
            }
        }
        pairings.sort { ($0.company, $0.target) < ($1.company, $1.target) }
        return pairings
    }

    /// The score and components of entry `entry` of `lists`, whose query is `query`, as a ranking
    /// row stores them: the score is the sum of the components, as ``ScoreModel/score(_:_:)`` is.
    private func values(_ query: Int, _ lists: RankingLists, _ entry: Int) -> [Double] {
        let terms = model.components(features[query], features[Int(lists.candidates[entry])])
        return [terms.total, terms.sector, terms.complementarity, terms.language, terms.size]
    }
}
