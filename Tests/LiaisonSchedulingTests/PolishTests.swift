import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// After an exact search, a short cold annealing shortens idle gaps without giving breaks back.
@Suite("Polishing agendas that are already compact")
struct PolishTests {
    @Test("on 40 random days a polish keeps the meetings and every rule, ends no costlier, the same each time, and shortens idle gaps")
    func polish() throws {
        var shortened = 0
        for seed in UInt64(1)...40 {
            let placed = try ChainRetimingTests.randomDay(seed: seed, slots: 8...12, people: 10)
            let start = SlotSearch(placed)
            defer { start.free() }
            var polished = placed
            Compaction.polish(&polished)
            let after = SlotSearch(polished)
            defer { after.free() }
            #expect(ChainRetimingTests.rulesHold(after), "seed \(seed)")
            #expect(Set(polished.placements.keys) == Set(placed.placements.keys), "seed \(seed): the same pairs meet")
            #expect(Compaction.cost(after) <= Compaction.cost(start), "seed \(seed)")
            var again = placed
            Compaction.polish(&again)
            #expect(again.placements.mapValues(\.slot) == polished.placements.mapValues(\.slot), "seed \(seed)")
            if after.totalIdle < start.totalIdle { shortened += 1 }
        }
        #expect(shortened > 20, "idle gaps shorten on most days, not \(shortened) of 40")
    }
}
