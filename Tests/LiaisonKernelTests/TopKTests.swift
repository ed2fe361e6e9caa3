import LiaisonKernel
import Testing

/// Small blocks, so that tiny inputs still cross tile edges and take both threading strategies.
private let smallBlocks = TopKTunables(queryBlock: 7, candidateBlock: 13, minimumQueriesPerThread: 4)
private let tunings = [TopKTunables.standard, smallBlocks]
private let threadCounts = [1, 2, 3, 4]

/// The kernel's matches equal the reference's up to float rounding: same count, scores within
/// `tolerance` rank by rank, and each returned candidate's exact score equal to the reference's
/// score at its rank (so only near-ties may swap).
private func expectMatches(_ result: TopKResult, _ reference: [[(index: Int, score: Double)]],
                           queries: Matrix, candidates: Matrix, tolerance: Double = 1e-4,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.queryCount == reference.count, sourceLocation: sourceLocation)
    for (query, expected) in reference.enumerated() {
        let found = result.matches(ofQuery: query)
        #expect(found.count == expected.count, "query \(query)", sourceLocation: sourceLocation)
        for (rank, (match, wanted)) in zip(found, expected).enumerated() {
            let exact = zip(queries.row(query), candidates.row(match.index)).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            #expect(abs(Double(match.score) - wanted.score) <= tolerance, "query \(query) rank \(rank)", sourceLocation: sourceLocation)
            #expect(abs(exact - wanted.score) <= tolerance, "query \(query) rank \(rank)", sourceLocation: sourceLocation)
        }
        #expect(Set(found.map(\.index)).count == found.count, "no candidate twice", sourceLocation: sourceLocation)
    }
}

/// With exact arithmetic (small integers), the kernel must equal the reference exactly, ties included.
private func expectExactly(_ result: TopKResult, _ reference: [[(index: Int, score: Double)]],
                           sourceLocation: SourceLocation = #_sourceLocation) {
    for (query, expected) in reference.enumerated() {
        let found = result.matches(ofQuery: query)
        #expect(found.map(\.index) == expected.map(\.index), "query \(query)", sourceLocation: sourceLocation)
        #expect(found.map { Double($0.score) } == expected.map(\.score), "query \(query)", sourceLocation: sourceLocation)
    }
}

@Suite struct TopKTests {
    @Test(arguments: [(1, 200, 8, 5), (3, 1000, 64, 10), (70, 300, 16, 10), (300, 150, 3, 20), (40, 5, 32, 10)])
    func randomInputsMatchTheReference(queries: Int, candidates: Int, width: Int, k: Int) {
        var factory = MatrixFactory(state: UInt64(queries * 7919 + candidates))
        let q = factory.real(rows: queries, columns: width), c = factory.real(rows: candidates, columns: width)
        let reference = BruteForceTopK.search(queries: q, candidates: c, k: k)
        for tunables in tunings {
            for threads in threadCounts {
                let result = TopK.search(queries: q, candidates: c, k: k, threads: threads, tunables: tunables)
                expectMatches(result, reference, queries: q, candidates: c)
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func tiesBreakToTheLowerIndexWhateverTheThreads(maximum: UInt64) {
        var factory = MatrixFactory(state: maximum)
        let q = factory.integers(rows: 50, columns: 4, maximum: maximum)
        let c = factory.integers(rows: 400, columns: 4, maximum: maximum)
        let reference = BruteForceTopK.search(queries: q, candidates: c, k: 12)
        for tunables in tunings {
            for threads in threadCounts {
                expectExactly(TopK.search(queries: q, candidates: c, k: 12, threads: threads, tunables: tunables), reference)
            }
        }
    }

    @Test func zeroVectorsTieEverywhereAndKeepTheLowestIndices() {
        let q = Matrix(rows: 3, columns: 5), c = Matrix(rows: 40, columns: 5)
        for threads in threadCounts {
            let result = TopK.search(queries: q, candidates: c, k: 4, threads: threads, tunables: smallBlocks)
            for query in 0..<3 {
                #expect(result.matches(ofQuery: query).map(\.index) == [0, 1, 2, 3])
                #expect(result.matches(ofQuery: query).allSatisfy { $0.score == 0 })
            }
        }
    }

    @Test func kLargerThanTheCandidatesReturnsThemAll() {
        var factory = MatrixFactory(state: 11)
        let q = factory.real(rows: 9, columns: 6), c = factory.real(rows: 17, columns: 6)
        for threads in threadCounts {
            let result = TopK.search(queries: q, candidates: c, k: 50, threads: threads, tunables: smallBlocks)
            #expect(result.counts.allSatisfy { $0 == 17 })
            #expect(result.k == 17, "slots per query are capped at the candidates, whatever k asks")
            expectMatches(result, BruteForceTopK.search(queries: q, candidates: c, k: 50), queries: q, candidates: c)
        }
    }

    @Test func slotsBeyondTheQualifyingCandidatesStayEmpty() {
        var factory = MatrixFactory(state: 12)
        let q = factory.real(rows: 4, columns: 3), c = factory.real(rows: 30, columns: 3)
        let result = TopK.search(queries: q, candidates: c, k: 10, minimumScore: 1e9, threads: 2, tunables: smallBlocks)
        #expect(result.counts == [0, 0, 0, 0])
        #expect(result.indices.allSatisfy { $0 == -1 } && result.scores.allSatisfy { $0 == -.infinity })
    }

    @Test func emptySidesAndZeroKGiveEmptyResults() {
        var factory = MatrixFactory(state: 5)
        let some = factory.real(rows: 4, columns: 3)
        let none = Matrix(rows: 0, columns: 3)
        #expect(TopK.search(queries: none, candidates: some, k: 3).queryCount == 0)
        let noCandidates = TopK.search(queries: some, candidates: none, k: 3)
        #expect(noCandidates.counts == [0, 0, 0, 0])
        #expect(TopK.search(queries: some, candidates: some, k: 0).counts == [0, 0, 0, 0])
        #expect(TopK.search(queries: some, candidates: some, k: 3, in: 2..<2).counts == [0, 0, 0, 0])
    }

    @Test func zeroWidthMatricesScoreZero() {
        let q = Matrix(rows: 2, columns: 0), c = Matrix(rows: 5, columns: 0)
        let result = TopK.search(queries: q, candidates: c, k: 2, threads: 2)
        #expect(result.matches(ofQuery: 1).map(\.index) == [0, 1])
    }

    @Test func everyFilterTogetherMatchesTheReference() {
        var factory = MatrixFactory(state: 99)
        let q = factory.real(rows: 60, columns: 12), c = factory.real(rows: 500, columns: 12)
        let range = 120..<430
        var pairs: [(query: Int, candidate: Int)] = []
        for query in 0..<60 {
            for _ in 0..<factory.below(30) { pairs.append((query, range.lowerBound + factory.below(range.count))) }
        }
        // Exclude each query's true best candidate, so exclusions demonstrably matter.
        let unfiltered = BruteForceTopK.search(queries: q, candidates: c, k: 1, in: range)
        pairs += unfiltered.enumerated().map { (query: $0.offset, candidate: $0.element[0].index) }
        let excluded = Set(pairs.map { [$0.query, $0.candidate] })
        let exclusions = ExclusionList(queryCount: 60, pairs: pairs)
        for minimum in [-Double.infinity, 0.5, 100] {
            let reference = BruteForceTopK.search(queries: q, candidates: c, k: 8, in: range, excluding: excluded, minimumScore: minimum)
            for tunables in tunings {
                for threads in threadCounts {
                    let result = TopK.search(queries: q, candidates: c, k: 8, in: range, excluding: exclusions,
                                             minimumScore: Float(minimum), threads: threads, tunables: tunables)
                    expectMatches(result, reference, queries: q, candidates: c)
                    for query in 0..<60 {
                        #expect(result.matches(ofQuery: query).allSatisfy { range.contains($0.index) && !excluded.contains([query, $0.index]) })
                    }
                }
            }
        }
    }

    @Test func perQueryMinimumsMatchTheReference() {
        var factory = MatrixFactory(state: 41)
        // Small integers: exact sums, so scores equal to a minimum are kept exactly as the reference keeps them.
        let q = factory.integers(rows: 70, columns: 6, maximum: 4), c = factory.integers(rows: 300, columns: 6, maximum: 4)
        let everything = BruteForceTopK.search(queries: q, candidates: c, k: 300)
        // Per query: no bar, a bar at one of its own scores (ties with it stay), or above every score.
        let minimums = (0..<70).map { query -> Double in
            switch factory.below(4) {
            case 0: return -.infinity
            case 1: return everything[query].last!.score + 1
            default: return everything[query][factory.below(40)].score
            }
        }
        for (k, global) in [(5, -Double.infinity), (12, -Double.infinity), (12, 20)] {
            let reference = BruteForceTopK.search(queries: q, candidates: c, k: k, minimumScore: global, minimumScores: minimums)
            for tunables in tunings {
                for threads in threadCounts {
                    let result = TopK.search(queries: q, candidates: c, k: k, minimumScore: Float(global),
                                             minimumScores: minimums.map(Float.init), threads: threads, tunables: tunables)
                    expectExactly(result, reference)
                }
            }
        }
    }

    @Test func exclusionListAnswersMembership() {
        let list = ExclusionList(queryCount: 3, pairs: [(0, 5), (0, 2), (2, 7), (0, 5), (9, 1)])
        #expect(list.contains(query: 0, candidate: 2) && list.contains(query: 0, candidate: 5))
        #expect(!list.contains(query: 0, candidate: 3) && !list.contains(query: 1, candidate: 5))
        #expect(list.contains(query: 2, candidate: 7) && !list.contains(query: 9, candidate: 1))
        #expect(ExclusionList.none.isEmpty && !list.isEmpty)
    }

    @Test func multiplyOnlyRunsOnTheSameTiles() {
        var factory = MatrixFactory(state: 3)
        let q = factory.real(rows: 20, columns: 8), c = factory.real(rows: 50, columns: 8)
        TopK.multiplyOnly(queries: q, candidates: c, threads: 2, tunables: smallBlocks)
        #expect(BLASRuntime.threads >= 1, "BLAS threads restored to a valid setting")
    }
}
