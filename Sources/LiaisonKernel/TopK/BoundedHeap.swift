/// A bounded heap of the best `capacity` (score, index) entries seen, over caller-owned storage.
///
/// "Better" means a higher score, or an equal score and a lower index, so rankings are
/// deterministic. The root is the worst entry kept: the bar a new entry must beat once the heap
/// is full. Entries are never NaN (callers filter them: NaN fails every comparison).
struct BoundedHeap {
    let scores: UnsafeMutablePointer<Float>
    let indices: UnsafeMutablePointer<Int32>
    let capacity: Int
    private(set) var count = 0

    init(scores: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Int32>, capacity: Int) {
        self.scores = scores
        self.indices = indices
        self.capacity = capacity
    }

    var isFull: Bool { count == capacity }

    /// The score of the worst entry kept; only meaningful when the heap is full.
    var rootScore: Float { scores[0] }

    @inline(__always)
    static func isWorse(_ score: Float, _ index: Int32, than otherScore: Float, _ otherIndex: Int32) -> Bool {
        score < otherScore || (score == otherScore && index > otherIndex)
    }

    /// Offers an entry: kept when the heap is not full or when it beats the root.
    @inline(__always)
    mutating func offer(_ score: Float, _ index: Int32) {
        if count < capacity {
            var child = count
            count += 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.isWorse(score, index, than: scores[parent], indices[parent]) else { break }
                scores[child] = scores[parent]
                indices[child] = indices[parent]
                child = parent
            }
            scores[child] = score
            indices[child] = index
        } else if capacity > 0, Self.isWorse(scores[0], indices[0], than: score, index) {
            siftDown(score, index)
        }
    }

    private mutating func siftDown(_ score: Float, _ index: Int32) {
        var node = 0
        while true {
            var child = 2 * node + 1
            guard child < count else { break }
            if child + 1 < count, Self.isWorse(scores[child + 1], indices[child + 1], than: scores[child], indices[child]) {
                child += 1
            }
            guard Self.isWorse(scores[child], indices[child], than: score, index) else { break }
            scores[node] = scores[child]
            indices[node] = indices[child]
            node = child
        }
        scores[node] = score
        indices[node] = index
    }

    /// Sorts the kept entries best first, in place; the heap is no longer a heap afterwards.
    mutating func sortBestFirst() {
        var entries = (0..<count).map { (score: scores[$0], index: indices[$0]) }
        entries.sort { Self.isWorse($1.score, $1.index, than: $0.score, $0.index) }
        for (position, entry) in entries.enumerated() {
            scores[position] = entry.score
            indices[position] = entry.index
        }
    }
}
