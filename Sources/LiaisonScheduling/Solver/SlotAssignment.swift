/// Puts chosen meetings into slots (bipartite edge colouring with availability, representatives
/// and tables), then improves the day: repairs what did not fit, fills free room with the next
/// best pairs, and shortens idle gaps.
///
/// Slots are filled one at a time, each with a maximum-weight b-matching (a min-cost flow) of
/// the meetings still to place. Must-meet requests weigh most. Next, a participant whose
/// remaining meetings equal its remaining free slots is *critical* (and so is a pair at its last
/// common slot), so every matching covers all critical participants when it can. This is the
/// constructive form of König's theorem: with full availability and no more meetings per
/// participant than slots × representatives, no meeting is ever left over. Then come how urgent
/// participants and pairs are (what remains per remaining slot), continuity with the previous
/// slot (shorter gaps), and the score.
enum SlotAssignment {
    typealias PairKey = EventModel.PairKey

    // Magnitudes of the per-slot weights, each dominating the sum of all below it: a must-meet
    // request first, then critical parties and pairs, urgency, continuity, the score.
    static let mustWeight: Int64 = 1_000_000_000_000
    static let criticalWeight: Int64 = 10_000_000_000
    static let urgencyWeight: Double = 1_000_000
    static let continuityWeight: Int64 = 10_000
    static let scoreWeight: Double = 1_000

    /// Places `pairs` slot by slot; returns the pairs that could not be placed. Pairs in
    /// `first` (left over by an earlier attempt) weigh as much as critical ones.
    static func place(_ pairs: [PairKey], first: Set<PairKey> = [], in timetable: inout Timetable) -> [PairKey] {
        var pending = Set(pairs)
        let model = timetable.model
        for slot in model.slots where !pending.isEmpty {
            let free = model.event.tables - timetable.tablesUsed[slot]
            guard free > 0 else { continue }
            var remaining = [Int: Int]()
            for key in pending {
                remaining[key.a, default: 0] += 1
                remaining[key.b, default: 0] += 1
            }
            func futureRoom(_ p: Int) -> Int {
                (slot...model.event.slots).reduce(0) { total, s in
                    total + (timetable.isAvailable(p, s) ? max(0, model.participants[p].reps - timetable.busy[p][s]) : 0)
                }
            }
            var urgency = [Int: (critical: Bool, ratio: Double)]()
            for (p, count) in remaining {
                let room = futureRoom(p)
                urgency[p] = (count >= room, Double(count) / Double(max(room, 1)))
            }
            let placeable = pending.filter { timetable.canPlace($0, in: slot) }.sorted()
            guard !placeable.isEmpty else { continue }
            let weights = placeable.map { key -> Int64 in
                // A pair whose common slots run out is as urgent as its parties: at its last
                // common slot it is critical, before that it weighs more the fewer remain.
                let chances = model.commonSlotCount(key, from: slot)
                var weight: Int64 = chances <= 1 || first.contains(key) ? criticalWeight : Int64(urgencyWeight / Double(chances))
                for p in [key.a, key.b] {
                    let (critical, ratio) = urgency[p]!
                    if critical { weight += criticalWeight }
                    weight += Int64(ratio * urgencyWeight)
                    if slot > 1, timetable.busy[p][slot - 1] > 0 { weight += continuityWeight }
                }
                if model.isMust(key) { weight += mustWeight }
                return weight + Int64(model.weight(key) * scoreWeight) + 1
            }
            for key in matching(placeable, weights: weights, slot: slot, tables: free, timetable: timetable) {
                timetable.place(key, in: slot)
                pending.remove(key)
            }
        }
        return pending.sorted()
    }

    /// A maximum-weight set of meetings for one slot: each participant within its free
    /// representatives, at most `tables` meetings. Exact (a min-cost flow) in a sides event; in
    /// an open event, whose pairs need not form a bipartite graph, heaviest first.
    private static func matching(_ pairs: [PairKey], weights: [Int64], slot: Int, tables: Int, timetable: Timetable) -> [PairKey] {
        let model = timetable.model
        if model.pairing == .open {
            var free = [Int: Int]()
            var chosen: [PairKey] = []
            for i in pairs.indices.sorted(by: { (weights[$1], pairs[$0]) < (weights[$0], pairs[$1]) }) where chosen.count < tables {
                let key = pairs[i]
                let (a, b) = (free[key.a] ?? model.participants[key.a].reps - timetable.busy[key.a][slot],
                              free[key.b] ?? model.participants[key.b].reps - timetable.busy[key.b][slot])
                guard a > 0, b > 0 else { continue }
                free[key.a] = a - 1
                free[key.b] = b - 1
                chosen.append(key)
            }
            return chosen
        }
        var network = FlowNetwork()
        let flow = Int64(tables)
        let source = network.addNode(supply: flow), sink = network.addNode(supply: -flow)
        let hub = network.addNode()
        network.addArc(from: source, to: hub, capacity: flow, cost: 0)
        network.addArc(from: source, to: sink, capacity: flow, cost: 0)
        var nodes: [Int: Int32] = [:]
        func node(for p: Int) -> Int32 {
            if let existing = nodes[p] { return existing }
            let created = network.addNode()
            nodes[p] = created
            let free = Int64(model.participants[p].reps - timetable.busy[p][slot])
            if model.participants[p].side == .delegate {
                network.addArc(from: hub, to: created, capacity: free, cost: 0)
            } else {
                network.addArc(from: created, to: sink, capacity: free, cost: 0)
            }
            return created
        }
        var arcs: [Int] = []
        for (key, weight) in zip(pairs, weights) {
            arcs.append(network.addArc(from: node(for: key.a), to: node(for: key.b), capacity: 1, cost: -weight))
        }
        guard let solution = try? network.solve() else {
            preconditionFailure("a slot's matching network always has a solution: its bypass arc carries any flow")
        }
        return pairs.indices.filter { solution.flow(arcs[$0]) > 0 }.map { pairs[$0] }
    }

    /// Places a pair that did not fit, moving at most one meeting of each busy party (or one
    /// meeting of a full slot) to another slot; false when that is not enough.
    static func repair(_ key: PairKey, in timetable: inout Timetable) -> Bool {
        let slots = timetable.model.commonSlots(key)
        if let slot = slots.first(where: { timetable.canPlace(key, in: $0) }) {
            timetable.place(key, in: slot)
            return true
        }
        for slot in slots {
            var trial = timetable
            var blockers: [PairKey] = []
            for p in [key.a, key.b] where !trial.isFree(p, slot) {
                guard let movable = trial.meetings(of: p, in: slot).sorted().first(where: { !trial.placements[$0]!.fixed }) else { break }
                blockers.append(movable)
            }
            for blocker in blockers { trial.remove(blocker) }
            if !trial.hasTable(slot) {
                let movable = trial.meetings(in: slot).filter { !trial.placements[$0]!.fixed }.sorted().first
                if let movable {
                    blockers.append(movable)
                    trial.remove(movable)
                }
            }
            guard trial.canPlace(key, in: slot) else { continue }
            trial.place(key, in: slot)
            let moved = blockers.allSatisfy { blocker in
                guard let other = trial.model.commonSlots(blocker).first(where: { $0 != slot && trial.canPlace(blocker, in: $0) })
                else { return false }
                trial.place(blocker, in: other)
                return true
            }
            if moved {
                timetable = trial
                return true
            }
        }
        return false
    }

    /// Adds meetings from `candidates` where both parties still have room and a common free slot:
    /// first those that bring someone closer to the minimum, then by value (score, plus a bonus
    /// when requested). Pairs worth nothing are added only for the minimum.
    static func fill(_ candidates: [PairKey], in timetable: inout Timetable) {
        let model = timetable.model
        func short(_ p: Int) -> Bool { timetable.meetingCount(p) < model.minimum(of: p) }
        let ordered = candidates.sorted { a, b in
            let (x, y) = (model.value(a), model.value(b))
            return x != y ? x > y : a < b
        }
        for pass in 0..<2 {
            for key in ordered where timetable.placements[key] == nil && timetable.hasRoom(key.a) && timetable.hasRoom(key.b) {
                let helpsMinimum = short(key.a) || short(key.b)
                guard pass == 0 ? helpsMinimum : model.value(key) > 0 else { continue }
                let options = model.commonSlots(key).filter { timetable.canPlace(key, in: $0) }
                guard let slot = options.min(by: { gapIncrease(key, $0, timetable) < gapIncrease(key, $1, timetable) }) else { continue }
                timetable.place(key, in: slot)
            }
        }
    }

    /// Candidate pairs × slots an improvement round may examine: small and tight events, where
    /// one exchange matters most, are improved; large ones, already at or near the bound, skip it.
    static let improvementBudget = 2_000_000

    /// Exchanges a meeting for a better pair the slots left out. For each unscheduled candidate,
    /// best first, and each slot both can meet in, it finds the one meeting whose removal frees
    /// every obstacle (the delegate's or host's meeting in that slot when they are busy; one of
    /// their meetings when they are at their maximum; any meeting of the slot when its tables are
    /// full) and makes the exchange when the candidate scores more. Fixed and must-meet meetings
    /// stay; no one falls below the minimum. Returns whether anything changed.
    static func improve(_ candidates: [PairKey], in timetable: inout Timetable) -> Bool {
        let model = timetable.model
        guard candidates.count * model.event.slots <= improvementBudget else { return false }
        func required(_ p: Int) -> Int { model.minimum(of: p) }
        func removable(_ key: PairKey) -> Bool {
            guard let placement = timetable.placements[key], !placement.fixed, !model.isMust(key) else { return false }
            return [key.a, key.b].allSatisfy { timetable.meetingCount($0) > required($0) }
        }
        let ordered = candidates.filter { model.value($0) > 0 }.sorted {
            (model.value($1), $0) < (model.value($0), $1)
        }
        var changed = false
        for key in ordered where timetable.placements[key] == nil {
            // Both full: only a meeting of both could make room for both, and a pair meets once.
            guard timetable.hasRoom(key.a) || timetable.hasRoom(key.b) else { continue }
            var best: (removed: PairKey?, slot: Int, gain: Double)?
            for slot in model.commonSlots(key) {
                guard let freeing = freeing(key, slot, timetable) else {
                    if model.value(key) > best?.gain ?? 0 { best = (nil, slot, model.value(key)) }
                    continue
                }
                let options = freeing.filter(removable)
                guard let weakest = options.min(by: { (model.value($0), $0) < (model.value($1), $1) }) else { continue }
                let gain = model.value(key) - model.value(weakest)
                if gain > 1e-12, gain > best?.gain ?? 0 { best = (weakest, slot, gain) }
            }
            guard let best else { continue }
            if let removed = best.removed { timetable.remove(removed) }
            timetable.place(key, in: best.slot)
            changed = true
        }
        return changed
    }

    /// The meetings whose removal alone would let `key` meet in `slot` (the pair's meeting in
    /// that slot when one is busy, one of its meetings when one is at its maximum, any meeting of
    /// the slot when its tables are full); nil when nothing stands in the way.
    static func freeing(_ key: PairKey, _ slot: Int, _ timetable: Timetable) -> Set<PairKey>? {
        var required: [Set<PairKey>] = []
        for p in [key.a, key.b] {
            if !timetable.isFree(p, slot) { required.append(Set(timetable.meetings(of: p, in: slot))) }
            if !timetable.hasRoom(p) { required.append(timetable.meetingsOf[p]) }
        }
        if !timetable.hasTable(slot) { required.append(Set(timetable.meetings(in: slot))) }
        guard let first = required.first else { return nil }
        return required.dropFirst().reduce(first) { $0.intersection($1) }
    }

    /// Idle slots of both parties if the pair met in `slot`.
    private static func idleWith(_ key: PairKey, _ slot: Int, _ timetable: Timetable) -> Int {
        timetable.idleSlots(of: key.a, ifMeetingIn: timetable.slots(of: key.a) + [slot])
            + timetable.idleSlots(of: key.b, ifMeetingIn: timetable.slots(of: key.b) + [slot])
    }

    private static func gapIncrease(_ key: PairKey, _ slot: Int, _ timetable: Timetable) -> Int {
        idleWith(key, slot, timetable) - timetable.idleSlots(of: key.a) - timetable.idleSlots(of: key.b)
    }
}
