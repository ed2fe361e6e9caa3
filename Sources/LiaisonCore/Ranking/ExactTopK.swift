import LiaisonKernel

/// The best candidates of queries by the exact score (``ScoreModel/score(_:_:)``), ties to the
/// lower candidate, found with the single-precision kernel whatever its rounding: what the
/// reranker's lists and live matching are made of.
///
/// The kernel's score of a pair is within ``tolerance`` of the exact score but not equal to it,
/// and how it rounds depends on the BLAS build and the processor: two candidates the exact score
/// ties can get kernel scores an ulp apart (identical rows do, at the edge of an `sgemm` tile).
/// The kernel's best `keep` are then not the exact best `keep` when a tie group straddles the cut,
/// and no re-sorting brings back a candidate the kernel did not return. So the kernel is asked for
/// ``extra`` more than are kept, and a query's exact best `keep` of those is *certified* when
///
/// - the kernel returned fewer than asked: it returned every candidate above the minimum; or
/// - the last kept exact score is above the lowest kernel score returned plus the tolerance: every
///   candidate not returned scores exactly below the last one kept.
///
/// Otherwise the query is searched again with a minimum of that last exact score less the
/// tolerance — every candidate that could tie with it or beat it passes — and ``growth`` times as
/// many candidates, until certified. Where the kernel searches a ``CandidateSet``, twins are one
/// row and cannot be split by rounding; only ties of distinct rows (firms that differ in what a
/// query does not weigh) or near ties, more than ``extra`` of them at the cut, cost a second search.
///
///     let exact = ExactTopK(model: model)
///     let firms = CandidateSet(table.rows, rows: table.rows(ofCountry: "US"))
///     let kernel = exact.kernel(left: model.leftMatrix(delegates), candidates: firms, threads: 2)
///     let lists = exact.best(queries: delegates.count, keep: 10, candidates: firms.distinctCount, kernel: kernel,
///                            twins: firms) { query in { row in model.score(delegates[query], table.features(ofRow: row)) } }.lists
struct ExactTopK: Sendable {
    /// One list entry: the candidate (a table row, or an index among the kernel's candidates
    /// when they are not rows), and its exact score.
    typealias Entry = (row: Int, score: Double)

    /// A kernel search: for each of `queries` (positions among the caller's queries, ascending), its
    /// best `k` candidates by kernel score among those scoring at least its minimum, best first,
    /// ties to the lower index. Candidate indices must run in the exact order's tie break (within
    /// a country, by id).
    typealias Kernel = (_ queries: [Int], _ k: Int, _ minimums: [Float]) -> [[(index: Int, score: Float)]]

    /// How far the kernel's score of a pair may be from its exact score, either way.
    let tolerance: Double
    /// A testing seam: the kernel's scores perturbed (see ``KernelPerturbation``).
    var perturbation: KernelPerturbation?

    init(model: ScoreModel, perturbation: KernelPerturbation? = nil) {
        tolerance = Self.tolerance(model)
        self.perturbation = perturbation
    }

    /// Candidates asked of the kernel beyond those kept: room for a tie group at the cut.
    static let extra = 16
    /// How many times more candidates a query searched again asks for, each time.
    static let growth = 8
    /// The tolerance of a model whose weights sum to 1.
    static let relativeTolerance = 1e-4

    /// The tolerance of `model`: ``relativeTolerance`` times the sum of the weights (at least 1).
    ///
    /// Every score term is a product of unit vectors or of values in [0, 1], so the sum of the
    /// magnitudes of a score's products is at most the sum of the weights W. Summed in single
    /// precision in any order, with or without fused multiply-adds, over the `d` columns of a row,
    /// the kernel's score is within about (d + 4)·2⁻²⁴·W of the exact one (the left rows are
    /// rounded once or twice to single precision, the right rows once from the values the exact
    /// score reads, the kernel's sum adds d roundings): about 1e-5·W for rows of 136 columns (the
    /// built-in taxonomy and a dozen languages). The tolerance takes ten times that, and twice the
    /// bound for rows so wide that it would not.
    static func tolerance(_ model: ScoreModel) -> Double {
        let weights = ScoreTerm.allCases.reduce(0.0) { $0 + abs(model.weights[$1]) }
        let rounding = 2 * Double(model.layout.width + 8) * 0x1p-24
        return max(relativeTolerance, rounding) * max(1, weights)
    }

    /// The exact best `keep` candidates of each of `count` queries, best first (a higher exact
    /// score, then a lower candidate), among those scoring at least the query's minimum when
    /// `minimums` are given; and how many queries were searched again.
    ///
    /// - Parameters:
    ///   - candidates: how many candidates the kernel searches.
    ///   - twins: what the kernel's candidates stand for: its candidate i is distinct row i of the
    ///     set, and stands for that row's twins (table rows); without it, candidate i stands for
    ///     itself.
    ///   - scorer: for a query (a position among the caller's queries), its exact score with a
    ///     candidate (made once per query: a query's features are read once, not once per pair).
    func best(queries count: Int, keep: Int, candidates: Int, minimums: [Double]? = nil, kernel: Kernel,
              twins: CandidateSet? = nil,
              scorer: (_ query: Int) -> (_ candidate: Int) -> Double) -> (lists: [[Entry]], rescanned: Int) {
        precondition(minimums.map { $0.count == count } ?? true, "one minimum per query")
        var lists = [[Entry]](repeating: [], count: count)
        guard keep > 0, candidates > 0 else { return (lists, 0) }
        // Per query, the lowest exact score a candidate needs to be kept: its kernel score is then
        // at least this less the tolerance.
        var bars = minimums ?? [Double](repeating: -.infinity, count: count)
        var pending = Array(0..<count)
        var asked = min(min(keep, candidates) + Self.extra, candidates)
        var rescanned: Int?
        while !pending.isEmpty {
            let found = kernel(pending, asked, pending.map { Self.float(atMost: bars[$0] - tolerance) })
            var uncertified: [Int] = []
            for (query, matches) in zip(pending, found) {
                let minimum = minimums?[query] ?? -.infinity
                let entries = cut(matches, keep: keep, minimum: minimum, twins: twins, score: scorer(query))
                lists[query] = entries
                // Every candidate the kernel did not return scores exactly at most its lowest score
                // returned plus the tolerance; none when it returned fewer than asked, or everyone.
                guard matches.count == asked, asked < candidates, let lowest = matches.last?.score else { continue }
                let bar = entries.count == keep ? entries[keep - 1].score : minimum
                if bar > Double(lowest) + tolerance { continue }
                bars[query] = max(bars[query], bar)
                uncertified.append(query)
            }
            rescanned = rescanned ?? uncertified.count
            pending = uncertified
            asked = min(asked * Self.growth, candidates)
        }
        return (lists, rescanned ?? 0)
    }

    /// One query's kernel matches (best first by kernel score) cut to the exact best `keep`
    /// candidates of those scoring at least `minimum`, best first.
    ///
    /// Only the matches that can be kept are scored exactly: once `keep` candidates scoring at
    /// least f in the kernel are known, each scores exactly at least f − ε, and a match whose
    /// kernel score is below f − 2ε scores exactly below all of them (as do the matches after it).
    private func cut(_ matches: [(index: Int, score: Float)], keep: Int, minimum: Double, twins: CandidateSet?,
                     score: (Int) -> Double) -> [Entry] {
        var scored: [Entry] = []
        scored.reserveCapacity(matches.count)
        var known = 0
        var stop = -Double.infinity
        for match in matches {
            guard Double(match.score) >= stop else { break }
            let members = twins?.members(match.index)
            let exact = score(members.map { twins!.row(at: $0.lowerBound) } ?? match.index)
            guard exact >= minimum else { continue }
            scored.append((match.index, exact))
            known += members?.count ?? 1
            if known >= keep && stop == -.infinity { stop = Double(match.score) - 2 * tolerance }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
        guard let twins else { return Array(scored.prefix(keep)) }
        // Each distinct row's twins; where distinct rows tie, their twins merged in row order.
        var entries: [Entry] = []
        var level = 0
        while level < scored.count && entries.count < keep {
            var end = level + 1
            while end < scored.count && scored[end].score == scored[level].score { end += 1 }
            let needed = keep - entries.count, score = scored[level].score
            if end == level + 1 {
                for position in twins.members(scored[level].row).prefix(needed) { entries.append((twins.row(at: position), score)) }
            } else {
                var tied = scored[level..<end].flatMap { twins.members($0.row).prefix(needed).map(twins.row(at:)) }
                tied.sort()
                for row in tied.prefix(needed) { entries.append((row, score)) }
            }
            level = end
        }
        return entries
    }

    /// The greatest single-precision value at most `value` (a kernel minimum that lets through
    /// every score at least `value`).
    static func float(atMost value: Double) -> Float {
        let rounded = Float(value)
        return Double(rounded) > value ? rounded.nextDown : rounded
    }
}
