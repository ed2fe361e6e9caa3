import Dispatch
import Foundation

/// Exact top-k of `queries · candidatesᵀ`: for each query row, the `k` candidate rows with the
/// highest inner product, never approximated.
///
/// Tiles of queries × candidates go through `sgemm` into a reused, cache-sized scratch tile;
/// each query's bounded heap then takes only scores above its current bar (a vectorized max over
/// 64 scores first, so most scores cost one compare). Work is spread over `threads` cores with
/// BLAS kept single-threaded meanwhile: many queries are split across threads, few queries split
/// the candidates and merge private heaps. Results are deterministic: ties go to the lower
/// candidate index, whatever the thread count.
///
///     let result = TopK.search(queries: delegates, candidates: firms, k: 10, in: usFirms)
///     result.matches(ofQuery: 0)   // [(index, score)], best first
public enum TopK {
    /// Threads used by default: one per core.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// The best `k` candidates of every query.
    ///
    /// - Parameters:
    ///   - range: the candidate rows to consider (e.g. one country's firms); all rows by default.
    ///   - exclusions: pairs never ranked (a company and itself, blocked pairs).
    ///   - minimumScore: candidates scoring below it are never ranked.
    ///   - minimumScores: one per query, when given: candidates scoring below a query's are never
    ///     ranked for it (besides `minimumScore`).
    public static func search(
        queries: Matrix, candidates: Matrix, k: Int, in range: Range<Int>? = nil,
        excluding exclusions: ExclusionList = .none, minimumScore: Float = -.infinity, minimumScores: [Float]? = nil,
        threads: Int = defaultThreads, tunables: TopKTunables = .standard
    ) -> TopKResult {
        precondition(queries.columns == candidates.columns, "queries and candidates differ in width")
        precondition(k >= 0 && threads >= 1)
        precondition(minimumScores.map { $0.count == queries.rows } ?? true, "one minimum score per query")
        let range = range ?? 0..<candidates.rows
        precondition(range.lowerBound >= 0 && range.upperBound <= candidates.rows, "candidate range out of bounds")
        let k = min(k, range.count)
        let plan = Plan(queryCount: queries.rows, width: queries.columns, k: k, range: range, exclusions: exclusions,
                        minimumScore: minimumScore, minimumScores: minimumScores, tunables: tunables, ranks: true)

        var indices = [Int32](repeating: -1, count: queries.rows * k)
        var scores = [Float](repeating: -.infinity, count: queries.rows * k)
        var counts = [Int32](repeating: 0, count: queries.rows)
        guard k > 0, !range.isEmpty, queries.rows > 0 else {
            return TopKResult(queryCount: queries.rows, k: k, counts: counts, indices: indices, scores: scores)
        }
        queries.elements.withUnsafeBufferPointer { q in
            candidates.elements.withUnsafeBufferPointer { c in
                indices.withUnsafeMutableBufferPointer { outIndices in
                    scores.withUnsafeMutableBufferPointer { outScores in
                        counts.withUnsafeMutableBufferPointer { outCounts in
                            let output = Output(scores: outScores.baseAddress!, indices: outIndices.baseAddress!, counts: outCounts.baseAddress!)
                            let input = Input(queries: q.baseAddress!, candidates: c.baseAddress!)
                            BLASRuntime.singleThreaded {
                                if queries.rows >= threads * tunables.minimumQueriesPerThread || threads == 1 {
                                    plan.splittingQueries(input, threads: threads, into: output)
                                } else {
                                    plan.splittingCandidates(input, threads: threads, into: output)
                                }
                            }
                        }
                    }
                }
            }
        }
        return TopKResult(queryCount: queries.rows, k: k, counts: counts, indices: indices, scores: scores)
    }

    /// Computes every tile of `queries · candidatesᵀ` exactly as ``search`` does, with the same
    /// threads and blocks, but ranks nothing: the ceiling the search is measured against.
    public static func multiplyOnly(queries: Matrix, candidates: Matrix, threads: Int = defaultThreads,
                                    tunables: TopKTunables = .standard) {
        precondition(queries.columns == candidates.columns && queries.columns > 0)
        let plan = Plan(queryCount: queries.rows, width: queries.columns, k: 0, range: 0..<candidates.rows,
                        exclusions: .none, minimumScore: -.infinity, minimumScores: nil, tunables: tunables, ranks: false)
        let nowhere = Output(scores: .allocate(capacity: 0), indices: .allocate(capacity: 0), counts: .allocate(capacity: 0))
        defer {
            nowhere.scores.deallocate()
            nowhere.indices.deallocate()
            nowhere.counts.deallocate()
        }
        queries.elements.withUnsafeBufferPointer { q in
            candidates.elements.withUnsafeBufferPointer { c in
                BLASRuntime.singleThreaded {
                    plan.splittingQueries(Input(queries: q.baseAddress!, candidates: c.baseAddress!), threads: threads, into: nowhere)
                }
            }
        }
    }
}

/// The matrices searched, row-major, shared read-only by the worker threads.
private struct Input: @unchecked Sendable {
    var queries: UnsafePointer<Float>
    var candidates: UnsafePointer<Float>
}

/// Where results go: `k` slots per query, and a count per query.
private struct Output: @unchecked Sendable {
    var scores: UnsafeMutablePointer<Float>
    var indices: UnsafeMutablePointer<Int32>
    var counts: UnsafeMutablePointer<Int32>
}

/// One search's parameters, and the two ways of spreading it over threads.
private struct Plan: @unchecked Sendable {
    let queryCount: Int
    let width: Int
    let k: Int
    let range: Range<Int>
    let exclusions: ExclusionList
    let minimumScore: Float
    let minimumScores: [Float]?
    let tunables: TopKTunables
    /// False to compute the score tiles only (see ``TopK/multiplyOnly(queries:candidates:threads:tunables:)``).
    let ranks: Bool

    /// Threads take blocks of queries in turn; each query's heap lives in its output slots.
    func splittingQueries(_ input: Input, threads: Int, into output: Output) {
        // Smaller blocks when there are too few queries for every thread to get one.
        let queryBlock = max(1, min(tunables.queryBlock, (queryCount + threads - 1) / threads))
        let blockCount = (queryCount + queryBlock - 1) / queryBlock
        let nextBlock = BlockCounter()
        let workers = min(threads, blockCount)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: queryBlock * tunables.candidateBlock)
            defer { scratch.deallocate() }
            while let block = nextBlock.take(below: blockCount) {
                let first = block * queryBlock
                let count = min(queryBlock, queryCount - first)
                var heaps = (first..<first + count).map {
                    BoundedHeap(scores: output.scores + $0 * k, indices: output.indices + $0 * k, capacity: k)
                }
                rank(queries: first..<first + count, candidates: range, input, heaps: &heaps, scratch: scratch)
                for (offset, var heap) in heaps.enumerated() where ranks {
                    heap.sortBestFirst()
                    output.counts[first + offset] = Int32(heap.count)
                }
            }
        }
    }

    /// Each thread ranks a slice of the candidates for every query into private heaps; the heaps
    /// are then merged into the output.
    func splittingCandidates(_ input: Input, threads: Int, into output: Output) {
        let workers = max(1, min(threads, (range.count + tunables.candidateBlock - 1) / tunables.candidateBlock))
        let sliceSize = (range.count + workers - 1) / workers
        let slots = Output(scores: .allocate(capacity: workers * queryCount * k),
                           indices: .allocate(capacity: workers * queryCount * k),
                           counts: .allocate(capacity: workers * queryCount))
        defer {
            slots.scores.deallocate()
            slots.indices.deallocate()
            slots.counts.deallocate()
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let lower = range.lowerBound + worker * sliceSize
            let slice = lower..<min(range.upperBound, lower + sliceSize)
            let base = worker * queryCount
            var heaps = (0..<queryCount).map {
                BoundedHeap(scores: slots.scores + (base + $0) * k, indices: slots.indices + (base + $0) * k, capacity: k)
            }
            if !slice.isEmpty {
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: tunables.queryBlock * tunables.candidateBlock)
                defer { scratch.deallocate() }
                var first = 0
                while first < queryCount {
                    let count = min(tunables.queryBlock, queryCount - first)
                    rank(queries: first..<first + count, candidates: slice, input,
                         heaps: &heaps[first..<first + count], scratch: scratch)
                    first += count
                }
            }
            for (query, heap) in heaps.enumerated() {
                slots.counts[base + query] = Int32(heap.count)
            }
        }
        for query in 0..<queryCount {
            var merged = BoundedHeap(scores: output.scores + query * k, indices: output.indices + query * k, capacity: k)
            for worker in 0..<workers {
                let base = (worker * queryCount + query) * k
                for slot in 0..<Int(slots.counts[worker * queryCount + query]) {
                    merged.offer(slots.scores[base + slot], slots.indices[base + slot])
                }
            }
            merged.sortBestFirst()
            output.counts[query] = Int32(merged.count)
        }
    }

    /// Offers every candidate of `candidateRange` to the heaps of `queryRange`, tile by tile.
    private func rank<Heaps: MutableCollection>(
        queries queryRange: Range<Int>, candidates candidateRange: Range<Int>, _ input: Input,
        heaps: inout Heaps, scratch: UnsafeMutablePointer<Float>
    ) where Heaps.Element == BoundedHeap, Heaps.Index == Int {
        var tileStart = candidateRange.lowerBound
        while tileStart < candidateRange.upperBound {
            let tileCount = min(tunables.candidateBlock, candidateRange.upperBound - tileStart)
            if width > 0 {
                GEMM.multiplyTransposed(m: queryRange.count, n: tileCount, d: width,
                                        a: input.queries + queryRange.lowerBound * width, lda: width,
                                        b: input.candidates + tileStart * width, ldb: width,
                                        into: scratch, ldc: tileCount)
            } else {
                scratch.initialize(repeating: 0, count: queryRange.count * tileCount)
            }
            for (row, query) in queryRange.enumerated() where ranks {
                scan(scratch + row * tileCount, count: tileCount, firstCandidate: tileStart, query: query,
                     heap: &heaps[heaps.startIndex + row])
            }
            tileStart += tileCount
        }
    }

    /// Offers one query's row of a score tile to its heap.
    @inline(__always)
    private func scan(_ row: UnsafeMutablePointer<Float>, count: Int, firstCandidate: Int, query: Int, heap: inout BoundedHeap) {
        var column = 0
        let minimum = minimumScores.map { max(minimumScore, $0[query]) } ?? minimumScore
        // Until the heap is full, every qualifying candidate goes in.
        while column < count && !heap.isFull {
            let score = row[column]
            let candidate = Int32(firstCandidate + column)
            if score >= minimum && !excluded(query, candidate) { heap.offer(score, candidate) }
            column += 1
        }
        guard heap.isFull else { return }
        // Then a candidate must beat the root; ties lose, as candidates arrive in index order.
        var bar = heap.rootScore
        let chunk = 64
        while column + chunk <= count {
            // Vector compares OR-ed together; SIMD max and horizontal reductions compile to lane loops.
            let lanes = UnsafeRawPointer(row + column)
            let bars = SIMD16<Float>(repeating: bar)
            let above = (lanes.loadUnaligned(as: SIMD16<Float>.self) .> bars)
                .| (lanes.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self) .> bars)
                .| (lanes.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self) .> bars)
                .| (lanes.loadUnaligned(fromByteOffset: 192, as: SIMD16<Float>.self) .> bars)
            if any(above) {
                for offset in column..<column + chunk where row[offset] > bar {
                    let candidate = Int32(firstCandidate + offset)
                    if !excluded(query, candidate) {
                        heap.offer(row[offset], candidate)
                        bar = heap.rootScore
                    }
                }
            }
            column += chunk
        }
        while column < count {
            if row[column] > bar {
                let candidate = Int32(firstCandidate + column)
                if !excluded(query, candidate) {
                    heap.offer(row[column], candidate)
                    bar = heap.rootScore
                }
            }
            column += 1
        }
    }

    @inline(__always)
    private func excluded(_ query: Int, _ candidate: Int32) -> Bool {
        !exclusions.isEmpty && exclusions.contains(query: query, candidate: candidate)
    }
}

/// Hands out block numbers to worker threads, each once.
private final class BlockCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
