/// The ranked lists of one rerank run, compact: for every company and target country, its best
/// candidates, best first (higher exact score, then lower row, which within a country is lower id).
///
/// Each list keeps `depth` entries — more than the `k` published — so that a later incremental
/// run can drop entries whose candidates changed and still know the exact top `k` without
/// scoring everything again. A list is *complete* when it holds every candidate of its target;
/// otherwise every candidate it does not hold ranks below its last entry (its floor).
public struct RankingLists: Sendable, Equatable {
    /// Entries published per list.
    public let k: Int
    /// Entries kept per list.
    public let depth: Int
    /// The feature-table ids the rows refer to (rows of the run's table), and their revisions
    /// then: what a later run compares to find what changed.
    public let ids: StringColumn
    public let revisions: [Int64]
    /// Per list: the query row, the target country and whether the list holds every candidate.
    public private(set) var queries: [Int32] = []
    public private(set) var targets: [String] = []
    public private(set) var complete: [Bool] = []
    /// Entries of list i: `start[i] ..< start[i + 1]` of `candidates` and `scores`.
    public private(set) var start: [Int32] = [0]
    public private(set) var candidates: [Int32] = []
    /// Exact scores by entry (see ``score(_:)``); empty in lists restored from storage, which
    /// keeps none (a run scores again the pairs it needs: those of unchanged companies come out
    /// the same).
    private var scores: [Double] = []
    /// Per list, its last entry's score (-infinity when empty): below it rank all the candidates
    /// a partial list does not hold. Kept even where scores are not.
    public private(set) var floors: [Double] = []

    public init(k: Int, depth: Int, ids: StringColumn, revisions: [Int64]) {
        self.k = k
        self.depth = depth
        self.ids = ids
        self.revisions = revisions
    }

    public var count: Int { queries.count }

    public mutating func append(query: Int, target: String, complete: Bool, entries: [(row: Int, score: Double)]) {
        queries.append(Int32(query))
        targets.append(target)
        self.complete.append(complete)
        for entry in entries {
            candidates.append(Int32(entry.row))
            scores.append(entry.score)
        }
        start.append(Int32(candidates.count))
        floors.append(entries.last?.score ?? -.infinity)
    }

    /// The exact score of entry `entry` (a position in `candidates`); NaN where unknown: in lists
    /// restored from storage, and for entries a merge kept without scoring them again.
    public func score(_ entry: Int) -> Double {
        scores.isEmpty ? .nan : scores[entry]
    }

    /// The entries of list `i`, best first.
    public func entries(_ i: Int) -> [(row: Int, score: Double)] {
        (Int(start[i])..<Int(start[i + 1])).map { (row: Int(candidates[$0]), score: score($0)) }
    }

    /// Each of these lists' rows (of the table they were ranked from) as a row of `table`, matched
    /// by id; -1 for a company `table` no longer has.
    public func rows(in table: FeatureTable) -> [Int] {
        var rowNow: [String: Int] = [:]
        rowNow.reserveCapacity(table.count)
        for row in 0..<table.count { rowNow[table.ids[row]] = row }
        return (0..<ids.count).map { rowNow[ids[$0]] ?? -1 }
    }

    /// The positions in `candidates` and `scores` of the entries list `i` publishes (its first `k`).
    public func published(_ i: Int) -> Range<Int> {
        Int(start[i])..<min(Int(start[i]) + k, Int(start[i + 1]))
    }

    /// Lists restored from their stored arrays, without scores; nil when they do not fit together.
    public init?(k: Int, depth: Int, ids: StringColumn, revisions: [Int64], queries: [Int32], targets: [String],
                 complete: [Bool], start: [Int32], candidates: [Int32], floors: [Double]) {
        guard ids.count == revisions.count, queries.count == targets.count, queries.count == complete.count, start.count == queries.count + 1,
              start.first == 0, Int(start.last!) == candidates.count, floors.count == queries.count,
              zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }),
              queries.allSatisfy({ $0 >= 0 && Int($0) < ids.count }),
              candidates.allSatisfy({ $0 >= 0 && Int($0) < ids.count }) else { return nil }
        self.init(k: k, depth: depth, ids: ids, revisions: revisions)
        self.queries = queries
        self.targets = targets
        self.complete = complete
        self.start = start
        self.candidates = candidates
        self.floors = floors
    }
}
