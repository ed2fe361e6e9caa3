/// The pairs the solver considers. Up to ``completeLimit`` pairs, every pair that may meet; in
/// larger events each participant's ``partners(capacity:)`` best partners (the union over both
/// members of a pair), so the model stays sparse. Each participant's *floor* — the score of its
/// last listed partner — bounds every pair left out, which keeps the upper bound proven.
enum CandidatePairs {
    typealias PairKey = EventModel.PairKey

    /// Pairs an event may have before candidates are limited to best partners.
    static let completeLimit = 1_000_000

    /// How many best partners a participant who can hold `capacity` meetings is given in a
    /// large event: several times its capacity, so that the pair selection has room to choose.
    static func partners(capacity: Int) -> Int { max(3 * capacity, capacity + 8) }

    struct Choice {
        var pairs: [PairKey]
        var complete: Bool
        /// Per participant, in weights.
        var floor: [Double]
    }

    static func choose(_ model: EventModel, scores: PairScores) -> Choice {
        let zero = [Double](repeating: 0, count: model.participants.count)
        if model.onlyRequests {
            return Choice(pairs: model.requests.keys.filter { eligible($0, model) }.sorted(), complete: true, floor: zero)
        }
        if model.scores.isListed {
            var pairs = Set(model.scores.listed.map(\.key).filter { eligible($0, model) })
            pairs.formUnion(model.requests.keys.filter { eligible($0, model) })
            let floor = model.participants.map { max(0, scores.floor(of: $0.company)) / model.scoreUnit }
            return Choice(pairs: pairs.sorted(), complete: false, floor: floor)
        }
        let possible = model.pairing == .sides ? model.delegates.count * model.hosts.count
            : model.participants.count * (model.participants.count - 1) / 2
        if possible <= completeLimit {
            var pairs: [PairKey] = []
            for a in model.delegates {
                for b in model.hosts where model.pairing == .sides || a < b {
                    let key = PairKey(a: a, b: b)
                    if eligible(key, model) { pairs.append(key) }
                }
            }
            return Choice(pairs: pairs, complete: true, floor: zero)
        }
        return best(model)
    }

    /// Not blocked, and with a slot both may meet in (within the request's session, if any).
    static func eligible(_ key: PairKey, _ model: EventModel) -> Bool {
        guard !model.blocked.contains(key) else { return false }
        return model.requests[key] == nil ? model.shareSlot(key.a, key.b) : model.commonSlotCount(key, from: 1) > 0
    }

    /// Each participant's best partners among those it may meet, and the requested pairs.
    private static func best(_ model: EventModel) -> Choice {
        let count = model.participants.count
        var heaps = (0..<count).map { BestPartners(limit: partners(capacity: model.participants[$0].capacity)) }
        for a in model.delegates {
            for b in model.hosts where model.pairing == .sides || a < b {
                let key = PairKey(a: a, b: b)
                let weight = model.weight(key)
                let wantedByA = heaps[a].admits(weight, b), wantedByB = heaps[b].admits(weight, a)
                guard wantedByA || wantedByB, eligible(key, model) else { continue }
                if wantedByA { heaps[a].insert(weight, b) }
                if wantedByB { heaps[b].insert(weight, a) }
            }
        }
        var pairs = Set(model.requests.keys.filter { eligible($0, model) })
        var floor = [Double](repeating: 0, count: count)
        for p in 0..<count {
            for partner in heaps[p].partners {
                if let key = model.key(p, partner) { pairs.insert(key) }
            }
            floor[p] = heaps[p].isFull ? heaps[p].worst : 0
        }
        return Choice(pairs: pairs.sorted(), complete: false, floor: floor)
    }
}

/// A participant's best partners so far: a min-heap of at most `limit` entries whose root is the
/// bar a new partner must beat (a higher weight, or the same weight and a lower index).
struct BestPartners {
    let limit: Int
    private var weights: [Double] = []
    private var ids: [Int] = []

    init(limit: Int) {
        self.limit = limit
    }

    var isFull: Bool { weights.count >= limit }
    var worst: Double { weights.first ?? 0 }
    var partners: [Int] { ids }

    /// Whether (weight, id) ranks below (other, otherID).
    private static func below(_ weight: Double, _ id: Int, _ other: Double, _ otherID: Int) -> Bool {
        weight < other || (weight == other && id > otherID)
    }

    func admits(_ weight: Double, _ id: Int) -> Bool {
        guard limit > 0 else { return false }
        return !isFull || Self.below(weights[0], ids[0], weight, id)
    }

    mutating func insert(_ weight: Double, _ id: Int) {
        if !isFull {
            weights.append(weight)
            ids.append(id)
            var child = weights.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.below(weights[child], ids[child], weights[parent], ids[parent]) else { break }
                weights.swapAt(child, parent)
                ids.swapAt(child, parent)
                child = parent
            }
            return
        }
        weights[0] = weight
        ids[0] = id
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < weights.count, Self.below(weights[left], ids[left], weights[smallest], ids[smallest]) { smallest = left }
            if right < weights.count, Self.below(weights[right], ids[right], weights[smallest], ids[smallest]) { smallest = right }
            guard smallest != parent else { break }
            weights.swapAt(parent, smallest)
            ids.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
