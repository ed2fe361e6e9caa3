extension Scheduler {
    /// Musts (and, when only requests are scheduled, every request) that did not fit get a search
    /// of their own (see ``PlacementSearch``), which may move or take out other meetings; then the
    /// room left is filled again. A party of a must that is already at its maximum first gives up
    /// its least valuable meeting that is neither a must nor fixed, so that the meetings a
    /// schedule is filled with never keep a must out; when no more musts are placed for it, the
    /// meetings given up come back (the timetable is as before the search). `room` gives the room
    /// the fixed meetings leave the musts, asked for only when a request waits.
    static func placeWaitingRequests(in timetable: inout Timetable, room: () -> MustRoom) {
        let model = timetable.model
        let stuck = model.requests.keys.filter { key in
            timetable.placements[key] == nil && (model.isMust(key) || model.onlyRequests) && model.mayEverMeet(key)
        }.sorted()
        guard !stuck.isEmpty else { return }
        let before = timetable
        var waiting: [PairKey] = [], gaveWay = false
        for key in stuck {
            if model.isMust(key) {
                for p in [key.a, key.b] where !timetable.hasRoom(p) && timetable.giveWay(timetable.meetingsOf[p]) { gaveWay = true }
            }
            if timetable.hasRoom(key.a) && timetable.hasRoom(key.b) { waiting.append(key) }
        }
        guard !waiting.isEmpty else {
            timetable = before
            return
        }
        let musts = Quality(before).musts
        // As many musts as the free tables cannot hold stay out whatever the search does, those
        // it is not given (a party without room) first.
        let room = room()
        let notGiven = stuck.filter { model.isMust($0) && !waiting.contains($0) }.count
        _ = PlacementSearch.place(waiting, in: &timetable, unplaceableMusts: max(0, room.keys.count - room.mostByTables - notGiven))
        SlotAssignment.fill(PairSelection.candidates(model, timetable), in: &timetable)
        if gaveWay && Quality(timetable).musts <= musts { timetable = before }
    }
}

extension Timetable {
    /// Takes out the least valuable of `meetings` that is neither a must nor fixed, so that a must
    /// can take its place: whether there was one.
    mutating func giveWay(_ meetings: some Sequence<PairKey>) -> Bool {
        let yielding = meetings.filter { !model.isMust($0) && placements[$0]?.fixed == false }
        guard let least = yielding.min(by: { (model.value($0), $0) < (model.value($1), $1) }) else { return false }
        remove(least)
        return true
    }
}
