import LiaisonKernel

/// The reference the kernel is checked against: every score in double precision, every filter
/// applied, sorted by score (descending) then index (ascending).
enum BruteForceTopK {
    static func search(queries: Matrix, candidates: Matrix, k: Int, in range: Range<Int>? = nil,
                       excluding excluded: Set<[Int]> = [], minimumScore: Double = -.infinity,
                       minimumScores: [Double]? = nil) -> [[(index: Int, score: Double)]] {
        let range = range ?? 0..<candidates.rows
        return (0..<queries.rows).map { query in
            let scored = range.compactMap { candidate -> (index: Int, score: Double)? in
                guard !excluded.contains([query, candidate]) else { return nil }
                let score = zip(queries.row(query), candidates.row(candidate)).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                return score >= minimumScore && score >= (minimumScores?[query] ?? -.infinity) ? (candidate, score) : nil
            }
            return Array(scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }.prefix(k))
        }
    }
}

/// Random matrices for property tests, from a seeded generator so failures repeat.
struct MatrixFactory {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform values in [-1, 1).
    mutating func real(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in Float(next() >> 40) / Float(1 << 23) - 1 })
    }

    /// Small integers in `0...maximum`, whose products and sums are exact in float: many exact ties.
    mutating func integers(rows: Int, columns: Int, maximum: UInt64) -> Matrix {
        Matrix(rows: rows, columns: columns, elements: (0..<rows * columns).map { _ in Float(next() % (maximum + 1)) })
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
