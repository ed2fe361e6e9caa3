/// How compact one participant's agenda is.
///
/// A *break* is a run of slots without a meeting between two of its meetings on the same day —
/// slots it is unavailable in included, as in Bofill et al. (JAIR 74, 2022, Definition 2.3),
/// whose published optima count them so; a day's end is no break, nor is the pause between two
/// slots (it is not a slot). An *idle slot* is a slot of such a run in which it is available.
struct AgendaShape: Equatable {
    var breaks = 0
    var idle = 0

    /// What the agenda costs the compaction: `breakWeight` per break, one per idle slot.
    func cost(breakWeight: Double) -> Double { breakWeight * Double(breaks) + Double(idle) }
}

extension EventModel {
    /// The breaks and idle slots of participant p meeting in `slots` (sorted; repeats allowed).
    func shape(of p: Int, slots: [Int]) -> AgendaShape {
        var shape = AgendaShape()
        for (x, y) in zip(slots, slots.dropFirst()) where y > x + 1 && dayOfSlot[x] == dayOfSlot[y] {
            shape.breaks += 1
            shape.idle += availableCount(p, from: x + 1, to: y - 1)
        }
        return shape
    }

    /// Slots from `first` to `last` (both included) in which p is available.
    func availableCount(_ p: Int, from first: Int, to last: Int) -> Int {
        guard first <= last else { return 0 }
        var count = 0
        for word in first / 64...last / 64 {
            var bits = availability[p * words + word]
            if word == first / 64 { bits &= ~0 << UInt64(first % 64) }
            if word == last / 64, last % 64 < 63 { bits &= (1 << UInt64(last % 64 + 1)) - 1 }
            count += bits.nonzeroBitCount
        }
        return count
    }
}
