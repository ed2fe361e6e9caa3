import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport

/// Seeded random events for property tests: a shape drawn from the seed, then requests, blocks
/// and locks added here, every lock valid (both available, a free representative and table).
enum RandomInstances {
    /// A shape of a few dozen participants at most: availability 0.3…1, two representatives in
    /// some, tables tight or loose, maximum meetings below and above the slots.
    static func shape(seed: UInt64) -> RandomEvent.Shape {
        var random = SeededGenerator(seed: seed, stream: 1, index: 0)
        let slots = 3 + random.below(6)
        let delegates = 3 + random.below(12)
        let hosts = 3 + random.below(14)
        let tables = random.chance(0.5) ? 1 + random.below(max(1, min(delegates, hosts) / 2)) : max(delegates, hosts) + random.below(3)
        return RandomEvent.Shape(delegates: delegates, hosts: hosts, slots: slots, tables: tables,
                                 availability: 0.3 + 0.7 * random.unit(), maxMeetings: max(1, slots / 2 + random.below(slots + 3)),
                                 twoRepresentatives: random.chance(0.3) ? 0.3 : 0, unrelated: 0.2)
    }

    /// The event of `shape(seed:)` with random locks, blocks, requests (plain and must) and minimum.
    static func instance(seed: UInt64) -> SchedulingInput {
        var input = RandomEvent.make(shape(seed: seed), seed: seed)
        var random = SeededGenerator(seed: seed, stream: 2, index: 0)
        addRules(to: &input, random: &random)
        return input
    }

    static func addRules(to input: inout SchedulingInput, random: inout SeededGenerator, locks: Int? = nil, blocks: Int? = nil,
                         requests: Int? = nil) {
        let delegates = input.participants.filter { $0.side == .delegate }
        let hosts = input.participants.filter { $0.side == .host }
        let byID = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0) })
        let event = input.event
        var busy: [String: Int] = [:]       // "company|slot"
        var perSlot: [Int: Int] = [:]
        var tableTaken = Set<[Int]>()
        var committed: [String: Int] = [:]  // locks and musts per company
        var used = Set<[String]>()           // pairs with a lock, block or request

        func capacity(_ id: String) -> Int { byID[id]!.capacity }
        func freeRep(_ id: String, _ slot: Int) -> Bool {
            byID[id]!.available.contains(slot) && busy["\(id)|\(slot)", default: 0] < byID[id]!.reps
        }

        for _ in 0..<(locks ?? random.below(4)) {
            let d = random.pick(delegates).company, h = random.pick(hosts).company
            guard !used.contains([d, h]), committed[d, default: 0] < capacity(d), committed[h, default: 0] < capacity(h) else { continue }
            let slots = event.slotNumbers.filter { freeRep(d, $0) && freeRep(h, $0) && perSlot[$0, default: 0] < event.tables }
            guard !slots.isEmpty else { continue }
            let slot = random.pick(slots)
            var table: Int?
            if random.chance(0.5) {
                // Fewer locks than tables in the slot so far, so a table is free.
                table = random.pick((1...event.tables).filter { !tableTaken.contains([slot, $0]) })
            }
            if let table { tableTaken.insert([slot, table]) }
            used.insert([d, h])
            busy["\(d)|\(slot)", default: 0] += 1
            busy["\(h)|\(slot)", default: 0] += 1
            perSlot[slot, default: 0] += 1
            committed[d, default: 0] += 1
            committed[h, default: 0] += 1
            input.locks.append(random.chance(0.5) ? MeetingLock(a: d, b: h, slot: slot, table: table)
                                                  : MeetingLock(a: h, b: d, slot: slot, table: table))
        }
        for _ in 0..<(blocks ?? random.below(6)) {
            let d = random.pick(delegates).company, h = random.pick(hosts).company
            guard used.insert([d, h]).inserted else { continue }
            input.blocks.append(random.chance(0.5) ? PairBlock(a: d, b: h) : PairBlock(a: h, b: d))
        }
        for _ in 0..<(requests ?? random.below(8)) {
            let d = random.pick(delegates).company, h = random.pick(hosts).company
            guard used.insert([d, h]).inserted else { continue }
            var must = random.chance(0.4)
            if must, committed[d, default: 0] >= capacity(d) || committed[h, default: 0] >= capacity(h) { must = false }
            if must {
                committed[d, default: 0] += 1
                committed[h, default: 0] += 1
            }
            input.requests.append(random.chance(0.5) ? MeetingRequest(a: d, b: h, must: must) : MeetingRequest(a: h, b: d, must: must))
        }
        if random.chance(0.3) { input.minMeetings = 1 + random.below(3) }
    }
}
