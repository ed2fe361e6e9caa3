/// Query–candidate pairs that must never be ranked: a company and itself, blocked pairs.
///
/// Checked only for candidates that already beat a query's bar, so exclusions cost nothing on
/// the common path.
public struct ExclusionList: Sendable {
    /// For query q, its excluded candidates are `candidates[offsets[q] ..< offsets[q + 1]]`, sorted.
    private let offsets: [Int]
    private let candidates: [Int32]

    /// No exclusions.
    public static let none = ExclusionList(queryCount: 0, pairs: [])

    /// Exclusions from (query, candidate) pairs; pairs whose query is outside `0..<queryCount` are ignored.
    public init(queryCount: Int, pairs: [(query: Int, candidate: Int)]) {
        var perQuery = [[Int32]](repeating: [], count: queryCount)
        for pair in pairs where pair.query >= 0 && pair.query < queryCount {
            perQuery[pair.query].append(Int32(pair.candidate))
        }
        var offsets = [0]
        offsets.reserveCapacity(queryCount + 1)
        var candidates: [Int32] = []
        for list in perQuery {
            candidates += Set(list).sorted()
            offsets.append(candidates.count)
        }
        self.offsets = offsets
        self.candidates = candidates
    }

    /// Whether `candidate` is excluded for `query`.
    @inline(__always)
    public func contains(query: Int, candidate: Int32) -> Bool {
        guard query + 1 < offsets.count else { return false }
        var low = offsets[query], high = offsets[query + 1]
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle] < candidate { low = middle + 1 } else { high = middle }
        }
        return low < offsets[query + 1] && candidates[low] == candidate
    }

    /// Whether no pair is excluded.
    public var isEmpty: Bool { candidates.isEmpty }
}
