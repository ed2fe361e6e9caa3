/// The room an event's fixed meetings leave for its must-meet requests: free representatives
/// per participant and slot, free tables per slot, meetings each participant may still have,
/// and the slots each must that is not fixed could take (both parties available and free, its
/// session allowing it, a table free).
struct MustRoom {
    typealias PairKey = EventModel.PairKey

    let model: EventModel
    /// The musts that are not fixed, in order.
    let keys: [PairKey]
    /// Per must of `keys`, the slots it could take.
    let allowed: [[Int]]
    /// Slots plus one: the stride of `freeReps`.
    let stride: Int
    /// freeReps[p * stride + s]: representatives of participant p free in slot s.
    let freeReps: [Int]
    let freeTables: [Int]
    let freeMeetings: [Int]
    /// The most of ``keys`` that the free tables can hold at once, each in one of its slots (a
    /// maximum flow, blind to who meets whom): no timing holds more.
    let mostByTables: Int

    init(_ timetable: Timetable, musts: [PairKey]) {
        model = timetable.model
        let fixed = timetable.placements.filter(\.value.fixed)
        keys = musts.filter { fixed[$0] == nil }.sorted()
        let stride = model.event.slots + 1, people = model.participants.count
        var freeReps = [Int](repeating: 0, count: people * stride), freeTables = [Int](repeating: model.event.tables, count: stride)
        for p in 0..<people {
            for s in model.slots where timetable.isAvailable(p, s) { freeReps[p * stride + s] = model.participants[p].reps }
        }
        var freeMeetings = model.participants.map(\.capacity)
        for (key, placement) in fixed {
            freeReps[key.a * stride + placement.slot] -= 1
            freeReps[key.b * stride + placement.slot] -= 1
            freeTables[placement.slot] -= 1
            freeMeetings[key.a] -= 1
            freeMeetings[key.b] -= 1
        }
        allowed = keys.map { key in
            timetable.model.commonSlots(key).filter { freeReps[key.a * stride + $0] > 0 && freeReps[key.b * stride + $0] > 0 && freeTables[$0] > 0 }
        }
        (self.stride, self.freeReps, self.freeTables, self.freeMeetings) = (stride, freeReps, freeTables, freeMeetings)
        mostByTables = Self.mostHeld(allowed, freeTables: freeTables)
    }

    /// The most musts, each allowed the slots in its row of `allowed`, that `freeTables` can hold.
    private static func mostHeld(_ allowed: [[Int]], freeTables: [Int]) -> Int {
        var network = FlowNetwork()
        let flow = Int64(allowed.count)
        let source = network.addNode(supply: flow), sink = network.addNode(supply: -flow)
        network.addArc(from: source, to: sink, capacity: flow, cost: 0)
        var slotNodes: [Int: Int32] = [:]
        for s in Set(allowed.joined()).sorted() {
            let node = network.addNode()
            slotNodes[s] = node
            network.addArc(from: node, to: sink, capacity: Int64(freeTables[s]), cost: 0)
        }
        for slots in allowed where !slots.isEmpty {
            let must = network.addNode()
            network.addArc(from: source, to: must, capacity: 1, cost: -1)
            for s in slots { network.addArc(from: must, to: slotNodes[s]!, capacity: 1, cost: 0) }
        }
        guard let solution = try? network.solve() else {
            preconditionFailure("the musts' network always has a solution: its bypass arc carries any flow")
        }
        return Int(-solution.cost)
    }
}
