/// Re-fills one, two or three slots at a time exactly: every meeting there that is not fixed or a must
/// is taken out, and the best set of meetings those slots can then hold (pairs with room,
/// candidates of the event) is found by a depth-first search with a bound. The change is kept
/// when the whole timetable improves (musts, then participants at the minimum, then score).
///
/// The one-meeting exchanges of ``SlotAssignment/improve(_:in:)`` cannot trade two meetings for
/// two better ones; this can, wherever the slots are small enough to search exhaustively —
/// the tight events (one table, a few slots) where such trades decide the day.
enum SlotExchange {
    typealias PairKey = EventModel.PairKey

    /// Table places one search may fill, and options (pair × slot) it may weigh.
    static let placeLimit = 9
    static let optionLimit = 60
    /// Slots re-filled together at most.
    static let slotsAtOnce = 3
    /// Searches at most, in nodes, per call.
    static let nodeBudget = 20_000

    /// Improves `timetable` set of slots by set of slots (up to ``slotsAtOnce``, in order);
    /// returns whether anything changed.
    @discardableResult
    static func improve(_ candidates: [PairKey], in timetable: inout Timetable) -> Bool {
        let model = timetable.model
        var nodes = 0
        var changed = false
        let slots = Array(model.slots)
        func visit(_ chosen: [Int], from next: Int) {
            if !chosen.isEmpty, nodes < nodeBudget, refill(Set(chosen), candidates, in: &timetable, nodes: &nodes) { changed = true }
            guard chosen.count < slotsAtOnce else { return }
            for i in next..<slots.count where nodes < nodeBudget {
                // A set whose places already exceed the limit only grows.
                let places = (chosen + [slots[i]]).reduce(0) { $0 + model.event.tables - timetable.tablesUsed[$1] + movable(in: $1, timetable) }
                guard places <= placeLimit else { continue }
                visit(chosen + [slots[i]], from: i + 1)
            }
        }
        visit([], from: 0)
        return changed
    }

    private static func movable(in slot: Int, _ timetable: Timetable) -> Int {
        timetable.meetings(in: slot).filter { !timetable.placements[$0]!.fixed && !timetable.model.isMust($0) }.count
    }

    private static func refill(_ slots: Set<Int>, _ candidates: [PairKey], in timetable: inout Timetable, nodes: inout Int) -> Bool {
        let model = timetable.model
        let removable = slots.flatMap { timetable.meetings(in: $0) }.filter { !timetable.placements[$0]!.fixed && !model.isMust($0) }.sorted()
        let places = slots.reduce(0) { $0 + model.event.tables - timetable.tablesUsed[$1] } + removable.count
        guard places > 0, places <= placeLimit else { return false }
        var trial = timetable
        for key in removable { trial.remove(key) }
        var options: [(key: PairKey, slot: Int, value: Double)] = []
        for key in candidates where trial.placements[key] == nil && trial.hasRoom(key.a) && trial.hasRoom(key.b) {
            for slot in slots.sorted() where trial.canPlace(key, in: slot) && model.value(key) > 0 {
                options.append((key, slot, model.value(key)))
            }
        }
        guard options.count <= optionLimit else { return false }
        options.sort { ($1.value, $0.key, $0.slot) < ($0.value, $1.key, $1.slot) }
        // The best total of values any set of options can add, as a bound: the top `places`.
        var best = removable.reduce(0.0) { $0 + model.value($1) } + 1e-9
        var bestChoice: [Int]?
        var chosen: [Int] = []
        func search(_ next: Int, _ total: Double, _ left: Int) {
            nodes += 1
            if total > best {
                best = total
                bestChoice = chosen
            }
            guard left > 0, next < options.count, nodes < nodeBudget else { return }
            let bound = options[next..<min(options.count, next + left)].reduce(total) { $0 + $1.value }
            guard bound > best else { return }
            for i in next..<options.count {
                let option = options[i]
                guard trial.canPlace(option.key, in: option.slot), trial.hasRoom(option.key.a), trial.hasRoom(option.key.b) else { continue }
                trial.place(option.key, in: option.slot)
                chosen.append(i)
                search(i + 1, total + option.value, left - 1)
                chosen.removeLast()
                trial.remove(option.key)
                if nodes >= nodeBudget { return }
            }
        }
        search(0, 0, places)
        guard let choice = bestChoice else { return false }
        for i in choice { trial.place(options[i].key, in: options[i].slot) }
        guard Scheduler.Quality(trial) > Scheduler.Quality(timetable) else { return false }
        timetable = trial
        return true
    }
}
