import LiaisonCore

extension SlotSearch {
    /// Chooses new slots for all of participant p's meetings on every day at once, laid out
    /// with the fewest breaks p's availability allows: its free stretches taken largest first
    /// (ties in random order), the first of a day free of charge, each further one costing a
    /// break, as in ``BreakFloor``; the last stretch taken holds only what is left, at each
    /// offset in turn. Each meeting goes to the chosen slot that suits its partner best (the
    /// cheapest assignment, as in ``retiming(_:day:breakWeight:)``, partners all different).
    ///
    /// Re-timing one day at a time cannot carry meetings from a day where they make a break to
    /// a day with room; moving them one by one opens a break on the way. This does it at once.
    ///
    /// Fills ``members`` with p's meetings and returns their new slots (in the order of
    /// ``members``), or nil when p has a meeting that may not move, more than one meeting in a
    /// slot, or no layout fits.
    mutating func agendaRetiming(_ p: Int, breakWeight: Double, random: inout SeededGenerator) -> [Int]? {
        guard reps[p] == 1 else { return nil }
        memberCount = 0
        for i in meetingStart[p]..<meetingStart[p + 1] {
            let m = meetingList[i]
            guard slot[m] > 0 else { continue }
            guard movable[m], memberCount < memberLimit else { return nil }
            members[memberCount] = m
            memberCount += 1
        }
        let k = memberCount
        guard k > 1 else { return nil }
        guard let layout = fewestBreakLayout(p, meetings: k, random: &random) else { return nil }
        var freed = [Int](repeating: 0, count: stride)
        for i in 0..<k { freed[slot[members[i]]] += 1 }
        // What each meeting costs its partner in each slot the layout may use.
        let columns = layout.fixed + Array(layout.last)
        var slotCosts = [Double](repeating: Assignment.forbidden, count: k * columns.count)
        for i in 0..<k {
            for (c, s) in columns.enumerated() {
                guard let cost = partnerCost(members[i], of: p, to: s, freedThere: freed[s], breakWeight: breakWeight) else { continue }
                slotCosts[i * columns.count + c] = cost
            }
        }
        let need = k - layout.fixed.count
        var best: (total: Double, slots: [Int])?
        var costs = [Double](repeating: 0, count: k * k)
        for offset in 0...(layout.last.count - need) {
            // Columns: the fixed slots, then `need` slots of the last stretch from `offset`.
            let chosen = Array(0..<layout.fixed.count) + (0..<need).map { layout.fixed.count + offset + $0 }
            for i in 0..<k {
                for (j, c) in chosen.enumerated() { costs[i * k + j] = slotCosts[i * columns.count + c] }
            }
            guard let assignment = Assignment.solve(costs, rows: k, columns: k) else { continue }
            if best == nil || assignment.total < best!.total - 1e-9 {
                best = (assignment.total, assignment.columns.map { columns[chosen[$0]] })
            }
        }
        return best?.slots
    }

    /// The slots of p's free stretches that hold `meetings` with the fewest breaks: whole
    /// stretches (`fixed`) and the stretch taken last (`last`), of which only as many slots as
    /// are still needed are used. Nil when all of p's stretches hold fewer.
    func fewestBreakLayout(_ p: Int, meetings: Int, random: inout SeededGenerator) -> (fixed: [Int], last: ClosedRange<Int>)? {
        let order = model.stretchesFewestBreaksFirst(of: p) { $0.shuffle(using: &random) }.order
        var fixed: [Int] = []
        for stretch in order {
            if fixed.count + stretch.count >= meetings { return (fixed, stretch) }
            fixed.append(contentsOf: stretch)
        }
        return nil
    }
}
