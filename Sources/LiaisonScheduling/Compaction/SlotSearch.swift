/// A timetable's meetings and slots in flat buffers, for the local searches that move meetings
/// between slots: who is busy when, how full each slot is, and each participant's breaks and
/// idle slots, kept up to date move by move without allocating.
///
/// A *move* is a Kempe chain: to move meeting m from slot s to slot t, every meeting in s or t
/// that shares a participant (out of free representatives) with a moving meeting moves too
/// (s ↔ t), so no one is ever double-booked; when t has no free table, a chain from t can come
/// the other way. A plain move, a swap and the alternating chains of König's proof are all such
/// chains. A meeting may also be *unplaced* (slot 0), for the search that places meetings.
///
/// The buffers are freed by ``free()``; a search is used by one function and never copied.
struct SlotSearch {
    typealias PairKey = EventModel.PairKey

    let model: EventModel
    let slotCount: Int
    let stride: Int
    let words: Int
    let tables: Int
    let meetingCount: Int
    let participantCount: Int
    let keys: [PairKey]
    /// Per meeting: its two participants, slot (0 when unplaced), whether it may move.
    let a: Buffer<Int>
    let b: Buffer<Int>
    let slot: Buffer<Int>
    let movable: Buffer<Bool>
    /// Slots each meeting may take: `allowedList[allowedStart[m]..<allowedStart[m + 1]]`, and
    /// as bits at `m * words + s / 64`.
    let allowedStart: Buffer<Int>
    let allowedList: Buffer<Int>
    let allowedBits: Buffer<UInt64>
    /// Meetings of participant p: `meetingList[meetingStart[p]..<meetingStart[p + 1]]`.
    let meetingStart: Buffer<Int>
    let meetingList: Buffer<Int>
    let reps: Buffer<Int>
    /// Meetings of participant p in slot s, at `p * stride + s`.
    let count: Buffer<UInt8>
    /// The meeting that last took slot s for participant p, at `p * stride + s`: p's one meeting
    /// there whenever `count` says it has exactly one (-1 before any).
    let meetingAt: Buffer<Int>
    /// Participant p's slots with a meeting, and those it is available in, as bits at `p * words + s / 64`.
    let busy: Buffer<UInt64>
    let available: Buffer<UInt64>
    /// Meetings in each slot, which (`inSlot[s * slotCapacity + i]`), and where each sits.
    let load: Buffer<Int>
    let inSlot: Buffer<Int>
    let slotCapacity: Int
    let position: Buffer<Int>
    /// Bits of each day's slots, at `day * words + w`.
    let dayMasks: Buffer<UInt64>
    let dayCount: Int
    /// Per participant, its agenda's breaks and idle slots, and whether it has meetings.
    let shapes: Buffer<AgendaShape>
    let counted: Buffer<Bool>
    /// How many participants with meetings have each number of breaks.
    let histogram: Buffer<Int>
    var totalBreaks = 0
    var totalIdle = 0

    // Scratch space for one move.
    let members: Buffer<Int>
    var memberCount = 0
    /// How many more of ``members`` go into the target slot than leave it, as the last
    /// ``fits(_:_:)`` counted (its second slot is the target).
    private(set) var chainIntoTarget = 0
    let people: Buffer<Int>
    var peopleCount = 0
    let oldShapes: Buffer<AgendaShape>
    private let seen: Buffer<UInt32>
    private let met: Buffer<UInt32>
    let shift: Buffer<Int>
    private var epoch: UInt32 = 0
    private var peopleEpoch: UInt32 = 0
    /// The most meetings one move may involve.
    let memberLimit: Int

    init(_ timetable: Timetable, unplaced: [PairKey] = [], memberLimit: Int = 96) {
        let model = timetable.model
        self.model = model
        slotCount = max(model.event.slots, 1)
        stride = slotCount + 1
        words = model.words
        tables = model.event.tables
        let placed = timetable.placements.sorted { $0.key < $1.key }
        keys = placed.map(\.key) + unplaced
        meetingCount = keys.count
        participantCount = model.participants.count
        a = Buffer(keys.map(\.a))
        b = Buffer(keys.map(\.b))
        slot = Buffer(placed.map(\.value.slot) + unplaced.map { _ in 0 })
        movable = Buffer(placed.map { !$0.value.fixed } + unplaced.map { _ in true })
        let allowed = placed.map { $0.value.fixed ? [$0.value.slot] : model.commonSlots($0.key) } + unplaced.map(model.commonSlots)
        var starts = [0]
        for slots in allowed { starts.append(starts.last! + slots.count) }
        allowedStart = Buffer(starts)
        allowedList = Buffer(allowed.flatMap { $0 })
        allowedBits = Buffer(repeating: 0, count: keys.count * model.words)
        for (m, slots) in allowed.enumerated() {
            for s in slots { allowedBits[m * model.words + s / 64] |= 1 << UInt64(s % 64) }
        }
        var lists = Array(repeating: [Int](), count: model.participants.count)
        for (m, key) in keys.enumerated() {
            lists[key.a].append(m)
            lists[key.b].append(m)
        }
        var meetingStarts = [0]
        for list in lists { meetingStarts.append(meetingStarts.last! + list.count) }
        meetingStart = Buffer(meetingStarts)
        meetingList = Buffer(lists.flatMap { $0 })
        reps = Buffer(model.participants.map(\.reps))
        count = Buffer(repeating: 0, count: model.participants.count * (slotCount + 1))
        meetingAt = Buffer(repeating: -1, count: model.participants.count * (slotCount + 1))
        busy = Buffer(repeating: 0, count: model.participants.count * model.words)
        available = Buffer(model.availability)
        load = Buffer(repeating: 0, count: slotCount + 1)
        var initialLoad = [Int](repeating: 0, count: slotCount + 1)
        for placement in placed { initialLoad[placement.value.slot] += 1 }
        slotCapacity = max(model.event.tables, initialLoad.max() ?? 0, 1)
        inSlot = Buffer(repeating: -1, count: (slotCount + 1) * slotCapacity)
        position = Buffer(repeating: -1, count: keys.count)
        dayCount = model.days.count
        dayMasks = Buffer(repeating: 0, count: model.days.count * model.words)
        for (day, range) in model.days.enumerated() {
            for s in range where s <= model.event.slots { dayMasks[day * model.words + s / 64] |= 1 << UInt64(s % 64) }
        }
        shapes = Buffer(repeating: AgendaShape(), count: model.participants.count)
        counted = Buffer(repeating: false, count: model.participants.count)
        histogram = Buffer(repeating: 0, count: slotCount + 2)
        self.memberLimit = memberLimit
        members = Buffer(repeating: 0, count: memberLimit + 2)
        people = Buffer(repeating: 0, count: 2 * memberLimit + 4)
        oldShapes = Buffer(repeating: AgendaShape(), count: 2 * memberLimit + 4)
        seen = Buffer(repeating: 0, count: keys.count)
        met = Buffer(repeating: 0, count: model.participants.count)
        shift = Buffer(repeating: 0, count: model.participants.count)
        for m in 0..<keys.count where slot[m] > 0 { occupy(m, slot[m]) }
        for p in 0..<model.participants.count where meetingStart[p + 1] > meetingStart[p] {
            let shape = measure(p)
            shapes[p] = shape
            counted[p] = hasMeetings(p)
            if counted[p] { histogram[shape.breaks] += 1 }
            totalBreaks += shape.breaks
            totalIdle += shape.idle
        }
    }

    func free() {
        for buffer in [a, b, slot, meetingAt, allowedStart, allowedList, meetingStart, meetingList, reps, load, inSlot, position, histogram, members,
                       people, shift] { buffer.free() }
        movable.free(); counted.free(); allowedBits.free(); busy.free(); available.free(); dayMasks.free(); count.free()
        shapes.free(); oldShapes.free(); seen.free(); met.free()
    }

    /// Writes the slots back into the timetable (tables are assigned afterwards); meetings left
    /// unplaced are removed from it.
    func apply(to timetable: inout Timetable) {
        for m in 0..<meetingCount where movable[m] && timetable.placements[keys[m]]?.slot != slot[m] {
            timetable.remove(keys[m])
            if slot[m] > 0 { timetable.place(keys[m], in: slot[m]) }
        }
    }

    /// The slots of every meeting, to restore later.
    var slots: [Int] { slot.array }

    // MARK: - Bookkeeping

    @inline(__always) func partner(_ m: Int, of p: Int) -> Int { a[m] == p ? b[m] : a[m] }

    func hasMeetings(_ p: Int) -> Bool {
        for w in 0..<words where busy[p * words + w] != 0 { return true }
        return false
    }

    @inline(__always) func isAllowed(_ m: Int, _ s: Int) -> Bool {
        allowedBits[m * words + s / 64] & (1 << UInt64(s % 64)) != 0
    }

    @inline(__always) func isFree(_ p: Int, _ s: Int) -> Bool { Int(count[p * stride + s]) < reps[p] }

    /// p's meeting in slot s, if any (one of them when p has several representatives).
    func meeting(of p: Int, in s: Int) -> Int? {
        if reps[p] == 1 { return count[p * stride + s] == 1 ? meetingAt[p * stride + s] : nil }
        for i in meetingStart[p]..<meetingStart[p + 1] where slot[meetingList[i]] == s { return meetingList[i] }
        return nil
    }

    func occupy(_ m: Int, _ s: Int) {
        join(a[m], s)
        join(b[m], s)
        meetingAt[a[m] * stride + s] = m
        meetingAt[b[m] * stride + s] = m
        position[m] = load[s]
        inSlot[s * slotCapacity + load[s]] = m
        load[s] += 1
    }

    func vacate(_ m: Int, _ s: Int) {
        leave(a[m], s)
        leave(b[m], s)
        load[s] -= 1
        let at = position[m], last = inSlot[s * slotCapacity + load[s]]
        inSlot[s * slotCapacity + at] = last
        position[last] = at
        position[m] = -1
    }

    @inline(__always) private func join(_ p: Int, _ s: Int) {
        count[p * stride + s] += 1
        busy[p * words + s / 64] |= 1 << UInt64(s % 64)
    }

    @inline(__always) private func leave(_ p: Int, _ s: Int) {
        count[p * stride + s] -= 1
        if count[p * stride + s] == 0 { busy[p * words + s / 64] &= ~(1 << UInt64(s % 64)) }
    }

    /// Participant p's breaks and idle slots as its meetings stand.
    func measure(_ p: Int) -> AgendaShape {
        measure(p, busy: { w in busy[p * words + w] })
    }

    /// p's breaks and idle slots with its busy bits given word by word: per day, the runs of
    /// busy slots less one, and the available free slots between its first and last meeting.
    @inline(__always) func measure(_ p: Int, busy bitsOf: (Int) -> UInt64) -> AgendaShape {
        var shape = AgendaShape()
        for day in 0..<dayCount {
            var runs = 0, busyCount = 0, availableCount = 0, first = -1, last = -1
            var carry: UInt64 = 0
            for w in 0..<words {
                let bits = bitsOf(w) & dayMasks[day * words + w]
                // A run starts where a busy slot follows a free one.
                runs += (bits & ~((bits << 1) | carry)).nonzeroBitCount
                carry = bits >> 63
                if bits != 0 {
                    if first < 0 { first = w * 64 + bits.trailingZeroBitCount }
                    last = w * 64 + 63 - bits.leadingZeroBitCount
                }
            }
            guard runs > 1 else { continue }
            for w in first / 64...last / 64 {
                var span = ~UInt64(0)
                if w == first / 64 { span &= ~0 << UInt64(first % 64) }
                if w == last / 64, last % 64 < 63 { span &= (1 << UInt64(last % 64 + 1)) - 1 }
                busyCount += (bitsOf(w) & span).nonzeroBitCount
                availableCount += (available[p * words + w] & span).nonzeroBitCount
            }
            shape.breaks += runs - 1
            shape.idle += availableCount - busyCount
        }
        return shape
    }

    /// p's shape were its meeting in slot `from` in slot `to` instead (either may be 0: none).
    func measure(_ p: Int, from: Int, to: Int) -> AgendaShape {
        let leaves = from > 0 && count[p * stride + from] == 1
        return measure(p, busy: { w in
            var bits = busy[p * words + w]
            if leaves && from / 64 == w { bits &= ~(1 << UInt64(from % 64)) }
            if to > 0 && to / 64 == w { bits |= 1 << UInt64(to % 64) }
            return bits
        })
    }

    /// r's shape once the chain in ``members`` has moved between slots s and t, with a meeting
    /// added in slot `extra` (0: none); r must be one of the chain's ``people``, whose shifts
    /// ``fits(_:_:)`` has just counted.
    func measureAfterChain(_ r: Int, _ s: Int, _ t: Int, adding extra: Int = 0) -> AgendaShape {
        let busyInS = Int(count[r * stride + s]) - shift[r] > 0, busyInT = Int(count[r * stride + t]) + shift[r] > 0
        return measure(r, busy: { w in
            var bits = busy[r * words + w]
            if s / 64 == w { bits = busyInS ? bits | 1 << UInt64(s % 64) : bits & ~(1 << UInt64(s % 64)) }
            if t / 64 == w { bits = busyInT ? bits | 1 << UInt64(t % 64) : bits & ~(1 << UInt64(t % 64)) }
            if extra > 0 && extra / 64 == w { bits |= 1 << UInt64(extra % 64) }
            return bits
        })
    }

    /// How many breaks the participants with fewest would need for every count to be within the
    /// fairness of the highest: where availability forces someone to many breaks, the spread
    /// closes only by raising the others, one at a time, and this counts each step.
    var shortfall: Int {
        var high = 0
        for breaks in 0..<(slotCount + 2) where histogram[breaks] > 0 { high = breaks }
        let floor = high - model.fairness
        guard floor > 0 else { return 0 }
        return (0..<floor).reduce(0) { $0 + histogram[$1] * (floor - $1) }
    }

    /// How far the break counts' spread exceeds the fairness asked for.
    var unfairness: Int {
        var low = -1, high = 0
        for breaks in 0..<(slotCount + 2) where histogram[breaks] > 0 {
            if low < 0 { low = breaks }
            high = breaks
        }
        return low < 0 ? 0 : max(0, high - low - model.fairness)
    }

    // MARK: - Kempe chains

    private mutating func nextEpoch() -> UInt32 {
        epoch &+= 1
        if epoch == 0 {
            for i in 0..<meetingCount { seen[i] = 0 }
            epoch = 1
        }
        return epoch
    }

    private mutating func nextPeopleEpoch() -> UInt32 {
        peopleEpoch &+= 1
        if peopleEpoch == 0 {
            for i in 0..<participantCount { met[i] = 0 }
            peopleEpoch = 1
        }
        return peopleEpoch
    }

    /// Sets the members of a move to exactly `list`.
    mutating func setMembers(_ list: [Int]) {
        _ = nextEpoch()
        memberCount = 0
        for m in list {
            members[memberCount] = m
            seen[m] = epoch
            memberCount += 1
        }
    }

    /// Fills ``members`` with the meetings that must move with `m` when it moves from its slot
    /// to `target`; false when one of them is fixed, cannot meet in its new slot, or the move
    /// grows past ``memberLimit``. With `extend`, adds to the members already there instead of
    /// starting afresh.
    mutating func chain(from m: Int, to target: Int, extend: Bool = false) -> Bool {
        let origin = slot[m]
        if !extend {
            _ = nextEpoch()
            memberCount = 0
        } else if seen[m] == epoch {
            return false
        }
        var next = memberCount
        members[memberCount] = m
        memberCount += 1
        seen[m] = epoch
        while next < memberCount {
            let current = members[next]
            next += 1
            let destination = slot[current] == origin ? target : origin
            guard movable[current], isAllowed(current, destination) else { return false }
            for side in 0..<2 {
                let p = side == 0 ? a[current] : b[current]
                // Only a participant with no free representative in the destination drags its
                // meetings there along.
                guard !isFree(p, destination) else { continue }
                if reps[p] == 1, let other = meeting(of: p, in: destination) {
                    // Its one meeting there is the only one not already along (current is
                    // its one meeting in the other slot).
                    guard seen[other] != epoch else { continue }
                    guard memberCount < memberLimit else { return false }
                    seen[other] = epoch
                    members[memberCount] = other
                    memberCount += 1
                    continue
                }
                for i in meetingStart[p]..<meetingStart[p + 1] {
                    let other = meetingList[i]
                    guard seen[other] != epoch, slot[other] == origin || slot[other] == target else { continue }
                    guard memberCount < memberLimit else { return false }
                    seen[other] = epoch
                    members[memberCount] = other
                    memberCount += 1
                }
            }
        }
        return true
    }

    /// Whether moving ``members`` (each between slots s and t) keeps every slot within its
    /// tables and every participant within its representatives. Fills ``people``.
    mutating func fits(_ s: Int, _ t: Int) -> Bool {
        let stamp = nextPeopleEpoch()
        peopleCount = 0
        var intoT = 0
        for i in 0..<memberCount {
            let m = members[i]
            let toT = slot[m] == s ? 1 : -1
            intoT += toT
            for side in 0..<2 {
                let p = side == 0 ? a[m] : b[m]
                if met[p] != stamp {
                    met[p] = stamp
                    shift[p] = 0
                    people[peopleCount] = p
                    peopleCount += 1
                }
                shift[p] += toT
            }
        }
        chainIntoTarget = intoT
        guard load[t] + intoT <= tables, load[s] - intoT <= tables else { return false }
        for i in 0..<peopleCount {
            let p = people[i], moved = shift[p]
            if moved > 0, Int(count[p * stride + t]) + moved > reps[p] { return false }
            if moved < 0, Int(count[p * stride + s]) - moved > reps[p] { return false }
        }
        return true
    }

    /// Moves ``members`` between slots s and t.
    func swapMembers(_ s: Int, _ t: Int) {
        for i in 0..<memberCount { vacate(members[i], slot[members[i]]) }
        for i in 0..<memberCount {
            let m = members[i]
            slot[m] = slot[m] == s ? t : s
            occupy(m, slot[m])
        }
    }

    /// Collects the participants of ``members`` into ``people``.
    mutating func collectPeople() {
        let stamp = nextPeopleEpoch()
        peopleCount = 0
        for i in 0..<memberCount {
            for side in 0..<2 {
                let p = side == 0 ? a[members[i]] : b[members[i]]
                guard met[p] != stamp else { continue }
                met[p] = stamp
                people[peopleCount] = p
                peopleCount += 1
            }
        }
    }

    /// Re-measures ``people`` and updates the totals, keeping their old shapes in ``oldShapes``.
    mutating func remeasure() {
        for i in 0..<peopleCount {
            let p = people[i]
            oldShapes[i] = shapes[p]
            setShape(p, measure(p))
        }
    }

    /// Puts back the shapes saved by ``remeasure()``.
    mutating func restoreShapes() {
        for i in 0..<peopleCount { setShape(people[i], oldShapes[i]) }
    }

    mutating func setShape(_ p: Int, _ shape: AgendaShape) {
        if counted[p] { histogram[shapes[p].breaks] -= 1 }
        totalBreaks += shape.breaks - shapes[p].breaks
        totalIdle += shape.idle - shapes[p].idle
        shapes[p] = shape
        counted[p] = hasMeetings(p)
        if counted[p] { histogram[shape.breaks] += 1 }
    }

    /// Puts every meeting in the slot `slots` gives it, re-measuring everyone touched.
    mutating func restore(to slots: [Int]) {
        var touched = Set<Int>()
        let changed = (0..<meetingCount).filter { slot[$0] != slots[$0] }
        // Every meeting leaves before any arrives, so no slot is ever over its tables.
        for m in changed where slot[m] > 0 { vacate(m, slot[m]) }
        for m in changed {
            slot[m] = slots[m]
            if slots[m] > 0 { occupy(m, slots[m]) }
            touched.insert(a[m])
            touched.insert(b[m])
        }
        for p in touched { setShape(p, measure(p)) }
    }
}
