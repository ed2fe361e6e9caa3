extension SlotSearch {
    /// Re-times participant p's meetings of one day as a block of consecutive slots, like
    /// ``retiming(_:day:breakWeight:)``, but a partner already busy in the slot its meeting with
    /// p should take may make room: its meeting there goes, with its Kempe chain, to the slot
    /// the meeting with p leaves. A partner whose own agenda is full around p's never has a free
    /// slot to offer, so only such exchanges let p's agenda shift through it — the chain's
    /// inner participants keep both slots busy, and only its ends' agendas change.
    ///
    /// Unlike ``retiming(_:day:breakWeight:)`` this applies the move: on success ``members``
    /// holds every meeting moved and the result their old slots (for ``reassign(_:)`` to undo);
    /// nil leaves everything as it was.
    mutating func chainRetiming(_ p: Int, day: Int, breakWeight: Double) -> [Int]? {
        let range = model.days[day]
        var own: [Int] = []
        for i in meetingStart[p]..<meetingStart[p + 1] {
            let m = meetingList[i]
            guard slot[m] > 0, range.contains(slot[m]) else { continue }
            guard movable[m] else { return nil }
            own.append(m)
        }
        let k = own.count
        guard k > 1, k <= range.count, reps[p] == 1 else { return nil }
        let from = own.map { slot[$0] }
        // Blocks are tried around p's present span, as in retiming(_:day:breakWeight:); only
        // their slots are priced.
        let first = from.min()!, last = from.max()!
        let lowest = max(range.lowerBound, first - k / 2), highest = min(range.upperBound - k + 1, max(lowest, last - k / 2))
        guard lowest <= highest else { return nil }
        let width = range.count
        var usable = [Bool](repeating: false, count: width), run = 0
        for s in lowest...(highest + k - 1) {
            run = model.isAvailable(p, s) ? run + 1 : 0
            if run >= k { for t in (s - k + 1)...s { usable[t - range.lowerBound] = true } }
        }
        guard usable.contains(true) else { return nil }
        // What each meeting costs the others in each such slot, p's meetings all out
        // (unplaced: slot 0, so that no chain takes them along).
        for (m, s) in zip(own, from) { vacate(m, s); slot[m] = 0 }
        var dayCosts = [Double](repeating: Assignment.forbidden, count: k * width)
        for (i, m) in own.enumerated() {
            let q = partner(m, of: p)
            for s in range where usable[s - range.lowerBound] && isAllowed(m, s) {
                var cost = Assignment.forbidden
                if isFree(q, s) {
                    // p's meetings are out (slot 0), so none frees a table or the partner here.
                    cost = partnerCost(m, of: p, to: s, freedThere: 0, breakWeight: breakWeight) ?? Assignment.forbidden
                } else if partnerChain(q, from: s, to: from[i]) {
                    // Priced as if the chain had moved, without moving it.
                    if load[s] - chainIntoTarget < tables, Int(count[q * stride + s]) - shift[q] < reps[q] {
                        cost = 0
                        for j in 0..<peopleCount where people[j] != p {
                            let r = people[j], after = measureAfterChain(r, s, from[i], adding: r == q ? s : 0)
                            cost += after.cost(breakWeight: breakWeight) - shapes[r].cost(breakWeight: breakWeight)
                        }
                    }
                }
                dayCosts[i * width + s - range.lowerBound] = cost
            }
        }
        for (m, s) in zip(own, from) { slot[m] = s; occupy(m, s) }
        guard let target = cheapestBlock(p, k: k, day: range, starts: lowest...highest, costs: dayCosts),
              target != from else { return nil }
        return apply(own, from: from, to: target, of: p)
    }

    /// Fills ``members`` with the Kempe chain that takes q's meeting in slot s to slot t;
    /// whether q has one there and the chain fits.
    private mutating func partnerChain(_ q: Int, from s: Int, to t: Int) -> Bool {
        guard let other = meeting(of: q, in: s) else { return false }
        return chain(from: other, to: t) && fits(s, t)
    }

    /// Moves p's meetings `own` from `from` to `to`, each into a free slot or with the chain of
    /// the partner's meeting there; on success fills ``members`` with every meeting moved and
    /// returns their old slots, else puts everything back and returns nil.
    private mutating func apply(_ own: [Int], from: [Int], to target: [Int], of p: Int) -> [Int]? {
        var moved = own, old = from
        var placed = Set<Int>()
        for (m, s) in zip(own, from) { vacate(m, s); slot[m] = 0 }
        var failed = false
        for (i, m) in own.enumerated() {
            let q = partner(m, of: p), s = target[i]
            if !isFree(q, s) {
                guard partnerChain(q, from: s, to: from[i]), moved.count + memberCount <= memberLimit else { failed = true; break }
                for j in 0..<memberCount where !moved.contains(members[j]) {
                    moved.append(members[j])
                    old.append(slot[members[j]])
                }
                swapMembers(s, from[i])
            }
            guard isFree(q, s), isFree(p, s), load[s] < tables else { failed = true; break }
            slot[m] = s
            occupy(m, s)
            placed.insert(m)
        }
        if failed {
            for m in moved where !own.contains(m) || placed.contains(m) { vacate(m, slot[m]) }
            for (m, s) in zip(moved, old) {
                slot[m] = s
                occupy(m, s)
            }
            return nil
        }
        memberCount = moved.count
        for (i, m) in moved.enumerated() { members[i] = m }
        return old
    }
}
