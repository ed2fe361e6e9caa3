import LiaisonScheduling
import Testing

/// Input the scheduler should refuse (or survive) but traps on. Each runs in its own process
/// (an exit test), so a crash fails the test instead of the whole run.
@Suite("Bad input never crashes the scheduler")
struct CrashTests {
    @Test("a score that is not a finite number is refused or survived")
    func nonFiniteScores() async {
        await #expect(processExitsWith: .success) {
            let participants = [Fixture.delegate("D1", max: 1, slots: [1]), Fixture.host("H1", max: 1, slots: [1])]
            _ = try? Scheduler.schedule(Fixture.input(slots: 1, tables: 1, participants, scores: ["D1|H1": .nan]))
        }
        await #expect(processExitsWith: .success) {
            let participants = [Fixture.delegate("D1", max: 1, slots: [1]), Fixture.host("H1", max: 1, slots: [1])]
            _ = try? Scheduler.schedule(Fixture.input(slots: 1, tables: 1, participants, scores: ["D1|H1": .infinity]))
        }
    }

    @Test("a huge score is refused or survived")
    func hugeScore() async {
        await #expect(processExitsWith: .success) {
            let participants = [Fixture.delegate("D1", max: 1, slots: [1]), Fixture.host("H1", max: 1, slots: [1])]
            _ = try? Scheduler.schedule(Fixture.input(slots: 1, tables: 1, participants, scores: ["D1|H1": 1e16]))
        }
    }

    @Test("a published meeting at a negative table is dropped, not a crash")
    func publishedNegativeTable() async {
        await #expect(processExitsWith: .success) {
            let participants = [Fixture.delegate("D1", max: 1, slots: [1]), Fixture.host("H1", max: 1, slots: [1])]
            var input = Fixture.input(slots: 1, tables: 1, participants, scores: ["D1|H1": 0.5])
            input.published = [Meeting(delegate: "D1", host: "H1", slot: 1, table: -1, score: 0.5)]
            input.keepPublished = true
            _ = try? Scheduler.schedule(input)
        }
    }

    @Test("an absurd slot length is refused, not an overflow")
    func absurdSlotLength() async {
        await #expect(processExitsWith: .success) {
            var input = Fixture.input(slots: 4, tables: 1, [Fixture.delegate("D1", max: 1, slots: [1]), Fixture.host("H1", max: 1, slots: [1])],
                                      scores: [:])
            input.event.slotMinutes = Int.max / 2
            _ = try? Scheduler.schedule(input)
        }
    }
}
