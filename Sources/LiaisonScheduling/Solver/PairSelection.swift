/// Which pairs meet: a maximum-weight b-matching between delegates and hosts under each
/// participant's capacity, the tables × slots of the day, blocks and what is already fixed —
/// solved exactly as a min-cost flow.
///
/// The network: source → delegates → hosts → sink, one unit per meeting; a bypass arc lets flow
/// that is not worth a meeting go straight to the sink. Priorities are costs of different
/// magnitude, so one exact solve honours them in order: a must-meet request outweighs any number
/// of minimum bonuses, a participant's first meetings up to the minimum (a cheaper first arc out
/// of its node: a convex cost) outweigh any total of scores, and scores decide the rest.
enum PairSelection {
    typealias PairKey = EventModel.PairKey

    /// Weights (scores divided by the largest) become integer costs at this resolution, or a
    /// coarser one when the priorities' magnitudes would not fit in 64 bits otherwise.
    static let finestResolution = 1_000_000.0
    /// A plain request adds this much to its pair's weight, as much as the best score.
    static let requestBonus = 1.0

    /// Pairs that may meet beyond those placed: not blocked, not placed, with a common slot.
    static func candidates(_ model: EventModel, _ timetable: Timetable) -> [PairKey] {
        var pairs: [PairKey] = []
        for d in model.delegates where timetable.hasRoom(d) {
            for h in model.hosts where timetable.hasRoom(h) {
                let key = PairKey(delegate: d, host: h)
                if timetable.placements[key] == nil, !model.blocked.contains(key), model.commonSlotCount(key, from: 1) > 0 {
                    pairs.append(key)
                }
            }
        }
        return pairs
    }

    /// The pairs to schedule besides those already in `timetable`: musts first, then the minimum
    /// for everyone, then the highest total of scores (plain requests counting extra).
    static func select(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey]) -> [PairKey] {
        let deficits = model.participants.indices.map { p in
            max(0, min(min(model.minMeetings, model.participants[p].capacity) - timetable.meetingCount(p), room(p, timetable)))
        }
        let meetingsLeft = Double(max(1, min(freeTableSlots(model, timetable),
                                             model.delegates.reduce(0) { $0 + room($1, timetable) },
                                             model.hosts.reduce(0) { $0 + room($1, timetable) })))
        let musts = Double(candidates.filter(model.isMust).count)
        let deficit = Double(deficits.reduce(0, +))
        // The largest total cost is about mustBonus × musts; keep it well inside Int64.
        let resolution = min(finestResolution, Double(Int64.max) / 64 / ((2 + requestBonus) * meetingsLeft * (deficit + 1) * (musts + 1)))
        let weights = candidates.map { Int64((model.value($0) * resolution).rounded()) }
        let scoreTotal = Int64(((1 + requestBonus) * resolution + 1) * meetingsLeft)
        let minimumBonus = scoreTotal + 1
        let mustBonus = minimumBonus * (Int64(deficit) + 1) + scoreTotal + 1
        // A pair worth nothing costs one unit, so it is chosen only for a must or a minimum.
        let costs = zip(candidates, weights).map { key, weight in
            (weight == 0 ? 1 : -weight) - (model.isMust(key) ? mustBonus : 0)
        }
        return solve(model, timetable, candidates: candidates, costs: costs, deficits: deficits, bonus: minimumBonus)
    }

    /// The maximum total score of any b-matching that contains every placed meeting of
    /// `timetable` (locks, kept and must meetings), under the same capacities, tables × slots and
    /// blocks, ignoring slot times: an upper bound on any schedule containing them.
    ///
    /// The flow works on weights rounded to integers at a power-of-two resolution (so scaling is
    /// exact); the bound adds half a unit for each pair a schedule could add, the most rounding
    /// can hide, so it holds exactly — at 2⁴⁰, that is 5·10⁻¹³ of the best score per pair.
    static func upperBound(_ model: EventModel, _ timetable: Timetable) -> Double {
        let candidates = candidates(model, timetable)
        let addable = min(freeTableSlots(model, timetable), model.delegates.reduce(0) { $0 + room($1, timetable) },
                          model.hosts.reduce(0) { $0 + room($1, timetable) })
        // Total costs stay far inside Int64: addable × resolution ≤ 2⁵⁶.
        let resolution = Double(sign: .plus, exponent: min(40, 56 - (Int.bitWidth - max(addable, 1).leadingZeroBitCount)), significand: 1)
        let rounded = candidates.map { (model.weight($0) * resolution).rounded() }
        let chosen = Set(solve(model, timetable, candidates: candidates, costs: rounded.map { -Int64($0) },
                               deficits: Array(repeating: 0, count: model.participants.count), bonus: 0))
        let chosenTotal = zip(candidates, rounded).reduce(0.0) { total, pair in chosen.contains(pair.0) ? total + pair.1 : total }
        return model.totalScore(Array(timetable.placements.keys)) + (chosenTotal + 0.5 * Double(addable)) / resolution * model.scoreUnit
    }

    private static func room(_ p: Int, _ timetable: Timetable) -> Int {
        max(0, timetable.model.participants[p].capacity - timetable.meetingCount(p))
    }

    private static func freeTableSlots(_ model: EventModel, _ timetable: Timetable) -> Int {
        model.slots.reduce(0) { $0 + max(0, model.event.tables - timetable.tablesUsed[$1]) }
    }

    /// Builds and solves the network; `deficits[p]` units out of or into p earn `bonus` each.
    private static func solve(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey], costs: [Int64],
                              deficits: [Int], bonus: Int64) -> [PairKey] {
        var network = FlowNetwork()
        let flow = Int64(freeTableSlots(model, timetable))
        let source = network.addNode(supply: flow), sink = network.addNode(supply: -flow)
        let tables = network.addNode()
        network.addArc(from: source, to: tables, capacity: flow, cost: 0)
        network.addArc(from: source, to: sink, capacity: flow, cost: 0)
        var node: [Int: Int32] = [:]
        for p in model.delegates + model.hosts {
            let free = room(p, timetable)
            guard free > 0 else { continue }
            let n = network.addNode()
            node[p] = n
            let (from, to) = model.participants[p].side == .delegate ? (tables, n) : (n, sink)
            let first = min(deficits[p], free)
            if first > 0 { network.addArc(from: from, to: to, capacity: Int64(first), cost: -bonus) }
            if free > first { network.addArc(from: from, to: to, capacity: Int64(free - first), cost: 0) }
        }
        var pairArcs: [(arc: Int, key: PairKey)] = []
        for (key, cost) in zip(candidates, costs) {
            guard let d = node[key.delegate], let h = node[key.host] else { continue }
            pairArcs.append((network.addArc(from: d, to: h, capacity: 1, cost: cost), key))
        }
        guard let solution = try? network.solve() else {
            preconditionFailure("the selection network always has a solution: its bypass arc carries any flow")
        }
        return pairArcs.filter { solution.flow($0.arc) > 0 }.map(\.key)
    }
}
