extension Scheduler {
    /// Musts (and, when only requests are scheduled, every request) that did not fit get a search
    /// of their own (see ``PlacementSearch``), which may move or take out other meetings; then the
    /// room left is filled again. A party of a must that is already at its maximum first gives up
    /// its least valuable meeting that is neither a must nor fixed, so that the meetings a
    /// schedule is filled with never keep a must out. The result is kept only if it is better by
    /// the scheduler's priorities (see ``Quality``): more musts placed, then more participants at
    /// their minimum, then a higher total score.
    static func placeWaitingRequests(in timetable: inout Timetable) {
        let model = timetable.model
        let stuck = model.requests.keys.filter { key in
            timetable.placements[key] == nil && (model.isMust(key) || model.onlyRequests) && model.commonSlotCount(key, from: 1) > 0
                && !model.blocked.contains(key)
        }.sorted()
        guard !stuck.isEmpty else { return }
        let before = timetable
        var waiting: [PairKey] = []
        for key in stuck {
            if model.isMust(key) {
                for p in [key.a, key.b] where !timetable.hasRoom(p) {
                    let yielding = timetable.meetingsOf[p].filter { !model.isMust($0) && timetable.placements[$0]?.fixed == false }
                    if let least = yielding.min(by: { (model.value($0), $0) < (model.value($1), $1) }) { timetable.remove(least) }
                }
            }
            if timetable.hasRoom(key.a) && timetable.hasRoom(key.b) { waiting.append(key) }
        }
        guard !waiting.isEmpty else {
            timetable = before
            return
        }
        _ = PlacementSearch.place(waiting, in: &timetable)
        SlotAssignment.fill(PairSelection.candidates(model, timetable), in: &timetable)
        if Quality(timetable) < Quality(before) { timetable = before }
    }
}
