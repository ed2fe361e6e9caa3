/// The best `k` candidates of each query, best first: higher score first, then lower index.
public struct TopKResult: Sendable {
    public let queryCount: Int
    /// Slots per query: the `k` asked for, or the number of candidates when there are fewer.
    public let k: Int
    /// How many matches each query has: `k`, or fewer when fewer candidates qualify.
    public let counts: [Int32]
    /// Candidate indices, `k` slots per query (`query * k + rank`); unused slots hold -1.
    public let indices: [Int32]
    /// Scores, laid out like `indices`; unused slots hold -infinity.
    public let scores: [Float]

    init(queryCount: Int, k: Int, counts: [Int32], indices: [Int32], scores: [Float]) {
        self.queryCount = queryCount
        self.k = k
        self.counts = counts
        self.indices = indices
        self.scores = scores
    }

    /// The matches of one query, best first.
    public func matches(ofQuery query: Int) -> [(index: Int, score: Float)] {
        (0..<Int(counts[query])).map { (index: Int(indices[query * k + $0]), score: scores[query * k + $0]) }
    }
}
