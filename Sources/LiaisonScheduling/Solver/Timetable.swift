/// Where meetings stand while a schedule is built: who is busy in which slot, how many tables
/// each slot uses, and which meetings are fixed (locked, or kept from the published schedule).
struct Timetable {
    typealias PairKey = EventModel.PairKey

    struct Placement: Equatable {
        var slot: Int
        var table: Int?
        var fixed: Bool
    }

    let model: EventModel
    private(set) var placements: [PairKey: Placement] = [:]
    /// busy[p][slot]: meetings of participant p in that slot.
    private(set) var busy: [[Int]]
    /// Meetings held in each slot.
    private(set) var tablesUsed: [Int]
    /// The meetings of each participant.
    private(set) var meetingsOf: [Set<PairKey>]
    /// The meetings of each slot.
    private(set) var meetingsIn: [Set<PairKey>]

    init(model: EventModel) {
        self.model = model
        busy = Array(repeating: Array(repeating: 0, count: model.event.slots + 1), count: model.participants.count)
        tablesUsed = Array(repeating: 0, count: model.event.slots + 1)
        meetingsOf = Array(repeating: [], count: model.participants.count)
        meetingsIn = Array(repeating: [], count: model.event.slots + 1)
    }

    /// The meetings held in `slot`.
    func meetings(in slot: Int) -> Set<PairKey> { meetingsIn[slot] }

    /// How many meetings participant p has.
    func meetingCount(_ p: Int) -> Int { meetingsOf[p].count }

    func isAvailable(_ p: Int, _ slot: Int) -> Bool {
        model.isAvailable(p, slot)
    }

    /// Whether participant p can take one more meeting in `slot`.
    func isFree(_ p: Int, _ slot: Int) -> Bool {
        isAvailable(p, slot) && busy[p][slot] < model.participants[p].reps
    }

    func hasTable(_ slot: Int) -> Bool { tablesUsed[slot] < model.event.tables }

    /// Whether a pair could meet in `slot` now.
    func canPlace(_ key: PairKey, in slot: Int) -> Bool {
        placements[key] == nil && isFree(key.a, slot) && isFree(key.b, slot) && hasTable(slot) && model.sessionAllows(key, slot)
    }

    /// Whether participant p has room for one more meeting in the day.
    func hasRoom(_ p: Int) -> Bool { meetingsOf[p].count < model.participants[p].capacity }

    mutating func place(_ key: PairKey, in slot: Int, table: Int? = nil, fixed: Bool = false) {
        precondition(placements[key] == nil, "a pair meets once")
        placements[key] = Placement(slot: slot, table: table, fixed: fixed)
        busy[key.a][slot] += 1
        busy[key.b][slot] += 1
        tablesUsed[slot] += 1
        meetingsOf[key.a].insert(key)
        meetingsOf[key.b].insert(key)
        meetingsIn[slot].insert(key)
    }

    mutating func remove(_ key: PairKey) {
        guard let placement = placements.removeValue(forKey: key) else { return }
        busy[key.a][placement.slot] -= 1
        busy[key.b][placement.slot] -= 1
        tablesUsed[placement.slot] -= 1
        meetingsOf[key.a].remove(key)
        meetingsOf[key.b].remove(key)
        meetingsIn[placement.slot].remove(key)
    }

    mutating func setTable(_ key: PairKey, _ table: Int) {
        placements[key]?.table = table
    }

    /// The meetings in `slot` that involve participant p.
    func meetings(of p: Int, in slot: Int) -> [PairKey] {
        meetingsOf[p].filter { placements[$0]?.slot == slot }
    }

    /// Slots of participant p's meetings, sorted.
    func slots(of p: Int) -> [Int] {
        meetingsOf[p].compactMap { placements[$0]?.slot }.sorted()
    }

    /// Participant p's breaks and idle slots as its meetings stand.
    func shape(of p: Int) -> AgendaShape {
        model.shape(of: p, slots: slots(of: p))
    }

    /// Available slots without a meeting between p's first and last meeting of each day.
    func idleSlots(of p: Int) -> Int {
        shape(of: p).idle
    }

    /// How many idle slots `p` would have with its meetings in `slots` (a multiset).
    func idleSlots(of p: Int, ifMeetingIn slots: [Int]) -> Int {
        model.shape(of: p, slots: slots.sorted()).idle
    }
}
