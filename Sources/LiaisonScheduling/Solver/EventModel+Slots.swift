extension EventModel {
    /// The slots a pair may meet in, as bits: both available, and within its request's session.
    func allowedMask(_ key: PairKey) -> [UInt64] {
        var mask = [UInt64](repeating: 0, count: words)
        let session = sessionMasks[key]
        for word in 0..<words {
            mask[word] = availability[key.a * words + word] & availability[key.b * words + word] & (session?[word] ?? ~0)
        }
        return mask
    }

    /// Slots a pair may meet in, in order.
    func commonSlots(_ key: PairKey) -> [Int] {
        commonSlots(key, from: 1)
    }

    /// Slots from `first` on that a pair may meet in, in order.
    func commonSlots(_ key: PairKey, from first: Int) -> [Int] {
        var slots: [Int] = []
        let session = sessionMasks[key]
        for word in first / 64..<words {
            var common = availability[key.a * words + word] & availability[key.b * words + word] & (session?[word] ?? ~0)
            while common != 0 {
                let slot = word * 64 + common.trailingZeroBitCount
                if slot >= first { slots.append(slot) }
                common &= common - 1
            }
        }
        return slots
    }

    /// How many slots from `first` on a pair may meet in.
    func commonSlotCount(_ key: PairKey, from first: Int) -> Int {
        var count = 0
        let session = sessionMasks[key]
        for word in first / 64..<words {
            var common = availability[key.a * words + word] & availability[key.b * words + word] & (session?[word] ?? ~0)
            if word == first / 64 { common &= ~((1 << UInt64(first % 64)) - 1) }
            count += common.nonzeroBitCount
        }
        return count
    }

    /// Whether two participants share an available slot (sessions aside): cheap, for scanning
    /// many pairs.
    func shareSlot(_ x: Int, _ y: Int) -> Bool {
        for word in 0..<words where availability[x * words + word] & availability[y * words + word] != 0 { return true }
        return false
    }

    /// Whether a pair's request (if any) lets it meet in `slot`: within its session.
    func sessionAllows(_ key: PairKey, _ slot: Int) -> Bool {
        guard let mask = sessionMasks[key] else { return true }
        return slot >= 0 && slot / 64 < words && mask[slot / 64] & (1 << UInt64(slot % 64)) != 0
    }

    /// Why a pair may not meet in `slot` although both may be free then, as the end of a sentence
    /// about the pair: "outside the session 'tuesday' their request asks for". Nil when the
    /// session of its request (or the lack of one) allows the slot.
    func sessionProblem(_ key: PairKey, _ slot: Int) -> String? {
        guard !sessionAllows(key, slot) else { return nil }
        guard let name = requests[key]?.session else { return "outside the sessions their requests ask for" }
        return "outside the session '\(name)' their request asks for"
    }

    /// Whether participant p can meet in `slot`.
    func isAvailable(_ p: Int, _ slot: Int) -> Bool {
        slot >= 0 && slot <= event.slots && availability[p * words + slot / 64] & (1 << UInt64(slot % 64)) != 0
    }

    /// Participant p's free stretches: for each day (by index into ``days``), the runs of
    /// consecutive slots it is available in, in order.
    func stretches(of p: Int) -> [[ClosedRange<Int>]] {
        days.map { range in
            var runs: [ClosedRange<Int>] = []
            var start: Int?
            for s in range {
                if isAvailable(p, s) {
                    if start == nil { start = s }
                } else if let first = start {
                    runs.append(first...(s - 1))
                    start = nil
                }
            }
            if let first = start { runs.append(first...range.upperBound) }
            return runs
        }
    }

    /// p's free stretches in the order that holds meetings with the fewest breaks: each day's
    /// longest, largest first — the first `free` of the order, free of charge — then every
    /// other stretch, a break each, largest first. `shuffle` orders ties before each sort.
    func stretchesFewestBreaksFirst(of p: Int, shuffle: (inout [ClosedRange<Int>]) -> Void = { _ in })
        -> (order: [ClosedRange<Int>], free: Int) {
        var firsts: [ClosedRange<Int>] = [], others: [ClosedRange<Int>] = []
        for var day in stretches(of: p) where !day.isEmpty {
            shuffle(&day)
            day.sort { $0.count > $1.count }
            firsts.append(day[0])
            others.append(contentsOf: day.dropFirst())
        }
        shuffle(&firsts)
        shuffle(&others)
        return (firsts.sorted { $0.count > $1.count } + others.sorted { $0.count > $1.count }, firsts.count)
    }

    /// Whether some slot could hold the pair's meeting: not blocked, with a slot both parties are
    /// available in that their request's session allows.
    func mayEverMeet(_ key: PairKey) -> Bool {
        !blocked.contains(key) && commonSlotCount(key, from: 1) > 0
    }

    /// The must-meet requests some slot could hold (see ``mayEverMeet(_:)``), in order.
    func placeableMusts() -> [PairKey] {
        requests.keys.filter { isMust($0) && mayEverMeet($0) }.sorted()
    }
}
