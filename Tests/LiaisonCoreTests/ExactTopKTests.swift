@testable import LiaisonCore
import LiaisonKernel
import Testing

/// ``ExactTopK`` against brute force, with a kernel that answers what any kernel within the
/// tolerance could: each score moved by up to the tolerance, at random or against the tie break,
/// in tie groups of every size up to far more than the extra candidates asked, with and without
/// twins folded (``CandidateSet``).
@Suite("Exact top-k from a rounding kernel")
struct ExactTopKTests {
    static let exact = ExactTopK(model: ScoreModel(weights: .defaults, layout: FeatureLayout(sectorCount: 5, languageCount: 3)))

    /// Candidates of a few profiles (twins share one), exact scores with many ties (a few distinct
    /// values), and the kernel's view of them.
    struct Scores {
        /// Each candidate's profile.
        var profiles: [Int]
        /// By query, the exact score of each profile.
        var exact: [[Double]]
        /// The candidates as rows: twins are identical rows.
        var rows: SparseRows
        /// With twins folded, the kernel searches distinct rows; without, every candidate.
        var set: CandidateSet?
        /// By query, every candidate ranked by the exact score, ties to the lower row.
        var answers: [[ExactTopK.Entry]]
        /// By query, the kernel's candidates ranked by its scores, ties to the lower index.
        var ranked: [[(index: Int, score: Float)]]

        init(queries: Int, candidates: Int, profiles profileCount: Int, distinct: Int, folded: Bool, adversarial: Bool,
             random: inout SeededGenerator) {
            let tolerance = ExactTopKTests.exact.tolerance
            let profiles = (0..<candidates).map { _ in random.below(profileCount) }
            let values = (0..<distinct).map { _ in random.unit() }
            let exact = (0..<queries).map { _ in (0..<profileCount).map { _ in values[random.below(distinct)] } }
            var rows = SparseRows(columns: profileCount)
            for profile in profiles { rows.appendRow([(column: profile, value: Float(1))] as [(column: Int, value: Float)]) }
            let set = folded ? CandidateSet(rows, rows: 0..<candidates) : nil
            let kernelProfiles = set.map { set in (0..<set.distinctCount).map { profiles[set.row(at: set.members($0).lowerBound)] } } ?? profiles
            ranked = exact.map { scores in
                let kernelScores = kernelProfiles.enumerated().map { index, profile in
                    // Up to (almost) the tolerance either way; against the tie break, the higher
                    // the index, the higher the kernel's score.
                    let shift = adversarial ? 2 * Double(index) / Double(kernelProfiles.count) - 1 : 2 * random.unit() - 1
                    return (index: index, score: Float(scores[profile] + shift * 0.99 * tolerance))
                }
                return kernelScores.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
            }
            answers = exact.map { scores in
                profiles.enumerated().map { row, profile in (row: row, score: scores[profile]) }
                    .sorted { $0.score != $1.score ? $0.score > $1.score : $0.row < $1.row }
            }
            (self.profiles, self.exact, self.rows, self.set) = (profiles, exact, rows, set)
        }

        /// What a kernel returns: the best `k` by its scores at or above the minimum, ties to the lower index.
        func kernel(_ queries: [Int], _ k: Int, _ minimums: [Float]) -> [[(index: Int, score: Float)]] {
            zip(queries, minimums).map { query, minimum in
                Array(ranked[query].prefix { $0.score >= minimum }.prefix(k))
            }
        }

        /// The answer, by brute force over every candidate.
        func best(_ query: Int, keep: Int, minimum: Double) -> [ExactTopK.Entry] {
            Array(answers[query].prefix { $0.score >= minimum }.prefix(keep))
        }
    }

    @Test("the exact best of every query, whatever the kernel's rounding, tie groups of every size, twins folded or not",
          arguments: [(1, false), (2, false), (3, true), (4, true)] as [(UInt64, Bool)])
    func bestIsExact(seed: UInt64, adversarial: Bool) {
        var random = SeededGenerator(seed: seed)
        for (candidates, profiles, distinct) in [(30, 30, 3), (300, 300, 40), (1_500, 1_500, 2), (1_500, 1_500, 150), (1_500, 200, 3), (1_500, 60, 30)] as [(Int, Int, Int)] {
            for folded in [false, true] {
                let scores = Scores(queries: 6, candidates: candidates, profiles: profiles, distinct: distinct, folded: folded,
                                    adversarial: adversarial, random: &random)
                for keep in [1, 5, 26, 300] {
                    let minimums = (0..<6).map { $0 % 3 == 0 ? scores.exact[$0][scores.profiles[$0]] : -.infinity }
                    for minimums in [nil, minimums] {
                        let found = Self.exact.best(queries: 6, keep: keep, candidates: scores.ranked[0].count, minimums: minimums,
                                                    kernel: scores.kernel, twins: scores.set) { query in
                            { scores.exact[query][scores.profiles[$0]] }
                        }
                        for query in 0..<6 {
                            let expected = scores.best(query, keep: keep, minimum: minimums?[query] ?? -.infinity)
                            #expect(found.lists[query].map(\.row) == expected.map(\.row),
                                    "\(candidates) candidates, \(profiles) profiles, \(distinct) scores, folded \(folded), keep \(keep), query \(query), minimum \(minimums?[query] ?? -.infinity)")
                            #expect(found.lists[query].map(\.score) == expected.map(\.score))
                        }
                        if profiles == candidates, candidates / distinct > keep + ExactTopK.extra {
                            #expect(found.rescanned > 0, "tie groups larger than the extra at the cut are searched again")
                        }
                    }
                }
            }
        }
    }

    @Test("twins are folded: one distinct row each, standing for its rows in order")
    func candidateSetFoldsTwins() {
        var rows = SparseRows(columns: 4)
        let profiles = [2, 0, 2, 1, 0, 2, 3]
        for profile in profiles { rows.appendRow([(column: profile, value: Float(0.5))] as [(column: Int, value: Float)]) }
        let set = CandidateSet(rows, rows: [1, 2, 3, 4, 5, 6])
        #expect(set.distinctCount == 4)
        #expect((0..<4).map { set.members($0).map(set.row(at:)) } == [[1, 4], [2, 5], [3], [6]])
        #expect(set.matrix == rows.dense(rows: [1, 2, 3, 6]))
    }

    @Test("a query whose kernel answer is decided is not searched again, and fewer candidates than asked are all seen")
    func decidedQueriesAreNotSearchedAgain() {
        // Distinct scores far apart: the first answer decides.
        let exact = (0..<200).map { Double($0) / 100 }
        var calls = 0
        let found = Self.exact.best(queries: 1, keep: 10, candidates: 200, kernel: { queries, k, _ in
            calls += 1
            return queries.map { _ in exact.enumerated().reversed().prefix(k).map { (index: $0.offset, score: Float($0.element)) } }
        }) { _ in { exact[$0] } }
        #expect(calls == 1 && found.rescanned == 0)
        #expect(found.lists[0].map(\.row) == Array((190..<200).reversed()))
        // 20 candidates, all tied: the kernel returns all 20 of the 26 asked, which decides.
        calls = 0
        let tied = Self.exact.best(queries: 1, keep: 10, candidates: 20, kernel: { queries, k, _ in
            calls += 1
            return queries.map { _ in (0..<min(k, 20)).map { (index: $0, score: Float(1)) } }
        }) { _ in { _ in 1 } }
        #expect(calls == 1 && tied.lists[0].map(\.row) == Array(0..<10))
    }

    @Test("a kernel minimum lets through every score at least the value it was made from")
    func floatAtMost() {
        for value in [0.1, -0.1, 1 / 3, 0.7 - 1e-4, 1e300, -1e300, 0, -.infinity] as [Double] {
            let bound = ExactTopK.float(atMost: value)
            #expect(Double(bound) <= value)
            #expect(bound == -.infinity || Double(bound.nextUp) > value || bound == .greatestFiniteMagnitude, "\(value)")
        }
    }
}
