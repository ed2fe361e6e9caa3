import Dispatch

extension TopK {
    /// The best `k` of sparse candidate rows for one dense query row: for a single query, one
    /// pass over the candidates' non-zeros beats expanding them for a matrix product.
    ///
    /// Same contract as ``search(queries:candidates:k:in:excluding:minimumScore:threads:tunables:)``
    /// with one query: exact, best first, ties to the lower index, `excluding` read for query 0.
    public static func search(
        query: [Float], candidates: SparseRows, k: Int, in range: Range<Int>? = nil,
        excluding exclusions: ExclusionList = .none, minimumScore: Float = -.infinity,
        threads: Int = defaultThreads
    ) -> [(index: Int, score: Float)] {
        precondition(query.count == candidates.columns, "query and candidates differ in width")
        let range = range ?? 0..<candidates.rows
        precondition(range.lowerBound >= 0 && range.upperBound <= candidates.rows, "candidate range out of bounds")
        let k = min(k, range.count)
        guard k > 0 else { return [] }
        let workers = max(1, min(threads, range.count / minimumRowsPerThread))
        let sliceSize = (range.count + workers - 1) / workers
        let slots = PrivateHeaps(workers: workers, k: k)
        defer { slots.deallocate() }
        query.withUnsafeBufferPointer { dense in
            candidates.rowStart.withUnsafeBufferPointer { starts in
                candidates.columnIndices.withUnsafeBufferPointer { columns in
                    candidates.values.withUnsafeBufferPointer { values in
                        let input = SparseInput(query: dense.baseAddress!, starts: starts.baseAddress!,
                                                columns: columns.baseAddress!, values: values.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: workers) { worker in
                            let lower = range.lowerBound + worker * sliceSize
                            var heap = slots.heap(worker)
                            for row in lower..<min(range.upperBound, lower + sliceSize) {
                                let score = input.dot(row)
                                guard score >= minimumScore, !heap.isFull || score > heap.rootScore else { continue }
                                let candidate = Int32(row - range.lowerBound)
                                if !exclusions.isEmpty && exclusions.contains(query: 0, candidate: candidate) { continue }
                                heap.offer(score, candidate)
                            }
                            slots.counts[worker] = heap.count
                        }
                    }
                }
            }
        }
        return slots.merged().map { (index: range.lowerBound + Int($0.index), score: $0.score) }
    }

    /// Below this many candidate rows per thread, one thread does all.
    static let minimumRowsPerThread = 16_384
}

/// Raw views of a sparse search's inputs, shared read-only by the worker threads.
private struct SparseInput: @unchecked Sendable {
    let query: UnsafePointer<Float>
    let starts: UnsafePointer<Int32>
    let columns: UnsafePointer<Int32>
    let values: UnsafePointer<Float>

    @inline(__always)
    func dot(_ row: Int) -> Float {
        var sum: Float = 0
        for entry in Int(starts[row])..<Int(starts[row + 1]) {
            sum += query[Int(columns[entry])] * values[entry]
        }
        return sum
    }
}

/// One bounded heap per worker thread, merged at the end.
private struct PrivateHeaps: @unchecked Sendable {
    let workers: Int
    let k: Int
    let scores: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int32>
    let counts: UnsafeMutablePointer<Int>

    init(workers: Int, k: Int) {
        self.workers = workers
        self.k = k
        scores = .allocate(capacity: workers * k)
        indices = .allocate(capacity: workers * k)
        counts = .allocate(capacity: workers)
    }

    func heap(_ worker: Int) -> BoundedHeap {
        BoundedHeap(scores: scores + worker * k, indices: indices + worker * k, capacity: k)
    }

    /// Every worker's entries offered to one heap, best first.
    func merged() -> [(index: Int32, score: Float)] {
        let mergedScores = UnsafeMutablePointer<Float>.allocate(capacity: k)
        let mergedIndices = UnsafeMutablePointer<Int32>.allocate(capacity: k)
        defer {
            mergedScores.deallocate()
            mergedIndices.deallocate()
        }
        var heap = BoundedHeap(scores: mergedScores, indices: mergedIndices, capacity: k)
        for worker in 0..<workers {
            for slot in 0..<counts[worker] { heap.offer(scores[worker * k + slot], indices[worker * k + slot]) }
        }
        heap.sortBestFirst()
        return (0..<heap.count).map { (index: mergedIndices[$0], score: mergedScores[$0]) }
    }

    func deallocate() {
        scores.deallocate()
        indices.deallocate()
        counts.deallocate()
    }
}
