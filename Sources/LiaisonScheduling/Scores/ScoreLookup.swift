/// Scores of pairs of participants by index: a table read in place (the caller's matrix, never
/// copied) when the input has every pair, else a dictionary of the listed pairs.
struct ScoreLookup {
    typealias PairKey = EventModel.PairKey

    enum Storage {
        /// `values[row[a] * stride + column[b]]`; -1 marks a participant without scores.
        case table(values: [Double], row: [Int], column: [Int], stride: Int)
        case pairs([PairKey: Double])
    }

    let storage: Storage

    init(_ scores: PairScores, people: [Participant], index: [String: Int], pairing: Pairing) {
        switch scores.storage {
        case let .sides(delegates, hosts, values):
            let row = people.map { delegates[$0.company] ?? -1 }
            let column = people.map { hosts[$0.company] ?? -1 }
            storage = .table(values: values, row: row, column: column, stride: hosts.count)
        case let .open(positions, values):
            let position = people.map { positions[$0.company] ?? -1 }
            storage = .table(values: values, row: position, column: position, stride: positions.count)
        case let .listed(listed):
            var pairs: [PairKey: Double] = [:]
            pairs.reserveCapacity(listed.count)
            for (name, score) in listed {
                guard let x = index[name.low], let y = index[name.high],
                      let key = EventModel.key(x, y, pairing: pairing, people: people) else { continue }
                pairs[key] = score
            }
            storage = .pairs(pairs)
        }
    }

    /// The score of a pair; 0 when the input gives it none.
    func score(_ key: PairKey) -> Double {
        switch storage {
        case let .table(values, row, column, stride):
            let (r, c) = (row[key.a], column[key.b])
            if r >= 0, c >= 0 { return values[r * stride + c] }
            // A sides matrix read for an open event: the pair may be written host-first.
            let (r2, c2) = (row[key.b], column[key.a])
            return r2 >= 0 && c2 >= 0 ? values[r2 * stride + c2] : 0
        case let .pairs(pairs):
            return pairs[key] ?? 0
        }
    }

    /// Whether the input lists only some pairs.
    var isListed: Bool {
        if case .pairs = storage { return true }
        return false
    }

    /// The listed pairs and their scores (the listed form only), in a fixed order.
    var listed: [(key: PairKey, score: Double)] {
        guard case let .pairs(pairs) = storage else { return [] }
        return pairs.map { (key: $0.key, score: $0.value) }.sorted { $0.key < $1.key }
    }

    /// The largest score of any pair the event may hold (0 when there is none).
    var largest: Double {
        switch storage {
        case let .table(values, _, _, _):
            return values.lazy.filter(\.isFinite).max() ?? 0
        case let .pairs(pairs):
            return pairs.values.lazy.filter(\.isFinite).max() ?? 0
        }
    }

    /// The first pair (in order) whose score is negative or not finite.
    func firstInvalid(people: [Participant], pairing: Pairing) -> (a: Int, b: Int, score: Double)? {
        switch storage {
        case let .table(values, row, column, stride):
            guard values.contains(where: { !$0.isFinite || $0 < 0 }) else { return nil }
            for x in people.indices where row[x] >= 0 {
                for y in people.indices where column[y] >= 0 && x != y {
                    let value = values[row[x] * stride + column[y]]
                    guard !value.isFinite || value < 0 else { continue }
                    return (x, y, value)
                }
            }
            return nil
        case let .pairs(pairs):
            return pairs.filter { !$0.value.isFinite || $0.value < 0 }.min { $0.key < $1.key }.map { ($0.key.a, $0.key.b, $0.value) }
        }
    }
}
