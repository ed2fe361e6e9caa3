import LiaisonKernel
import Testing

/// Random sparse rows with `perRow` entries each, values from `value`.
private func sparseRows(_ factory: inout MatrixFactory, rows: Int, columns: Int, perRow: Int,
                        value: (inout MatrixFactory) -> Float) -> SparseRows {
    var sparse = SparseRows(columns: columns)
    for _ in 0..<rows {
        let picked = Set((0..<perRow).map { _ in factory.below(columns) }).sorted()
        sparse.appendRow(picked.map { (column: $0, value: value(&factory)) })
    }
    return sparse
}

@Suite struct SparseTopKTests {
    @Test(arguments: [1, 2, 4])
    func matchesTheReferenceOnRandomRows(threads: Int) {
        var factory = MatrixFactory(state: UInt64(threads))
        // Enough rows that several threads each get a slice.
        let candidates = sparseRows(&factory, rows: 40_000, columns: 24, perRow: 4) { Float($0.below(1000)) / 1000 }
        let query = factory.real(rows: 1, columns: 24)
        let reference = BruteForceTopK.search(queries: query, candidates: candidates.dense(0..<candidates.rows), k: 10)[0]
        let found = TopK.search(query: Array(query.row(0)), candidates: candidates, k: 10, threads: threads)
        #expect(found.count == 10)
        for (match, wanted) in zip(found, reference) {
            #expect(abs(Double(match.score) - wanted.score) <= 1e-5)
        }
        #expect(Set(found.map(\.index)).count == 10)
    }

    @Test(arguments: [1, 3])
    func tiesGoToTheLowerIndex(threads: Int) {
        var factory = MatrixFactory(state: 8)
        let candidates = sparseRows(&factory, rows: 36_000, columns: 6, perRow: 2) { Float($0.below(3)) }
        let query = factory.integers(rows: 1, columns: 6, maximum: 2)
        let reference = BruteForceTopK.search(queries: query, candidates: candidates.dense(0..<candidates.rows), k: 25)[0]
        let found = TopK.search(query: Array(query.row(0)), candidates: candidates, k: 25, threads: threads)
        #expect(found.map(\.index) == reference.map(\.index))
        #expect(found.map { Double($0.score) } == reference.map(\.score))
    }

    @Test func rangeExclusionsAndMinimumScoreApply() {
        var factory = MatrixFactory(state: 21)
        let candidates = sparseRows(&factory, rows: 300, columns: 10, perRow: 3) { Float($0.below(100)) / 100 }
        let query = factory.real(rows: 1, columns: 10)
        let range = 50..<260
        let best = BruteForceTopK.search(queries: query, candidates: candidates.dense(0..<300), k: 1, in: range)[0][0].index
        let exclusions = ExclusionList(queryCount: 1, pairs: [(0, best - range.lowerBound)])
        for minimum in [-Double.infinity, 0.1] {
            let reference = BruteForceTopK.search(queries: query, candidates: candidates.dense(0..<300), k: 7, in: range,
                                                  excluding: [[0, best]], minimumScore: minimum)[0]
            let found = TopK.search(query: Array(query.row(0)), candidates: candidates, k: 7, in: range,
                                    excluding: exclusions, minimumScore: Float(minimum), threads: 2)
            #expect(found.map(\.index) == reference.map(\.index))
            #expect(found.allSatisfy { range.contains($0.index) && $0.index != best })
        }
    }

    @Test func emptyRowsAndEmptyRangesAreHandled() {
        var rows = SparseRows(columns: 3)
        rows.appendRow([])
        rows.appendRow([(column: 2, value: 1)])
        #expect(TopK.search(query: [0, 0, 2], candidates: rows, k: 5).map(\.index) == [1, 0])
        #expect(TopK.search(query: [0, 0, 2], candidates: rows, k: 5, in: 1..<1).isEmpty)
        #expect(TopK.search(query: [0, 0, 2], candidates: rows, k: 0).isEmpty)
    }

    @Test func denseRowsEqualTheEntries() {
        var rows = SparseRows(columns: 4)
        rows.appendRow([(column: 3, value: 2), (column: 0, value: -1)])
        rows.appendRow([(column: 1, value: 5)])
        #expect(rows.dense(0..<2).elements == [-1, 0, 0, 2, 0, 5, 0, 0])
        #expect(rows.dense(1..<2).elements == [0, 5, 0, 0])
        #expect(rows.row(0).map(\.column) == [3, 0])
    }

    @Test func inconsistentStoredArraysAreRefused() {
        #expect(SparseRows(columns: 3, rowStart: [0, 1], columnIndices: [2], values: [1]) != nil)
        #expect(SparseRows(columns: 3, rowStart: [0, 2], columnIndices: [2], values: [1]) == nil)
        #expect(SparseRows(columns: 3, rowStart: [0, 1], columnIndices: [3], values: [1]) == nil)
        #expect(SparseRows(columns: 3, rowStart: [1, 1], columnIndices: [], values: []) == nil)
    }
}
