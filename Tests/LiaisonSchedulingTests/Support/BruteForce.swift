import LiaisonCore
import LiaisonScheduling

/// Exhaustive answers on tiny events (3 × 3 or 3 × 4, 2–3 slots), written without the solver.
struct BruteForce {
    struct Pair: Hashable {
        var delegate: String
        var host: String
    }

    let input: SchedulingInput
    let people: [String: Participant]
    /// Pairs that could meet at all: not blocked, with a common available slot.
    let pairs: [Pair]
    let scores: [Pair: Double]

    init(_ input: SchedulingInput) {
        self.input = input
        people = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0) })
        let blocked = Set(input.blocks.flatMap { [[$0.a, $0.b], [$0.b, $0.a]] })
        var pairs: [Pair] = []
        for d in input.participants where d.side == .delegate {
            for h in input.participants where h.side == .host && !blocked.contains([d.company, h.company]) {
                if !d.available.intersection(h.available).isEmpty { pairs.append(Pair(delegate: d.company, host: h.company)) }
            }
        }
        self.pairs = pairs
        scores = Dictionary(uniqueKeysWithValues: pairs.map { ($0, input.scores.score(delegate: $0.delegate, host: $0.host)) })
    }

    func pair(_ a: String, _ b: String) -> Pair {
        people[a]?.side == .delegate ? Pair(delegate: a, host: b) : Pair(delegate: b, host: a)
    }

    /// The highest total score of any set of pairs containing `required`, within every
    /// participant's capacity and tables × slots meetings in all — slot times ignored — and
    /// giving everyone at least `minimum` meetings (or its capacity, when lower).
    func bestPairSet(containing required: Set<Pair>, minimum: Int = 0) -> Double? {
        let limit = input.event.tables * input.event.slots
        var counts: [String: Int] = [:]
        var best: Double?
        func visit(_ i: Int, _ total: Double, _ size: Int) {
            if i == pairs.count {
                let held = input.participants.allSatisfy { counts[$0.company, default: 0] >= min(minimum, $0.capacity) }
                if held, best.map({ total > $0 }) ?? true { best = total }
                return
            }
            let p = pairs[i]
            if !required.contains(p) { visit(i + 1, total, size) }
            if size < limit, counts[p.delegate, default: 0] < people[p.delegate]!.capacity,
               counts[p.host, default: 0] < people[p.host]!.capacity {
                counts[p.delegate, default: 0] += 1
                counts[p.host, default: 0] += 1
                visit(i + 1, total + scores[p]!, size + 1)
                counts[p.delegate]! -= 1
                counts[p.host]! -= 1
            }
        }
        visit(0, 0, 0)
        return best
    }

    /// The highest total score of any schedule (pairs with slots) that holds every lock in its
    /// slot and every pair of `required` somewhere; nil when there is none.
    func bestSchedule(containing required: Set<Pair> = []) -> Double? {
        let event = input.event
        var locked: [Pair: Int] = [:]
        for lock in input.locks { locked[pair(lock.a, lock.b)] = lock.slot }
        var busy: [String: [Int]] = people.mapValues { _ in Array(repeating: 0, count: event.slots + 1) }
        var counts: [String: Int] = [:]
        var perSlot = Array(repeating: 0, count: event.slots + 1)
        // The most any remaining pair can add, for pruning.
        var tail = Array(repeating: 0.0, count: pairs.count + 1)
        for i in pairs.indices.reversed() { tail[i] = tail[i + 1] + max(0, scores[pairs[i]]!) }
        var best: Double?

        func visit(_ i: Int, _ total: Double) {
            if i == pairs.count {
                if best.map({ total > $0 }) ?? true { best = total }
                return
            }
            if let best, total + tail[i] <= best { return }
            let p = pairs[i]
            let d = people[p.delegate]!, h = people[p.host]!
            if locked[p] == nil && !required.contains(p) { visit(i + 1, total) }
            guard counts[p.delegate, default: 0] < d.maxMeetings, counts[p.host, default: 0] < h.maxMeetings else { return }
            let slots = locked[p].map { [$0] } ?? d.available.intersection(h.available).sorted
            for slot in slots where busy[p.delegate]![slot] < d.reps && busy[p.host]![slot] < h.reps && perSlot[slot] < event.tables {
                busy[p.delegate]![slot] += 1
                busy[p.host]![slot] += 1
                perSlot[slot] += 1
                counts[p.delegate, default: 0] += 1
                counts[p.host, default: 0] += 1
                visit(i + 1, total + scores[p]!)
                busy[p.delegate]![slot] -= 1
                busy[p.host]![slot] -= 1
                perSlot[slot] -= 1
                counts[p.delegate]! -= 1
                counts[p.host]! -= 1
            }
        }
        visit(0, 0)
        return best
    }

    /// A tiny random event: 3 delegates, 3 or 4 hosts, 2–3 slots, 1–3 tables, caps 1–2, some
    /// blocks; scores on a 0.001 grid, some 0. With `rules`, also one lock and up to two musts.
    static func tinyInstance(seed: UInt64, rules: Bool) -> SchedulingInput {
        var random = SeededGenerator(seed: seed, stream: 3, index: 0)
        let slots = 2 + random.below(2)
        let tables = 1 + random.below(3)
        func participant(_ id: String, _ side: Side) -> Participant {
            var available = (1...slots).filter { _ in random.chance(0.75) }
            if available.isEmpty { available = [1 + random.below(slots)] }
            return Participant(company: id, side: side, maxMeetings: 1 + random.below(2), available: SlotSet(available),
                               reps: random.chance(0.1) ? 2 : 1)
        }
        let delegates = (1...3).map { participant("D\($0)", .delegate) }
        let hosts = (1...(3 + random.below(2))).map { participant("H\($0)", .host) }
        var table: [String: Double] = [:]
        var blocks: [PairBlock] = []
        for d in delegates {
            for h in hosts {
                table["\(d.company)|\(h.company)"] = random.chance(0.15) ? 0 : Double(1 + random.below(1000)) / 1000
                if random.chance(0.2) { blocks.append(PairBlock(a: d.company, b: h.company)) }
            }
        }
        var input = SchedulingInput(event: Fixture.event(slots: slots, tables: tables), participants: delegates + hosts,
                                    blocks: blocks, scores: Fixture.scores(delegates + hosts, table))
        guard rules else { return input }
        let candidates = BruteForce(input).pairs
        guard !candidates.isEmpty else { return input }
        var used = Set<Pair>()
        if random.chance(0.4) {
            let p = random.pick(candidates)
            let d = input.participants.first { $0.company == p.delegate }!, h = input.participants.first { $0.company == p.host }!
            if d.capacity > 0, h.capacity > 0 {
                let slot = random.pick(d.available.intersection(h.available).sorted)
                input.locks.append(MeetingLock(a: p.host, b: p.delegate, slot: slot, table: random.chance(0.5) ? 1 + random.below(tables) : nil))
                used.insert(p)
            }
        }
        var committed: [String: Int] = [:]
        for lock in input.locks { committed[lock.a, default: 0] += 1; committed[lock.b, default: 0] += 1 }
        for _ in 0..<random.below(3) {
            let p = random.pick(candidates)
            let d = input.participants.first { $0.company == p.delegate }!, h = input.participants.first { $0.company == p.host }!
            guard !used.contains(p), committed[d.company, default: 0] < d.capacity, committed[h.company, default: 0] < h.capacity else { continue }
            used.insert(p)
            committed[d.company, default: 0] += 1
            committed[h.company, default: 0] += 1
            input.requests.append(MeetingRequest(a: p.delegate, b: p.host, must: true))
        }
        return input
    }
}
