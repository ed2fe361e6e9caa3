import Dispatch
import LiaisonKernel

/// Recomputes every company's ranked matches: for each delegate, its best firms of each host
/// country; for each host firm, its best delegates. Exact, like `liaison match`, and
/// deterministic: lists are ordered by the exact score (``ScoreModel/score(_:_:)``), the one
/// live matching orders by, ties to the lower id. The kernel finds each list's entries in single
/// precision; ``ExactTopK`` scores them exactly and makes sure no candidate the kernel's rounding
/// left out belongs in the list, whatever the BLAS kernel and however large a tie group at the cut.
/// Twins (companies of identical profiles) are ranked once: as candidates, one row of the kernel
/// stands for them all (``CandidateSet``); as queries, they share one search.
///
/// An incremental run starts from the previous run's lists and scores only what changed: each
/// unchanged company is scored against the changed candidates, and those are merged into its
/// list. Because each list keeps more entries than it publishes, and every candidate it does not
/// hold ranks below its last entry, the merge knows the exact top `k` as long as `k` known
/// entries remain above that floor; only otherwise is the company scored against everyone again.
/// The result is exactly the lists a full run would give.
public struct Reranker: Sendable {
    public let table: FeatureTable
    public let model: ScoreModel
    public let k: Int
    /// Entries kept per list beyond the `k` published: room for an incremental run's merges to
    /// lose entries whose candidates changed and still know the top `k`.
    public static let reserve = 16
    /// Host countries ranked (and whose firms get lists).
    public let countries: [String]
    public let threads: Int
    /// Every row's features, for exact scores (and for whoever explains the lists' entries).
    public let features: [CompanyFeatures]
    /// A testing seam: the kernel's scores perturbed, as another processor's rounding could.
    var kernelPerturbation: KernelPerturbation?

    /// What a run has done so far, for progress reports: its stage (`loading`, `ranking US`,
    /// `writing`…) and how far that stage has gone.
    public struct Progress: Sendable {
        public var stage: String
        public var done: Int
        public var total: Int

        public init(stage: String, done: Int, total: Int) {
            self.stage = stage
            self.done = done
            self.total = total
        }
    }

    /// What a run computed.
    public struct Statistics: Sendable {
        public var companies = 0
        public var pairsScored = 0
        /// Lists recomputed in full (an incremental run's merges could not decide them).
        public var listsRecomputed = 0
        public var listsMerged = 0
        /// Searches (of a list, or of a list's changed candidates) that the kernel's first answer
        /// could not decide, searched again with a minimum: a tie group larger than
        /// ``ExactTopK/extra`` at the cut.
        public var listsRescanned = 0
    }

    public init(table: FeatureTable, weights: ScoreWeights, k: Int, countries: [String], threads: Int = TopK.defaultThreads) {
        self.table = table
        model = ScoreModel(weights: weights, layout: table.layout)
        self.k = k
        self.countries = countries
        self.threads = threads
        features = (0..<table.count).map(table.features(ofRow:))
    }

    var depth: Int { k + Self.reserve }

    /// One direction of ranking: these queries against the candidates of one country.
    struct Unit {
        var queries: Range<Int>
        var candidates: Range<Int>
        var target: String
    }

    /// Delegates against each host country, then each host country's firms against the delegates.
    var units: [Unit] {
        let delegates = table.rows(ofCountry: MatchSides.delegation)
        return countries.map { Unit(queries: delegates, candidates: table.rows(ofCountry: $0), target: $0) }
            + countries.map { Unit(queries: table.rows(ofCountry: $0), candidates: delegates, target: MatchSides.delegation) }
    }

    /// Queries scored per batch: bounds memory and paces progress reports.
    static let batch = 8192

    /// Every list, from scratch.
    public func full(progress: (Progress) -> Void = { _ in }) -> (lists: RankingLists, statistics: Statistics) {
        var lists = RankingLists(k: k, depth: depth, ids: table.ids, revisions: table.revisions)
        var statistics = Statistics()
        let total = units.reduce(0) { $0 + $1.queries.count }
        var done = 0
        for unit in units {
            let candidates = CandidateSet(table.rows, rows: unit.candidates)
            for batch in stride(from: unit.queries.lowerBound, to: unit.queries.upperBound, by: Self.batch) {
                let rows = Array(batch..<min(batch + Self.batch, unit.queries.upperBound))
                let found = search(rows, against: candidates)
                for (row, entries) in zip(rows, found.lists) {
                    lists.append(query: row, target: unit.target, complete: unit.candidates.count <= depth, entries: entries)
                }
                statistics.listsRescanned += found.rescanned
                statistics.pairsScored += rows.count * unit.candidates.count
                done += rows.count
                progress(Progress(stage: "ranking \(unit.target)", done: done, total: total))
            }
        }
        statistics.companies = units.reduce(into: Set<Int>()) { $0.formUnion($1.queries) }.count
        return (lists, statistics)
    }

    /// The lists of `previous` brought up to date with the table: exactly what `full` gives.
    public func incremental(from previous: RankingLists, progress: (Progress) -> Void = { _ in }) -> (lists: RankingLists, statistics: Statistics) {
        precondition(previous.k == k && previous.depth == depth, "an incremental run keeps the previous run's k")
        var statistics = Statistics()
        // Rows of the previous table → rows now, and which rows changed (or are new).
        let mapped = previous.rows(in: table)
        var revisionThen = [Int64?](repeating: nil, count: table.count)
        for old in mapped.indices where mapped[old] >= 0 { revisionThen[mapped[old]] = previous.revisions[old] }
        let changed = (0..<table.count).map { revisionThen[$0] != table.revisions[$0] }
        // Each row's previous list, by target country (-1: none).
        var previousLists: [String: [Int]] = [:]
        for list in 0..<previous.count {
            let row = mapped[Int(previous.queries[list])]
            if row >= 0 { previousLists[previous.targets[list], default: Array(repeating: -1, count: table.count)][row] = list }
        }

        var lists = RankingLists(k: k, depth: depth, ids: table.ids, revisions: table.revisions)
        let total = units.reduce(0) { $0 + $1.queries.count }
        var done = 0
        for unit in units {
            let changedCandidates = unit.candidates.filter { changed[$0] }
            let changedSet = CandidateSet(table.rows, rows: changedCandidates)
            let previousList = previousLists[unit.target] ?? Array(repeating: -1, count: table.count)
            // Lists made again against every candidate: changed or new queries, and those whose
            // merge could not decide (found batch by batch below).
            var candidates: CandidateSet?
            func recomputed(_ rows: [Int]) -> [[(row: Int, score: Double)]] {
                if candidates == nil { candidates = CandidateSet(table.rows, rows: unit.candidates) }
                statistics.listsRecomputed += rows.count
                return stride(from: 0, to: rows.count, by: Self.batch).flatMap { batch -> [[(row: Int, score: Double)]] in
                    let part = Array(rows[batch..<min(batch + Self.batch, rows.count)])
                    statistics.pairsScored += part.count * unit.candidates.count
                    let found = search(part, against: candidates!)
                    statistics.listsRescanned += found.rescanned
                    return found.lists
                }
            }
            let fresh = unit.queries.filter { changed[$0] || previousList[$0] < 0 }
            var made = Dictionary(uniqueKeysWithValues: zip(fresh, fresh.isEmpty ? [] : recomputed(fresh)))
            let complete = unit.candidates.count <= depth
            // Batch by batch, in query order: each batch's lists are appended as soon as known.
            for batch in stride(from: unit.queries.lowerBound, to: unit.queries.upperBound, by: Self.batch) {
                let rows = batch..<min(batch + Self.batch, unit.queries.upperBound)
                var batchLists = [(complete: Bool, entries: [(row: Int, score: Double)])?](repeating: nil, count: rows.count)
                let steady = rows.filter { !changed[$0] && previousList[$0] >= 0 }
                // Changed candidates below a partial list's floor cannot enter it: they need no
                // exact score, nor a place in the kernel's heap for the list.
                let floors = steady.map { row -> Double in
                    let list = previousList[row], end = Int(previous.start[list + 1])
                    return previous.complete[list] || end == Int(previous.start[list]) ? -.infinity : previous.floors[list]
                }
                let news = changedCandidates.isEmpty ? (lists: steady.map { _ in [] }, rescanned: 0)
                    : search(steady, against: changedSet, floors: floors)
                statistics.listsRescanned += news.rescanned
                statistics.pairsScored += steady.count * changedCandidates.count
                // The merges are independent: the threads take every `threads`-th one.
                batchLists.withUnsafeMutableBufferPointer { buffer in
                    let slots = MergeSlots(base: buffer.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: min(threads, max(steady.count, 1))) { worker in
                        for index in stride(from: worker, to: steady.count, by: threads) {
                            let row = steady[index]
                            slots.base[row - batch] = merge(previous: previous, list: previousList[row], query: row, fresh: news.lists[index],
                                                            mapped: mapped, changed: changed, candidates: unit.candidates)
                        }
                    }
                }
                statistics.listsMerged += batchLists.count { $0 != nil }
                let undecided = steady.filter { batchLists[$0 - batch] == nil }
                if !undecided.isEmpty { for (row, entries) in zip(undecided, recomputed(undecided)) { made[row] = entries } }
                for row in rows {
                    let list = batchLists[row - batch] ?? (complete, made.removeValue(forKey: row)!)
                    lists.append(query: row, target: unit.target, complete: list.complete, entries: list.entries)
                }
                done += rows.count
                progress(Progress(stage: "ranking \(unit.target)", done: done, total: total))
            }
        }
        statistics.companies = units.reduce(into: Set<Int>()) { $0.formUnion($1.queries) }.count
        return (lists, statistics)
    }

    /// A previous list with its changed and removed candidates taken out and the freshly scored
    /// changed candidates (the best `depth` of them) put in; nil when fewer than `k` entries are
    /// then known exactly, or when a list that did not hold every candidate now could (a full run
    /// would hold them all).
    ///
    /// The entries kept are in order already, and stored lists carry no scores: the few a fresh
    /// entry is compared with, and the new last one, are computed again (unchanged pairs score
    /// what they scored); the others stay unknown (NaN).
    private func merge(previous: RankingLists, list: Int, query: Int, fresh: [(row: Int, score: Double)], mapped: [Int], changed: [Bool],
                       candidates: Range<Int>) -> (complete: Bool, entries: [(row: Int, score: Double)])? {
        let old = Int(previous.start[list])..<Int(previous.start[list + 1])
        var entries = old.compactMap { entry -> (row: Int, score: Double)? in
            let row = mapped[Int(previous.candidates[entry])]
            return row >= 0 && !changed[row] && candidates.contains(row) ? (row, previous.score(entry)) : nil
        }
        var fresh = fresh
        if !previous.complete[list] {
            // Every candidate not kept ranked below the last entry (the floor), by score then id;
            // a changed candidate below it stays unknown, and so still below it.
            guard candidates.count > depth, let last = old.last else { return nil }
            let floor = previous.floors[list], floorID = previous.ids[Int(previous.candidates[last])]
            fresh = fresh.filter { $0.score != floor ? $0.score > floor : table.ids[$0.row] < floorID }
            guard entries.count + fresh.count >= k else { return nil }
        }
        // A complete list holds every unchanged candidate, and the best `depth` changed ones: the
        // union's best `depth` are the best of all.
        func known(_ i: Int) -> (row: Int, score: Double) {
            if entries[i].score.isNaN { entries[i].score = model.score(features[query], features[entries[i].row]) }
            return entries[i]
        }
        var from = 0
        for entry in fresh {  // best first: each goes after the one before
            var low = from, high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if Self.better(known(middle), than: entry) { low = middle + 1 } else { high = middle }
            }
            entries.insert(entry, at: low)
            from = low + 1
        }
        entries.removeLast(max(0, entries.count - depth))
        if !entries.isEmpty { _ = known(entries.count - 1) }  // the new floor
        return (candidates.count <= depth, entries)
    }

    /// Where concurrent merges put their lists: each thread writes slots no other thread does.
    private struct MergeSlots: @unchecked Sendable {
        let base: UnsafeMutablePointer<(complete: Bool, entries: [(row: Int, score: Double)])?>
    }

    /// Ranking order: a higher score, then a lower row (within a country, a lower id).
    static func better(_ a: (row: Int, score: Double), than b: (row: Int, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : a.row < b.row
    }

    /// The exact best `depth` candidates of each of `queries` (rows) among `candidates`, best
    /// first; only those scoring at least the query's floor, when floors are given.
    private func search(_ queries: [Int], against candidates: CandidateSet,
                        floors: [Double]? = nil) -> (lists: [[(row: Int, score: Double)]], rescanned: Int) {
        // Twin queries get the same list: each distinct one is searched once. Not with floors,
        // which are each list's own.
        let (group, distinct) = floors == nil ? CandidateSet.twins(queries, of: table.rows) : (Array(queries.indices), queries)
        let exact = ExactTopK(model: model, perturbation: kernelPerturbation)
        let subjects = distinct.map { features[$0] }
        let kernel = exact.kernel(left: model.leftMatrix(subjects), candidates: candidates, threads: threads)
        let found = exact.best(queries: distinct.count, keep: depth, candidates: candidates.distinctCount, minimums: floors,
                               kernel: kernel, twins: candidates) { query in
            let subject = subjects[query]
            return { model.score(subject, features[$0]) }
        }
        return (group.count == distinct.count ? found.lists : group.map { found.lists[$0] }, found.rescanned)
    }
}
