extension SlotSearch {
    /// Chooses new slots for all of participant p's meetings of one day at once: a block of
    /// consecutive slots in which p is available, each meeting in the slot of the block that
    /// suits its partner best — the cheapest assignment of meetings to the block's slots, where
    /// a meeting's cost in a slot is how much its partner's agenda worsens (the partners of p's
    /// meetings are all different people, so these costs add up exactly). Every block of the
    /// day is tried. A Kempe chain moves one meeting at a time; this moves a whole agenda, which
    /// is what closing a break often takes (every step of it alone would open another).
    ///
    /// Fills ``members`` with p's meetings of that day and returns their new slots (in the order
    /// of ``members``), or nil when no block fits.
    mutating func retiming(_ p: Int, day: Int, breakWeight: Double) -> [Int]? {
        let range = model.days[day]
        memberCount = 0
        for i in meetingStart[p]..<meetingStart[p + 1] {
            let m = meetingList[i]
            guard slot[m] > 0, range.contains(slot[m]) else { continue }
            guard movable[m], memberCount < memberLimit else { return nil }
            members[memberCount] = m
            memberCount += 1
        }
        let k = memberCount
        guard k > 1, k <= range.count else { return nil }
        // Each p's meeting leaves its slot: the tables there free up.
        var freed = [Int: Int]()
        var first = Int.max, last = Int.min
        for i in 0..<k {
            freed[slot[members[i]], default: 0] += 1
            first = min(first, slot[members[i]])
            last = max(last, slot[members[i]])
        }
        // What each meeting costs its partner in each slot of the day, computed once for every
        // block; blocks are tried around p's present span.
        let width = range.count
        var dayCosts = [Double](repeating: Assignment.forbidden, count: k * width)
        for i in 0..<k {
            for s in range {
                guard let cost = partnerCost(members[i], of: p, to: s, freedThere: freed[s] ?? 0, breakWeight: breakWeight) else { continue }
                dayCosts[i * width + s - range.lowerBound] = cost
            }
        }
        let lowest = max(range.lowerBound, first - k / 2), highest = min(range.upperBound - k + 1, max(lowest, last - k / 2))
        guard lowest <= highest else { return nil }
        return cheapestBlock(p, k: k, day: range, starts: lowest...highest, costs: dayCosts)
    }

    /// What moving p's meeting m from its slot to slot s costs its partner's agenda; nil when
    /// m may not meet in s, the partner is busy there (its meeting with p leaving frees it), or
    /// s has no table once `freedThere` of p's meetings have left it.
    func partnerCost(_ m: Int, of p: Int, to s: Int, freedThere: Int, breakWeight: Double) -> Double? {
        let q = partner(m, of: p), from = slot[m]
        let busyThere = Int(count[q * stride + s]) - (s == from ? 1 : 0)
        guard isAllowed(m, s), busyThere < reps[q], load[s] - freedThere < tables else { return nil }
        return measure(q, from: from, to: s).cost(breakWeight: breakWeight) - shapes[q].cost(breakWeight: breakWeight)
    }

    /// The slots, meeting by meeting, of the block of k consecutive slots p is available in,
    /// starting in `starts`, whose assignment costs least; `costs[i * day.count + s - day.lowerBound]`
    /// is what meeting i costs in slot s. Nil when no block has an assignment.
    func cheapestBlock(_ p: Int, k: Int, day range: ClosedRange<Int>, starts: ClosedRange<Int>, costs dayCosts: [Double]) -> [Int]? {
        let width = range.count
        var best: (total: Double, slots: [Int])?
        var costs = [Double](repeating: 0, count: k * k)
        for start in starts {
            guard (start..<(start + k)).allSatisfy({ model.isAvailable(p, $0) }) else { continue }
            // Each meeting's cheapest slot of the block bounds what the block can cost.
            var least = 0.0
            for i in 0..<k {
                var cheapest = Assignment.forbidden
                for j in 0..<k {
                    let cost = dayCosts[i * width + start + j - range.lowerBound]
                    costs[i * k + j] = cost
                    cheapest = min(cheapest, cost)
                }
                least += cheapest
            }
            guard least < Assignment.forbidden, best == nil || least < best!.total - 1e-9 else { continue }
            guard let assignment = Assignment.solve(costs, rows: k, columns: k) else { continue }
            if best == nil || assignment.total < best!.total - 1e-9 {
                best = (assignment.total, assignment.columns.map { start + $0 })
            }
        }
        return best?.slots
    }

    /// Moves each of ``members`` to the slot of `slots` at its index; returns their old slots.
    @discardableResult
    func reassign(_ slots: [Int]) -> [Int] {
        var old: [Int] = []
        for i in 0..<memberCount {
            let m = members[i]
            old.append(slot[m])
            if slot[m] > 0 { vacate(m, slot[m]) }
        }
        for i in 0..<memberCount {
            slot[members[i]] = slots[i]
            if slots[i] > 0 { occupy(members[i], slots[i]) }
        }
        return old
    }
}
