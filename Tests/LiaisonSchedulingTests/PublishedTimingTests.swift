import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// Re-scheduling a published event keeps the published timing of the same meetings unless the
/// new agendas are more compact.
@Suite("Re-scheduling keeps a published timing that is as compact")
struct PublishedTimingTests {
    /// Unfairness, breaks and idle slots, as a report gives them: the compaction's order.
    static func compactness(_ result: ScheduleResult, fairness: Int) -> [Int] {
        [max(0, result.report.breaks.spread - fairness), result.report.breaks.total, result.report.idleSlots]
    }

    @Test("on random events re-scheduled with another seed or an exact search, nothing moves unless the agendas gain, and every rule holds")
    func movesOnlyForGain() throws {
        var ties = 0, gains = 0
        for seed in UInt64(1)...16 {
            var input = RandomEvent.make(RandomEvent.Shape(delegates: 8, hosts: 9, slots: 8, tables: 6, availability: 0.8), seed: seed)
            let published = try Scheduler.schedule(input)
            var again = input
            again.seed = seed + 1_000
            let relaid = try Scheduler.schedule(again)
            input.published = published.meetings
            for rerun in [again.seed, nil] as [UInt64?] {
                var next = input
                if let rerun { next.seed = rerun } else { next.exactSearch = .seconds(5) }
                let result = try Scheduler.schedule(next)
                #expect(ScheduleValidator(next, result).violations.isEmpty, "seed \(seed)")
                let changes = try #require(result.changes)
                guard changes.added.isEmpty && changes.dropped.isEmpty else { continue }
                let before = Self.compactness(published, fairness: input.fairness)
                let after = Self.compactness(result, fairness: input.fairness)
                if changes.moved.isEmpty {
                    #expect(Set(result.meetings) == Set(published.meetings), "seed \(seed)")
                } else {
                    #expect(after.lexicographicallyPrecedes(before), "seed \(seed): moved \(changes.moved.count) for \(after) against \(before)")
                    gains += 1
                }
            }
            // The same meetings laid out differently but no more compactly, without the published
            // schedule: with it, they stay where they were published.
            let sameMeetings = Set(relaid.meetings.map(\.pair)) == Set(published.meetings.map(\.pair))
            if sameMeetings && Set(relaid.meetings) != Set(published.meetings)
                && !Self.compactness(relaid, fairness: input.fairness)
                    .lexicographicallyPrecedes(Self.compactness(published, fairness: input.fairness)) {
                ties += 1
            }
        }
        #expect(ties > 0, "some re-run lays out the same meetings differently, no more compactly (gains: \(gains))")
    }

    /// One delegate and one host who meet once in three slots at one table, and that meeting
    /// as published.
    static func onePair() throws -> (participants: [Participant], scores: [String: Double], published: [Meeting], slot: Int) {
        let participants = [Fixture.delegate("D1", max: 1, slots: [1, 2, 3]), Fixture.host("H1", max: 1, slots: [1, 2, 3])]
        let scores = ["D1|H1": 0.9]
        let published = try Scheduler.schedule(Fixture.input(slots: 3, tables: 1, participants, scores: scores)).meetings
        return (participants, scores, published, try #require(published.first?.slot))
    }

    @Test("a published timing that breaks a rule now is not restored, even for the same meetings")
    func invalidTimingIsNotRestored() throws {
        let (participants, scores, published, slot) = try Self.onePair()
        var changed = participants
        changed[0].available = SlotSet([1, 2, 3].filter { $0 != slot })   // D1 no longer there then
        var input = Fixture.input(slots: 3, tables: 1, changed, scores: scores)
        input.published = published
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(result.meetings.count == 1 && result.meetings.first?.slot != slot)
    }

    @Test("a published timing with a break gives way to agendas without")
    func lessCompactTimingGivesWay() throws {
        let participants = [Fixture.delegate("D1", max: 2, slots: [1, 2, 3]),
                            Fixture.host("H1", max: 1, slots: [1, 2, 3]), Fixture.host("H2", max: 1, slots: [1, 2, 3])]
        var input = Fixture.input(slots: 3, tables: 2, participants, scores: ["D1|H1": 0.9, "D1|H2": 0.8])
        input.published = [Meeting(delegate: "D1", host: "H1", slot: 1, table: 1, score: 0.9),
                           Meeting(delegate: "D1", host: "H2", slot: 3, table: 1, score: 0.8)]
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(result.meetings.count == 2 && result.report.breaks.total == 0)
        #expect(result.changes?.moved.isEmpty == false)
    }

    @Test("a lock wins over the slot its meeting was published at")
    func lockedElsewhere() throws {
        let (participants, scores, published, slot) = try Self.onePair()
        var input = Fixture.input(slots: 3, tables: 1, participants, scores: scores)
        input.locks = [MeetingLock(a: "D1", b: "H1", slot: slot % 3 + 1)]
        input.published = published
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(result.meetings.map(\.slot) == [slot % 3 + 1])
    }
}
