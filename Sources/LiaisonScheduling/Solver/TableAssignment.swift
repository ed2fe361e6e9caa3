/// Gives every meeting a table, keeping hosts at one table where the tables allow: visitors
/// move, hosts stay.
///
/// Hosts with the most meetings first each get a *home* table no other home host uses in any of
/// their slots (a greedy colouring of the hosts whose slots overlap). Tables fixed by hand are
/// kept. A host without a home sits where a table is free, preferring the one it used last. An
/// open event has no hosts: each meeting sits where either party sat last, when that is free.
enum TableAssignment {
    typealias PairKey = EventModel.PairKey

    static func assign(_ timetable: inout Timetable) {
        let model = timetable.model
        let tables = model.event.tables
        // taken[slot][table]
        var taken = Array(repeating: Array(repeating: false, count: tables + 1), count: model.event.slots + 1)
        for (_, placement) in timetable.placements {
            if let table = placement.table { taken[placement.slot][table] = true }
        }
        let hosts = model.pairing == .open ? [] : model.hosts.filter { timetable.meetingCount($0) > 0 }
            .sorted { (timetable.meetingCount($0), model.company($1)) > (timetable.meetingCount($1), model.company($0)) }
        for host in hosts {
            // One meeting per slot sits at the home table; a second representative's meeting in
            // the same slot gets another table below.
            var firstInSlot: [Int: PairKey] = [:]
            for key in timetable.meetingsOf[host].sorted() where timetable.placements[key]!.table == nil {
                let slot = timetable.placements[key]!.slot
                if firstInSlot[slot] == nil { firstInSlot[slot] = key }
            }
            let slots = firstInSlot.keys.sorted()
            guard !slots.isEmpty, let table = (1...tables).first(where: { t in slots.allSatisfy { !taken[$0][t] } }) else { continue }
            for slot in slots {
                taken[slot][table] = true
                timetable.setTable(firstInSlot[slot]!, table)
            }
        }
        var lastTable: [Int: Int] = [:]
        let ordered = timetable.placements.sorted { ($0.value.slot, $0.key) < ($1.value.slot, $1.key) }
        for (key, placement) in ordered {
            if let table = placement.table {
                lastTable[key.b] = table
                continue
            }
            let slot = placement.slot
            let preferred = lastTable[key.b].flatMap { taken[slot][$0] ? nil : $0 }
            guard let table = preferred ?? (1...tables).first(where: { !taken[slot][$0] }) else {
                preconditionFailure("slot \(slot) holds no more meetings than tables")
            }
            taken[slot][table] = true
            lastTable[key.b] = table
            timetable.setTable(key, table)
        }
    }

    /// How many times hosts change tables between consecutive meetings (none in an open event).
    static func hostTableChanges(_ timetable: Timetable) -> Int {
        guard timetable.model.pairing == .sides else { return 0 }
        return timetable.model.hosts.reduce(0) { total, host in
            let tables = timetable.meetingsOf[host].map { timetable.placements[$0]! }
                .sorted { ($0.slot, $0.table ?? 0) < ($1.slot, $1.table ?? 0) }.compactMap(\.table)
            return total + zip(tables, tables.dropFirst()).filter { $0 != $1 }.count
        }
    }
}
