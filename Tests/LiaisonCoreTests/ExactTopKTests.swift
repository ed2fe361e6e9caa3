@testable import LiaisonCore
import Testing

/// ``ExactTopK`` against brute force, with a kernel that answers what any kernel within the
/// tolerance could: each score moved by up to the tolerance, at random or against the tie break,
/// in tie groups of every size up to far more than the extra candidates asked.
@Suite("Exact top-k from a rounding kernel")
struct ExactTopKTests {
    static let exact = ExactTopK(model: ScoreModel(weights: .defaults, layout: FeatureLayout(sectorCount: 5, languageCount: 3)))

    /// Exact scores with many ties (a few distinct values) and the kernel's view of them.
    struct Scores {
        var exact: [[Double]]
        var kernel: [[Float]]

        init(queries: Int, candidates: Int, distinct: Int, adversarial: Bool, random: inout SeededGenerator) {
            let tolerance = ExactTopKTests.exact.tolerance
            let values = (0..<distinct).map { _ in random.unit() }
            exact = (0..<queries).map { _ in (0..<candidates).map { _ in values[random.below(distinct)] } }
            kernel = exact.map { row in
                row.enumerated().map { candidate, score in
                    // Up to (almost) the tolerance either way; against the tie break, the higher
                    // the index, the higher the kernel's score.
                    let shift = adversarial ? 2 * Double(candidate) / Double(candidates) - 1 : 2 * random.unit() - 1
                    return Float(score + shift * 0.99 * tolerance)
                }
            }
        }

        /// What a kernel returns: the best `k` by its scores at or above the minimum, ties to the lower index.
        func kernel(_ queries: [Int], _ k: Int, _ minimums: [Float]) -> [[(index: Int, score: Float)]] {
            zip(queries, minimums).map { query, minimum in
                kernel[query].enumerated().filter { $0.element >= minimum }.map { (index: $0.offset, score: $0.element) }
                    .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.prefix(k).map { $0 }
            }
        }

        /// The answer, by brute force.
        func best(_ query: Int, keep: Int, minimum: Double) -> [ExactTopK.Entry] {
            exact[query].enumerated().filter { $0.element >= minimum }.map { (candidate: $0.offset, score: $0.element) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.candidate < $1.candidate }.prefix(keep).map { $0 }
        }
    }

    @Test("the exact best of every query, whatever the kernel's rounding, tie groups of every size",
          arguments: [(1, false), (2, false), (3, true), (4, true)] as [(UInt64, Bool)])
    func bestIsExact(seed: UInt64, adversarial: Bool) {
        var random = SeededGenerator(seed: seed)
        for (candidates, distinct) in [(30, 3), (300, 40), (1_500, 2), (1_500, 150)] {
            let scores = Scores(queries: 6, candidates: candidates, distinct: distinct, adversarial: adversarial, random: &random)
            for keep in [1, 5, 26, 300] {
                let minimums = (0..<6).map { $0 % 3 == 0 ? scores.exact[$0][$0] : -.infinity }
                for minimums in [nil, minimums] {
                    let found = Self.exact.best(queries: 6, keep: keep, candidates: candidates, minimums: minimums, kernel: scores.kernel) {
                        scores.exact[$0][$1]
                    }
                    for query in 0..<6 {
                        let expected = scores.best(query, keep: keep, minimum: minimums?[query] ?? -.infinity)
                        #expect(found.lists[query].map(\.candidate) == expected.map(\.candidate),
                                "\(candidates) candidates, \(distinct) scores, keep \(keep), query \(query), minimum \(minimums?[query] ?? -.infinity)")
                        #expect(found.lists[query].map(\.score) == expected.map(\.score))
                    }
                    if candidates / distinct > keep + ExactTopK.extra {
                        #expect(found.rescanned > 0, "tie groups larger than the extra at the cut are searched again")
                    }
                }
            }
        }
    }

    @Test("a query whose kernel answer is decided is not searched again, and fewer candidates than asked are all seen")
    func decidedQueriesAreNotSearchedAgain() {
        // Distinct scores far apart: the first answer decides.
        let exact = (0..<200).map { Double($0) / 100 }
        var calls = 0
        let found = Self.exact.best(queries: 1, keep: 10, candidates: 200, kernel: { queries, k, _ in
            calls += 1
            return queries.map { _ in exact.enumerated().reversed().prefix(k).map { (index: $0.offset, score: Float($0.element)) } }
        }) { exact[$1] }
        #expect(calls == 1 && found.rescanned == 0)
        #expect(found.lists[0].map(\.candidate) == Array((190..<200).reversed()))
        // 20 candidates, all tied: the kernel returns all 20 of the 26 asked, which decides.
        calls = 0
        let tied = Self.exact.best(queries: 1, keep: 10, candidates: 20, kernel: { queries, k, _ in
            calls += 1
            return queries.map { _ in (0..<min(k, 20)).map { (index: $0, score: Float(1)) } }
        }) { _, _ in 1 }
        #expect(calls == 1 && tied.lists[0].map(\.candidate) == Array(0..<10))
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
