/// Which pairs meet: a maximum-weight b-matching under each participant's capacity, the tables ×
/// slots of the event, blocks and what is already fixed — solved as a min-cost flow.
///
/// The network: source → `a` side → `b` side → sink, one unit per meeting; a bypass arc lets
/// flow that is not worth a meeting go straight to the sink. In an open event anyone may meet
/// anyone, so the network is the bipartite double cover (every participant on both sides, every
/// pair both ways, two units per meeting): its optimum is the best *fractional* b-matching,
/// which is rounded (see ``select(_:_:candidates:)``). Priorities are costs of different
/// magnitude, so one exact solve honours them in order: a must-meet request outweighs any
/// number of minimum bonuses, a participant's first meetings up to the minimum (cheaper first
/// arcs out of its node, the first cheapest: a convex cost, so that the meetings owed go to the
/// fewest first) outweigh any total of scores, and scores decide the rest.
enum PairSelection {
    typealias PairKey = EventModel.PairKey

    /// Weights (scores divided by the largest) become integer costs at this resolution, or a
    /// coarser one when the priorities' magnitudes would not fit in 64 bits otherwise.
    static let finestResolution = 1_000_000.0
    /// A plain request adds this much to its pair's weight, as much as the best score.
    static let requestBonus = 1.0

    /// Candidate pairs that may still meet: not placed, both with room.
    static func candidates(_ model: EventModel, _ timetable: Timetable) -> [PairKey] {
        model.candidates.filter { timetable.placements[$0] == nil && timetable.hasRoom($0.a) && timetable.hasRoom($0.b) }
    }

    /// The pairs to schedule besides those already in `timetable`: musts first, then the minimum
    /// for everyone, then the highest total of scores (plain requests counting extra).
    static func select(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey]) -> [PairKey] {
        let deficits = model.participants.indices.map { p in
            max(0, min(model.minimum(of: p) - timetable.meetingCount(p), room(p, timetable)))
        }
        let meetingsLeft = Double(max(1, addable(model, timetable)))
        let musts = Double(candidates.filter(model.isMust).count)
        // The most the minimum's bonuses can add up to, in units of the bonus.
        let owed = model.minimumCredit(owed: deficits, beyond: timetable)
        // The largest total cost is about mustBonus × musts (twice in an open event's cover);
        // keep it well inside Int64.
        let resolution = min(finestResolution, Double(Int64.max) / 128 / ((2 + requestBonus) * meetingsLeft * Double(owed + 1) * (musts + 1)))
        let weights = candidates.map { Int64((model.value($0) * resolution).rounded()) }
        let scoreTotal = Int64(((1 + requestBonus) * resolution + 1) * meetingsLeft)
        let minimumBonus = scoreTotal + 1
        let mustBonus = minimumBonus * (Int64(owed) + 1) + scoreTotal + 1
        // A pair worth nothing costs one unit, so it is chosen only for a must or a minimum.
        let costs = zip(candidates, weights).map { key, weight in
            (weight == 0 ? 1 : -weight) - (model.isMust(key) ? mustBonus : 0)
        }
        let network = Network(model, timetable, candidates: candidates, costs: costs, deficits: deficits, bonus: minimumBonus)
        guard let solution = try? network.flow.solve() else {
            preconditionFailure("the selection network always has a solution: its bypass arc carries any flow")
        }
        let units = network.units(solution)
        if model.pairing == .sides { return candidates.indices.filter { units[$0] > 0 }.map { candidates[$0] } }
        return round(model, timetable, candidates: candidates, units: units, costs: costs)
    }

    /// An open event's fractional choice made whole: pairs chosen both ways are kept; pairs
    /// chosen one way (halves, on cycles) are added best first where both still have room.
    private static func round(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey], units: [Int64],
                              costs: [Int64]) -> [PairKey] {
        var used = model.participants.indices.map { timetable.meetingCount($0) }
        var chosen: [PairKey] = []
        for (i, key) in candidates.enumerated() where units[i] == 2 {
            chosen.append(key)
            used[key.a] += 1
            used[key.b] += 1
        }
        let halves = candidates.indices.filter { units[$0] == 1 }.sorted { (costs[$0], candidates[$0]) < (costs[$1], candidates[$1]) }
        var tables = addable(model, timetable) - chosen.count
        for i in halves where tables > 0 {
            let key = candidates[i]
            guard used[key.a] < model.participants[key.a].capacity, used[key.b] < model.participants[key.b].capacity else { continue }
            chosen.append(key)
            used[key.a] += 1
            used[key.b] += 1
            tables -= 1
        }
        return chosen.sorted()
    }

    /// The most meetings that could still be added: table-slots, and each side's room.
    static func addable(_ model: EventModel, _ timetable: Timetable) -> Int {
        let rooms = model.participants.indices.map { room($0, timetable) }
        if model.pairing == .open { return min(freeTableSlots(model, timetable), rooms.reduce(0, +) / 2) }
        return min(freeTableSlots(model, timetable), model.delegates.reduce(0) { $0 + rooms[$1] },
                   model.hosts.reduce(0) { $0 + rooms[$1] })
    }

    static func room(_ p: Int, _ timetable: Timetable) -> Int {
        max(0, timetable.model.participants[p].capacity - timetable.meetingCount(p))
    }

    static func freeTableSlots(_ model: EventModel, _ timetable: Timetable) -> Int {
        model.slots.reduce(0) { $0 + max(0, model.event.tables - timetable.tablesUsed[$1]) }
    }

    /// The selection network of an event, and where each pair's arcs are.
    struct Network {
        var flow = FlowNetwork()
        /// Node of participant p on the `a` side (delegates; everyone in an open event), or -1.
        var left: [Int32]
        /// Node of participant p on the `b` side, or -1.
        var right: [Int32]
        /// Per candidate pair, its arcs (one in a sides event, two in an open one).
        var pairArcs: [[Int]] = []
        var source: Int32 = 0, sink: Int32 = 0, hub: Int32 = 0
        /// Units of flow per meeting: 2 in the double cover of an open event.
        let perMeeting: Int64

        /// `deficits[p]` units out of or into p earn `bonus` times what each meeting is worth
        /// towards p's minimum (see ``EventModel/minimumCredit(of:meeting:)``).
        init(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey], costs: [Int64], deficits: [Int], bonus: Int64) {
            let count = model.participants.count
            left = Array(repeating: -1, count: count)
            right = Array(repeating: -1, count: count)
            perMeeting = model.pairing == .open ? 2 : 1
            let supply = Int64(freeTableSlots(model, timetable)) * perMeeting
            source = flow.addNode(supply: supply)
            sink = flow.addNode(supply: -supply)
            hub = flow.addNode()
            flow.addArc(from: source, to: hub, capacity: supply, cost: 0)
            flow.addArc(from: source, to: sink, capacity: supply, cost: 0)
            func capacityArcs(_ p: Int, from: Int32, to: Int32, free: Int, deficit: Int) {
                let first = min(deficit, free), count = timetable.meetingCount(p)
                for k in stride(from: count + 1, through: count + first, by: 1) {
                    flow.addArc(from: from, to: to, capacity: 1, cost: -bonus * Int64(model.minimumCredit(of: p, meeting: k)))
                }
                if free > first { flow.addArc(from: from, to: to, capacity: Int64(free - first), cost: 0) }
            }
            let open = model.pairing == .open
            for p in 0..<count {
                let free = room(p, timetable)
                guard free > 0 else { continue }
                if open || model.participants[p].side == .delegate {
                    left[p] = flow.addNode()
                    capacityArcs(p, from: hub, to: left[p], free: free, deficit: deficits[p])
                }
                if open || model.participants[p].side == .host {
                    right[p] = flow.addNode()
                    capacityArcs(p, from: right[p], to: sink, free: free, deficit: deficits[p])
                }
            }
            pairArcs.reserveCapacity(candidates.count)
            for (key, cost) in zip(candidates, costs) {
                var arcs: [Int] = []
                if left[key.a] >= 0, right[key.b] >= 0 { arcs.append(flow.addArc(from: left[key.a], to: right[key.b], capacity: 1, cost: cost)) }
                if open, left[key.b] >= 0, right[key.a] >= 0 {
                    arcs.append(flow.addArc(from: left[key.b], to: right[key.a], capacity: 1, cost: cost))
                }
                if open && arcs.count < 2 { arcs = [] }   // a pair one of whom has no room
                pairArcs.append(arcs)
            }
        }

        /// Units of flow each candidate pair carries (0–1; 0–2 in an open event).
        func units(_ solution: FlowNetwork.Solution) -> [Int64] {
            pairArcs.map { arcs in arcs.reduce(0) { $0 + solution.flow($1) } }
        }
    }
}
