import LiaisonKernel

extension ExactTopK {
    /// Result slots (query × k) one kernel call may fill: bounds the memory of a search again
    /// that asks many candidates for many queries.
    static let resultSlots = 1 << 22

    /// The blocked matrix-product kernel: query i is row i of `left`, candidate j distinct row j
    /// of `candidates`.
    func kernel(left: Matrix, candidates: CandidateSet, threads: Int) -> Kernel {
        let candidates = perturbation?.applied(to: candidates.matrix) ?? candidates.matrix
        return { queries, k, minimums in
            var found: [[(index: Int, score: Float)]] = []
            found.reserveCapacity(queries.count)
            let chunk = max(1, Self.resultSlots / max(k, 1))
            for start in stride(from: 0, to: queries.count, by: chunk) {
                let part = start..<min(start + chunk, queries.count)
                // All the queries in order, the first time; the few searched again, after.
                let rows = part.count == left.rows ? left
                    : Matrix(rows: part.count, columns: left.columns, elements: Array(part.map { left.row(queries[$0]) }.joined()))
                let bars = minimums[part].contains { $0 > -.infinity } ? Array(minimums[part]) : nil
                let result = TopK.search(queries: rows, candidates: candidates, k: k, minimumScores: bars, threads: threads)
                found += (0..<part.count).map(result.matches(ofQuery:))
            }
            return found
        }
    }

    /// The sparse kernel for one query row against `rows` in `range`: candidate j is row j of `rows`.
    func kernel(query: [Float], rows: SparseRows, in range: Range<Int>, excluding exclusions: ExclusionList,
                threads: Int) -> Kernel {
        let rows = perturbation?.applied(to: rows) ?? rows
        return { queries, k, minimums in
            zip(queries, minimums).map { _, minimum in
                TopK.search(query: query, candidates: rows, k: k, in: range, excluding: exclusions, minimumScore: minimum, threads: threads)
            }
        }
    }
}
