// The exact top-k kernel on synthetic sector vectors: many queries (the nightly rerank's shape)
// through the GEMM path, one query (`liaison match`) through the sparse path, and the plain tiled
// product of the same shape as the ceiling.
import Benchmark
import Foundation
import LiaisonKernel

/// Nonnegative rows with 3 to 8 nonzero columns of skewed popularity, L2-normalized: the shape of
/// sector vectors. Deterministic.
private func sectorVectors(rows: Int, width: Int, seed: UInt64) -> SparseRows {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var sparse = SparseRows(columns: width)
    for _ in 0..<rows {
        var entries: [Int: Float] = [:]
        for _ in 0..<(3 + Int(next() % 6)) {
            // Squaring a uniform draw favours low columns: popular sectors.
            let u = Double(next() >> 11) / Double(1 << 53)
            entries[Int(u * u * Double(width))] = Float(next() % 1000 + 50) / 1000
        }
        let norm = entries.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        sparse.appendRow(entries.sorted { $0.key < $1.key }.map { (column: $0.key, value: $0.value / norm) })
    }
    return sparse
}

let benchmarks: @Sendable () -> Void = {
    let width = 128
    let candidates = sectorVectors(rows: 200_000, width: width, seed: 2)
    let dense = candidates.dense(0..<candidates.rows)
    let queries = sectorVectors(rows: 2_000, width: width, seed: 1).dense(0..<2_000)
    let configuration = Benchmark.Configuration(metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                                                maxDuration: .seconds(60), maxIterations: 10)

    Benchmark("Top-10, 2000 x 200000, d=128, GEMM + fused heaps", configuration: configuration) { benchmark in
        blackHole(TopK.search(queries: queries, candidates: dense, k: 10, threads: 2))
    }
    Benchmark("Plain tiled sgemm, 2000 x 200000, d=128", configuration: configuration) { benchmark in
        TopK.multiplyOnly(queries: queries, candidates: dense, threads: 2)
    }
    let query = Array(queries.row(0))
    Benchmark("Top-10, 1 x 200000, sparse candidates", configuration: configuration) { benchmark in
        blackHole(TopK.search(query: query, candidates: candidates, k: 10, threads: 2))
    }
}
