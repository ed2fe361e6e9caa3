import LiaisonScheduling

/// An exchange that would bring someone short of the minimum closer to it, found from a
/// schedule's meetings alone with nothing from the solver: a pair with someone short placed in
/// a slot both can meet in, after removing at most one meeting that is neither locked nor a
/// must, every rule still held, where the meetings owed towards the minimum go to the fewest
/// first: the gainers' next meetings are worth more than the losers' last ones (a meeting of
/// someone k below their minimum is worth k + 1; above it, nothing).
struct MinimumExchange: CustomStringConvertible {
    var pair: [String]
    var slot: Int
    var removed: Meeting?

    var description: String {
        "\(pair[0]) – \(pair[1]) in slot \(slot)" + (removed.map { " in place of \($0.a) – \($0.b)" } ?? "")
    }

    /// The first such exchange in `result`, or nil when there is none.
    static func find(_ input: SchedulingInput, _ result: ScheduleResult) -> MinimumExchange? {
        let people = Dictionary(input.participants.map { ($0.company, $0) }, uniquingKeysWith: { first, _ in first })
        func unordered(_ a: String, _ b: String) -> [String] { a < b ? [a, b] : [b, a] }
        let blocked = Set(input.blocks.map { unordered($0.a, $0.b) })
        let locked = Set(input.locks.map { unordered($0.a, $0.b) })
        let musts = Set(input.requests.filter(\.must).map { unordered($0.a, $0.b) })
        let met = Set(result.meetings.map { unordered($0.a, $0.b) })
        var count: [String: Int] = [:], busy: [String: Int] = [:], perSlot: [Int: Int] = [:]
        for meeting in result.meetings {
            for company in [meeting.a, meeting.b] {
                count[company, default: 0] += 1
                busy["\(company)@\(meeting.slot)", default: 0] += 1
            }
            perSlot[meeting.slot, default: 0] += 1
        }
        func minimum(_ company: String) -> Int {
            let p = people[company]!
            return min(input.minMeetings, p.maxMeetings, p.reps * p.available.count)
        }
        func worth(_ company: String, meeting k: Int) -> Int { max(0, minimum(company) - k + 1) }
        let removable = result.meetings.filter { !locked.contains(unordered($0.a, $0.b)) && !musts.contains(unordered($0.a, $0.b)) }
        for p in input.participants where count[p.company, default: 0] < minimum(p.company) {
            for q in input.participants where q.company != p.company {
                let pair = unordered(p.company, q.company)
                guard input.event.pairing == .open || p.side != q.side, !blocked.contains(pair), !met.contains(pair) else { continue }
                for slot in p.available.intersection(q.available) {
                    for removed in [nil] + removable.map(Optional.some) {
                        let gone = removed.map { [$0.a, $0.b] } ?? []
                        let freed = removed?.slot == slot
                        func fits(_ x: Participant) -> Bool {
                            let slotUse = busy["\(x.company)@\(slot)", default: 0] - (freed && gone.contains(x.company) ? 1 : 0)
                            let total = count[x.company, default: 0] - (gone.contains(x.company) ? 1 : 0)
                            return slotUse < x.reps && total < x.maxMeetings
                        }
                        guard fits(p), fits(q), perSlot[slot, default: 0] - (freed ? 1 : 0) < input.event.tables else { continue }
                        let gain = [p.company, q.company].filter { !gone.contains($0) }
                            .reduce(0) { $0 + worth($1, meeting: count[$1, default: 0] + 1) }
                        let loss = gone.filter { $0 != p.company && $0 != q.company }
                            .reduce(0) { $0 + worth($1, meeting: count[$1, default: 0]) }
                        if gain > loss { return MinimumExchange(pair: pair, slot: slot, removed: removed) }
                    }
                }
            }
        }
        return nil
    }
}
