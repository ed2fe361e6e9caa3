import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// Re-timing a participant's whole agenda over several days, against brute force.
@Suite("Re-timing a whole agenda across days reaches the fewest breaks availability allows")
struct AgendaRetimingTests {
    /// A delegate D1 available in `available` slots of `days` days of `perDay` slots, meeting
    /// `count` hosts that are free everywhere but in `hostBusy` (host number → slot, where each
    /// such host meets D2), available where `hostSlots` says (host number → slots; default: every
    /// slot); D1's meetings start in the first of its available slots.
    static func search(days: Int, perDay: Int, available: [Int], count: Int, hostBusy: [Int: Int] = [:],
                       hostSlots: [Int: [Int]] = [:]) throws
        -> (search: SlotSearch, d1: Int, keys: [EventModel.PairKey]) {
        let slots = days * perDay
        let hosts = (1...count).map { Fixture.host("H\($0)", max: 2, slots: hostSlots[$0] ?? Array(1...slots)) }
        let participants = [Fixture.delegate("D1", max: count, slots: available),
                            Fixture.delegate("D2", max: count, slots: Array(1...slots))] + hosts
        let event = EventSpec(id: "agenda", name: "Agenda", city: "Oakland", country: "US",
                              days: (0..<days).map { EventDay(date: "2025-12-0\(5 + $0)", start: "09:00", slots: perDay) },
                              slotMinutes: 20, tables: 2 * count, timeZone: "America/Los_Angeles")
        let model = try EventModel(SchedulingInput(event: event, participants: participants, scores: PairScores(pairs: [])))
        var timetable = Timetable(model: model)
        let d1 = try #require(model.index["D1"]), d2 = try #require(model.index["D2"])
        var keys: [EventModel.PairKey] = []
        for (i, slot) in available.prefix(count).enumerated() {
            let h = try #require(model.index["H\(i + 1)"])
            keys.append(EventModel.PairKey(a: d1, b: h))
            timetable.place(keys[i], in: slot)
        }
        for (number, slot) in hostBusy {
            timetable.place(EventModel.PairKey(a: d2, b: try #require(model.index["H\(number)"])), in: slot)
        }
        return (SlotSearch(timetable), d1, keys)
    }

    /// D1's agendas: one where the longest stretches are both on day one (slots 1–3 and 5–7 of
    /// 7) and five meetings fit without a break only by taking day two's 8–9 as well, then 400
    /// random ones.
    static let agendas: [(days: Int, perDay: Int, available: [Int], count: Int)] = {
        var agendas = [(2, 7, [1, 2, 3, 5, 6, 7, 8, 9], 5)]
        var random = SeededGenerator(seed: 5, stream: 21, index: 0)
        while agendas.count < 401 {
            let days = 2 + random.below(2), perDay = 4 + random.below(6)
            let available = (1...(days * perDay)).filter { _ in random.chance(0.6) }
            guard available.count >= 3 else { continue }
            agendas.append((days, perDay, available, 2 + random.below(available.count - 1)))
        }
        return agendas
    }()

    @Test("every meeting moved to a slot it may take, and D1's breaks down to the fewest its availability allows (brute force), on agendas of two or three days")
    func reachesTheFloor() throws {
        var carried = 0
        for (seed, (days, perDay, available, count)) in Self.agendas.enumerated() {
            var random = SeededGenerator(seed: UInt64(seed), stream: 22, index: 0)
            var (search, d1, _) = try Self.search(days: days, perDay: perDay, available: available, count: count)
            defer { search.free() }
            let before = Set((0..<search.meetingCount).map { search.model.dayOfSlot[search.slot[$0]] })
            let slots = try #require(search.agendaRetiming(d1, breakWeight: Compaction.breakWeight, random: &random), "seed \(seed)")
            let moved = (0..<search.memberCount).map { search.members[$0] }
            #expect(Set(moved).count == count && Set(slots).count == count, "seed \(seed): one meeting per slot")
            for (m, slot) in zip(moved, slots) { #expect(search.isAllowed(m, slot), "seed \(seed): slot \(slot)") }
            search.reassign(slots)
            let fewest = try #require(BreakFloorTests.bruteFewest(available: available, count: count) { ($0 - 1) / perDay })
            #expect(search.measure(d1).breaks == fewest, "seed \(seed): \(available), \(count) meetings")
            if Set(slots.map { search.model.dayOfSlot[$0] }) != before { carried += 1 }
        }
        #expect(carried > 20, "meetings were carried between days")
    }

    @Test("a partner busy in a slot never gets its meeting there; when no partner can come where the fewest breaks are, nothing is re-timed")
    func partnersStayFree() throws {
        // D1 is free in slots 1–3 of day one and 5–8 of day two (of 4 slots a day) and meets
        // three hosts in slots 1–3; three meetings on day two need slot 7, the only slot of
        // day two H1 is available in. Free, H1 goes there; meeting D2 there, nowhere.
        var random = SeededGenerator(seed: 3, stream: 0, index: 0)
        for busy in [false, true] {
            var (search, d1, keys) = try Self.search(days: 2, perDay: 4, available: [1, 2, 3, 5, 6, 7, 8], count: 3,
                                                     hostBusy: busy ? [1: 7] : [:], hostSlots: [1: [1, 7]])
            defer { search.free() }
            for _ in 0..<20 {
                let slots = search.agendaRetiming(d1, breakWeight: Compaction.breakWeight, random: &random)
                if busy {
                    #expect(slots == nil)
                } else {
                    let moved = (0..<search.memberCount).map { search.keys[search.members[$0]] }
                    #expect(slots?[try #require(moved.firstIndex(of: keys[0]))] == 7)
                }
            }
        }
        // D1 meets twice on day one, in slots 1 and 3 (a break); without a break it needs a day-two
        // slot, where neither host is available: nothing fits.
        var (stuck, d1Stuck, _) = try Self.search(days: 2, perDay: 4, available: [1, 3, 5, 7], count: 2,
                                                  hostSlots: [1: [1, 2, 3, 4], 2: [1, 2, 3, 4]])
        defer { stuck.free() }
        #expect(stuck.agendaRetiming(d1Stuck, breakWeight: Compaction.breakWeight, random: &random) == nil)
    }
}
