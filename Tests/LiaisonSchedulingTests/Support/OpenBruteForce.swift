import LiaisonScheduling

/// Exhaustive answers on tiny events of either pairing, written without the solver: the best
/// total score of any schedule, and the most compact agendas for a fixed set of meetings.
struct OpenBruteForce {
    struct Pair: Hashable, Comparable {
        var a: String
        var b: String

        init(_ x: String, _ y: String) { (a, b) = x < y ? (x, y) : (y, x) }

        static func < (x: Pair, y: Pair) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    let input: SchedulingInput
    let people: [String: Participant]
    /// Pairs that could meet at all: allowed by the pairing, not blocked, with a slot both are
    /// available in (within the request's session, if any).
    let pairs: [Pair]
    let slotsOf: [Pair: [Int]]

    init(_ input: SchedulingInput) {
        self.input = input
        people = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0) })
        let blocked = Set(input.blocks.map { Pair($0.a, $0.b) })
        var sessions: [Pair: SlotSet] = [:]
        for request in input.requests {
            if let name = request.session, let session = input.event.session(named: name) { sessions[Pair(request.a, request.b)] = session.slots }
        }
        var pairs: [Pair] = [], slotsOf: [Pair: [Int]] = [:]
        for (i, x) in input.participants.enumerated() {
            for y in input.participants[(i + 1)...] {
                if input.event.pairing == .sides && x.side == y.side { continue }
                let pair = Pair(x.company, y.company)
                var common = x.available.intersection(y.available)
                if let session = sessions[pair] { common = common.intersection(session) }
                guard !blocked.contains(pair), !common.isEmpty else { continue }
                pairs.append(pair)
                slotsOf[pair] = common.sorted
            }
        }
        self.pairs = pairs.sorted()
        self.slotsOf = slotsOf
    }

    /// The highest total score of any schedule holding every lock in its slot and every pair
    /// of `required`, made only of `allowed` pairs (all when nil); nil when there is none.
    func bestSchedule(containing required: Set<Pair> = [], allowed: Set<Pair>? = nil) -> Double? {
        var best: Double?
        search(required: required, allowed: allowed) { slots in
            let total = slots.keys.reduce(0.0) { $0 + input.scores.score($1.a, $1.b) }
            if best.map({ total > $0 + 1e-12 }) ?? true { best = total }
        }
        return best
    }

    /// The most pairs of `wanted` that one schedule holds, with every lock in its slot and no
    /// other meeting.
    func mostHeld(_ wanted: Set<Pair>) -> Int {
        var most = 0
        search(required: [], allowed: wanted) { slots in most = max(most, slots.keys.filter(wanted.contains).count) }
        return most
    }

    /// Every schedule of `required` pairs (each placed once, locks in their slots, nothing else):
    /// the lexicographically least (unfairness over `fairness`, total breaks); nil when none exists.
    func mostCompact(_ required: Set<Pair>, fairness: Int = 2) -> (unfairness: Int, breaks: Int)? {
        var best: (unfairness: Int, breaks: Int)?
        search(required: required, allowed: required) { slots in
            guard slots.count == required.count else { return }
            let counts = breaks(slots)
            let spread = (counts.values.max() ?? 0) - (counts.values.min() ?? 0)
            let value = (max(0, spread - fairness), counts.values.reduce(0, +))
            if best.map({ value < ($0.unfairness, $0.breaks) }) ?? true { best = value }
        }
        return best
    }

    /// Breaks per participant with meetings: runs of slots without a meeting between two
    /// meetings of a day, unavailable slots included.
    func breaks(_ slots: [Pair: Int]) -> [String: Int] {
        var taken: [String: Set<Int>] = [:]
        for (pair, slot) in slots {
            taken[pair.a, default: []].insert(slot)
            taken[pair.b, default: []].insert(slot)
        }
        return taken.mapValues { mine in
            input.event.days.indices.reduce(0) { total, day in
                let range = input.event.slots(ofDay: day)
                let here = mine.filter { range.contains($0) }
                guard let first = here.min(), let last = here.max() else { return total }
                return total + (first...last).filter { !here.contains($0) && here.contains($0 + 1) }.count
            }
        }
    }

    /// Calls `visit` with every schedule (pair → slot) that keeps the hard rules, holds every
    /// lock and every required pair, and uses only allowed pairs.
    private func search(required: Set<Pair>, allowed: Set<Pair>?, visit: ([Pair: Int]) -> Void) {
        let event = input.event
        var locked: [Pair: Int] = [:]
        for lock in input.locks { locked[Pair(lock.a, lock.b)] = lock.slot }
        let list = pairs.filter { allowed == nil || allowed!.contains($0) || locked[$0] != nil }
        var busy: [String: [Int]] = people.mapValues { _ in Array(repeating: 0, count: event.slots + 1) }
        var counts: [String: Int] = [:]
        var perSlot = Array(repeating: 0, count: event.slots + 1)
        var chosen: [Pair: Int] = [:]
        func step(_ i: Int) {
            if i == list.count {
                if required.isSubset(of: Set(chosen.keys)) { visit(chosen) }
                return
            }
            let pair = list[i]
            if locked[pair] == nil && !required.contains(pair) { step(i + 1) }
            let x = people[pair.a]!, y = people[pair.b]!
            guard counts[pair.a, default: 0] < x.maxMeetings, counts[pair.b, default: 0] < y.maxMeetings else { return }
            let options = locked[pair].map { [$0] } ?? slotsOf[pair]!
            for slot in options where busy[pair.a]![slot] < x.reps && busy[pair.b]![slot] < y.reps && perSlot[slot] < event.tables {
                busy[pair.a]![slot] += 1; busy[pair.b]![slot] += 1; perSlot[slot] += 1
                counts[pair.a, default: 0] += 1; counts[pair.b, default: 0] += 1
                chosen[pair] = slot
                step(i + 1)
                chosen[pair] = nil
                busy[pair.a]![slot] -= 1; busy[pair.b]![slot] -= 1; perSlot[slot] -= 1
                counts[pair.a]! -= 1; counts[pair.b]! -= 1
            }
        }
        step(0)
    }
}
