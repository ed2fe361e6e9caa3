import LiaisonCore
import LiaisonScheduling
import Testing

/// The fewest breaks availability forces, against every way of choosing a participant's slots.
@Suite("Breaks forced by availability, against brute force")
struct BreakFloorTests {
    /// The fewest breaks of `count` meetings in `available` slots, one per slot, trying every
    /// choice: a break is a gap between two chosen slots of the same day.
    static func bruteFewest(available: [Int], count: Int, day: (Int) -> Int) -> Int? {
        guard count <= available.count else { return nil }
        var best: Int?
        func visit(_ i: Int, _ chosen: [Int]) {
            if chosen.count == count {
                let breaks = zip(chosen, chosen.dropFirst()).filter { $1 > $0 + 1 && day($0) == day($1) }.count
                best = min(best ?? breaks, breaks)
                return
            }
            guard i < available.count, available.count - i >= count - chosen.count else { return }
            visit(i + 1, chosen + [available[i]])
            visit(i + 1, chosen)
        }
        visit(0, [])
        return best
    }

    @Test("one participant with many meetings and random availability over one or two days: the forced spread is its fewest breaks")
    func forcedSpreadIsTheFewestBreaks() throws {
        var withBreaks = 0
        for seed in UInt64(1)...200 {
            var random = SeededGenerator(seed: seed, stream: 11, index: 0)
            let perDay = 4 + random.below(6), twoDays = random.chance(0.5)
            let slots = twoDays ? 2 * perDay : perDay
            let available = (1...slots).filter { _ in random.chance(0.7) }
            guard available.count >= 2 else { continue }
            let count = 2 + random.below(available.count - 1)
            let hosts = (1...count).map { Fixture.host("H\($0)", max: 1, slots: Array(1...slots)) }
            let delegate = Fixture.delegate("D1", max: count, slots: available)
            let days = (twoDays ? [0, 1] : [0]).map { EventDay(date: "2025-12-0\(5 + $0)", start: "09:00", slots: perDay) }
            let event = EventSpec(id: "floor", name: "Floor", city: "Oakland", country: "US", days: days, slotMinutes: 20,
                                  tables: count, timeZone: "America/Los_Angeles")
            let input = SchedulingInput(event: event, participants: [delegate] + hosts, scores: PairScores(pairs: []))
            let meetings = hosts.map { Meeting(delegate: "D1", host: $0.company, slot: 1, table: 1, score: 0) }
            let expected = try #require(Self.bruteFewest(available: available, count: count) { ($0 - 1) / perDay })
            #expect(try BreakFloor.forcedSpread(input, meetings: meetings) == expected, "seed \(seed): \(available), \(count) meetings")
            if expected > 0 { withBreaks += 1 }
        }
        #expect(withBreaks > 20)
    }

    @Test("the spread forced is less what the participant with the fewest meetings could have")
    func fewestMeetingsLowerTheForcedSpread() throws {
        // D1 must straddle its holes (two breaks at least: slots 1–2, 4–5, 7–8 for 6 meetings).
        // With everyone at two meetings or more, a participant of two meetings could have one
        // break itself: then one is the least spread.
        let hosts = (1...6).map { Fixture.host("H\($0)", max: 2, slots: Array(1...8)) }
        let input = Fixture.input(slots: 8, tables: 8, [Fixture.delegate("D1", max: 6, slots: [1, 2, 4, 5, 7, 8]),
                                                         Fixture.delegate("D2", max: 6, slots: Array(1...8))] + hosts, scores: [:])
        let d1 = hosts.map { Meeting(delegate: "D1", host: $0.company, slot: 1, table: 1, score: 0) }
        let d2 = hosts.map { Meeting(delegate: "D2", host: $0.company, slot: 2, table: 1, score: 0) }
        #expect(try BreakFloor.forcedSpread(input, meetings: d1) == 2)
        #expect(try BreakFloor.forcedSpread(input, meetings: d1 + d2) == 1)
    }
}
