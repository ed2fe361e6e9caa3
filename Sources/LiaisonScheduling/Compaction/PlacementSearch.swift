import LiaisonCore

/// Finds slots for meetings that did not fit, by a tabu search over partial timetables (as
/// PartialCol does for graph colouring): a move puts an unplaced meeting in one of its slots
/// and takes out what stands in the way — a meeting of either party in that slot when it has
/// no free representative, one meeting of the slot when its tables are full — which then waits
/// its turn. The cheapest move that is not tabu is made (a meeting just taken out of a slot may
/// not return to it for a while), weighing a must-meet request far above any other meeting.
/// Locks and kept meetings never move. Seeded and counted in moves, so it repeats exactly.
enum PlacementSearch {
    typealias PairKey = EventModel.PairKey

    /// Weight of an unplaced must against any other unplaced meeting.
    static let mustWeight = 1_000
    /// Moves tried per meeting in the search, within the bounds below.
    static let movesPerMeeting = 400
    static let fewestMoves = 20_000
    static let mostMoves = 2_000_000

    /// Places as many of `pending` as it can, moving or taking out other meetings that are not
    /// fixed; musts come first. It stops early once no more than `unplaceableMusts` musts are
    /// left out and nothing else: that many cannot be placed. Returns the meetings (pending or
    /// taken out) left unplaced.
    static func place(_ pending: [PairKey], in timetable: inout Timetable, unplaceableMusts: Int = 0) -> [PairKey] {
        guard !pending.isEmpty else { return [] }
        let model = timetable.model
        var search = SlotSearch(timetable, unplaced: pending)
        defer { search.free() }
        let weight = (0..<search.meetingCount).map { model.isMust(search.keys[$0]) ? mustWeight : 1 }
        var unplaced = Set((0..<search.meetingCount).filter { search.slot[$0] == 0 })
        var missing = unplaced.reduce(0) { $0 + weight[$1] }
        var best = (missing: missing, slots: search.slots)
        var tabu = [Int](repeating: 0, count: search.meetingCount * search.stride)
        var random = SeededGenerator(seed: model.seed, stream: 0x91_ACE, index: 0)
        let moves = min(mostMoves, max(fewestMoves, movesPerMeeting * search.meetingCount))
        var iteration = 0
        while iteration < moves && best.missing > unplaceableMusts * mustWeight {
            iteration += 1
            var chosen: (meeting: Int, slot: Int, out: [Int], cost: Int)?
            var ties = 0
            for u in unplaced.sorted() {
                for i in search.allowedStart[u]..<search.allowedStart[u + 1] {
                    let s = search.allowedList[i]
                    guard let out = obstacles(u, s, search, weight: weight, random: &random) else { continue }
                    let cost = out.reduce(0) { $0 + weight[$1] } - weight[u]
                    let allowed = tabu[u * search.stride + s] <= iteration || missing + cost < best.missing
                    guard allowed else { continue }
                    if chosen == nil || cost < chosen!.cost {
                        chosen = (u, s, out, cost)
                        ties = 1
                    } else if cost == chosen!.cost {
                        ties += 1
                        if random.below(ties) == 0 { chosen = (u, s, out, cost) }
                    }
                }
            }
            guard let move = chosen else { break }
            for m in move.out {
                search.vacate(m, search.slot[m])
                search.slot[m] = 0
                unplaced.insert(m)
                tabu[m * search.stride + move.slot] = iteration + 7 + random.below(10) + unplaced.count
            }
            search.slot[move.meeting] = move.slot
            search.occupy(move.meeting, move.slot)
            unplaced.remove(move.meeting)
            missing += move.cost
            if missing < best.missing { best = (missing, search.slots) }
        }
        search.restore(to: best.slots)
        search.apply(to: &timetable)
        return (0..<search.meetingCount).filter { search.slot[$0] == 0 }.map { search.keys[$0] }
    }

    /// What must leave slot s for meeting u to take it: for each party without a free
    /// representative there, its lightest movable meeting in s; then, if the slot's tables are
    /// still full, its lightest other movable meeting. Nil when a fixed meeting stands in the way.
    static func obstacles(_ u: Int, _ s: Int, _ search: SlotSearch, weight: [Int], random: inout SeededGenerator) -> [Int]? {
        var out: [Int] = []
        for side in 0..<2 {
            let p = side == 0 ? search.a[u] : search.b[u]
            guard !search.isFree(p, s) else { continue }
            var lightest: Int?
            for i in search.meetingStart[p]..<search.meetingStart[p + 1] {
                let m = search.meetingList[i]
                guard search.slot[m] == s, search.movable[m], !out.contains(m) else { continue }
                if lightest == nil || weight[m] < weight[lightest!] { lightest = m }
            }
            guard let lightest else { return nil }
            out.append(lightest)
        }
        if search.load[s] - out.count >= search.tables {
            var lightest: Int?
            let first = random.below(max(search.load[s], 1))
            for offset in 0..<search.load[s] {
                let m = search.inSlot[s * search.slotCapacity + (first + offset) % search.load[s]]
                guard search.movable[m], !out.contains(m) else { continue }
                if lightest == nil || weight[m] < weight[lightest!] { lightest = m }
            }
            guard let lightest else { return nil }
            out.append(lightest)
        }
        return out
    }
}
