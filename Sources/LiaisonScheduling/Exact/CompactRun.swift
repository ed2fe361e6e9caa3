/// Whether a participant's meetings could sit in one run of consecutive slots: an implied
/// constraint of ``BreakFormula`` (the solver refutes low break totals sooner when it knows who
/// cannot go without a break).
enum CompactRun {
    /// Whether meetings allowed in `choices` (slots per meeting, one representative) fit
    /// consecutive slots of one day, each meeting in its own; only asked when every allowed slot
    /// lies in the same day.
    static func exists(_ choices: [[Int]]) -> Bool {
        let count = choices.count
        guard count > 1 else { return choices.allSatisfy { !$0.isEmpty } }
        let slots = choices.flatMap { $0 }
        guard let first = slots.min(), let last = slots.max(), last - first + 1 >= count else { return false }
        return (first...(last - count + 1)).contains { start in matches(choices, within: start..<(start + count)) }
    }

    /// Whether each meeting gets a slot of `window` to itself (augmenting paths).
    private static func matches(_ choices: [[Int]], within window: Range<Int>) -> Bool {
        var holder = [Int?](repeating: nil, count: window.count)
        func place(_ meeting: Int, _ seen: inout [Bool]) -> Bool {
            for slot in choices[meeting] where window.contains(slot) && !seen[slot - window.lowerBound] {
                seen[slot - window.lowerBound] = true
                if let other = holder[slot - window.lowerBound], !place(other, &seen) { continue }
                holder[slot - window.lowerBound] = meeting
                return true
            }
            return false
        }
        return choices.indices.allSatisfy { meeting in
            var seen = [Bool](repeating: false, count: window.count)
            return place(meeting, &seen)
        }
    }
}
