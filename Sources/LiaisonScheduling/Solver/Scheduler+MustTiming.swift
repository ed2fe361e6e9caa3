import Dispatch

extension Scheduler {
    /// The longest the exact timing of musts may take (see ``timeMusts(in:)``).
    static let mustTimingSeconds = 5.0

    /// When must-meet requests are still left out after the placement searches, times every must
    /// afresh around the fixed meetings, exactly (see ``MustFormula``): first as many as the free
    /// tables can hold (see ``MustRoom/mostByTables``), then one fewer left out than so far,
    /// and so on. A timing that holds more musts replaces the timetable's; other meetings give
    /// way to its musts and the room left is filled again. Returns whether no timing holds more
    /// musts than the timetable now does (false when the search ran out of time or the event is
    /// too large for it). `room` gives the room the fixed meetings leave the musts, asked for
    /// only when a must is left out.
    static func timeMusts(in timetable: inout Timetable, room: () -> MustRoom) -> Bool {
        let musts = timetable.model.placeableMusts()
        let leftOut = musts.filter { timetable.placements[$0] == nil }.count
        guard leftOut > 0 else { return true }
        let room = room()
        // No timing leaves fewer out than the free tables do.
        var floor = room.keys.count - room.mostByTables
        guard floor < leftOut, let formula = MustFormula(room, limit: leftOut) else { return floor >= leftOut }
        let deadline = DispatchTime.now() + .nanoseconds(Int(mustTimingSeconds * 1e9))
        var fewest = leftOut, timing: [PairKey: Int]?, first = true
        search: while floor < fewest {
            // At the floor first: when that many fit, one solve settles it.
            let bound = first ? floor : fewest - 1
            first = false
            switch formula.solve(leavingOut: bound, until: deadline) {
            case .satisfiable:
                let slots = formula.slots()
                timing = slots
                fewest = formula.keys.count - slots.count
            case .unsatisfiable:
                floor = bound + 1
            case .unknown:
                break search
            }
        }
        if let timing, fewest < leftOut { timetable = holding(timing, of: formula.keys, in: timetable) }
        // No timing leaves fewer than `floor` out.
        return floor >= musts.filter { timetable.placements[$0] == nil }.count
    }

    /// `timetable` with the musts of `keys` in the slots of `timing` (those without one left
    /// out), meetings that are neither musts nor fixed taken out where they stand in the way,
    /// then the room left filled again.
    private static func holding(_ timing: [PairKey: Int], of keys: [PairKey], in timetable: Timetable) -> Timetable {
        let model = timetable.model
        var trial = timetable
        for key in keys { trial.remove(key) }
        for (key, slot) in timing.sorted(by: { $0.key < $1.key }) {
            for p in [key.a, key.b] {
                while !trial.isFree(p, slot) && trial.giveWay(trial.meetings(of: p, in: slot)) {}
                while !trial.hasRoom(p) && trial.giveWay(trial.meetingsOf[p]) {}
            }
            while !trial.hasTable(slot) && trial.giveWay(trial.meetings(in: slot)) {}
            guard trial.canPlace(key, in: slot) && trial.hasRoom(key.a) && trial.hasRoom(key.b) else { return timetable }
            trial.place(key, in: slot)
        }
        SlotAssignment.fill(PairSelection.candidates(model, trial), in: &trial)
        return trial
    }
}
