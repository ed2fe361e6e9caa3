import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// Large events give each participant's best partners only; the bound must stay a proven upper
/// bound on every schedule of the full event.
@Suite("Best-partner lists: the certified bound against the full event's")
struct SparseBoundTests {
    static let seeds = Array(UInt64(1)...20)

    static func event(seed: UInt64) -> SchedulingInput {
        var random = SeededGenerator(seed: seed, stream: 23, index: 0)
        let slots = 4 + random.below(6)
        return RandomEvent.make(RandomEvent.Shape(delegates: 8 + random.below(12), hosts: 10 + random.below(20), slots: slots,
                                                  tables: 4 + random.below(12), availability: 0.6 + 0.4 * random.unit(),
                                                  maxMeetings: 2 + random.below(slots)), seed: seed)
    }

    @Test("short lists (capacity + 1 partners): the bound is at least the full event's exact bound, and no schedule beats it")
    func shortListsBoundTheFullEvent() throws {
        var gaps: [Double] = []
        for seed in Self.seeds {
            let full = Self.event(seed: seed)
            let exact = try Scheduler.schedule(full).report.upperBound
            var listed = full
            listed.scores = BestPartnerLists.scores(full) { $0 + 1 }
            try #require(!listed.scores.floors.values.allSatisfy { $0 == 0 }, "seed \(seed): the lists should leave pairs out")
            let result = try Scheduler.schedule(listed)
            #expect(result.report.upperBound >= exact - 1e-6, "seed \(seed): listed bound \(result.report.upperBound) below the exact \(exact)")
            #expect(result.report.totalScore <= result.report.upperBound + 1e-9)
            #expect(ScheduleValidator(listed, result).violations.isEmpty, "seed \(seed)")
            gaps.append(result.report.upperBound / max(exact, 1e-9))
        }
        print("short lists: the certified bound is \(gaps.min()!)–\(gaps.max()!) × the exact one")
    }

    @Test("lists as long as the solver asks for: the bound stays within 1 % of the exact one", arguments: Array(UInt64(1)...10))
    func defaultListsAreTight(seed: UInt64) throws {
        let full = Self.event(seed: seed)
        let exact = try Scheduler.schedule(full).report.upperBound
        var listed = full
        listed.scores = BestPartnerLists.scores(full, k: PairScores.listLength(forCapacity:))
        let bound = try Scheduler.schedule(listed).report.upperBound
        #expect(bound >= exact - 1e-6 && bound <= exact * 1.01 + 1e-6, "seed \(seed): listed \(bound), exact \(exact)")
    }

    @Test("lists that hold every partner: the same bound as the full scores", arguments: Array(UInt64(1)...10))
    func completeListsAreExact(seed: UInt64) throws {
        let full = Self.event(seed: seed)
        var listed = full
        listed.scores = BestPartnerLists.scores(full) { _ in 1_000 }
        #expect(listed.scores.floors.values.allSatisfy { $0 == 0 })
        let (a, b) = (try Scheduler.schedule(full), try Scheduler.schedule(listed))
        #expect(abs(a.report.upperBound - b.report.upperBound) <= 1e-6, "seed \(seed)")
        #expect(abs(a.report.totalScore - b.report.totalScore) <= 1e-6, "seed \(seed)")
    }

    @Test("open events: short lists bound the full event's fractional bound, which bounds the best schedule")
    func openEvents() throws {
        for seed in Self.seeds.prefix(12) {
            let small = Self.event(seed: seed)
            var random = SeededGenerator(seed: seed, stream: 29, index: 0)
            let people = small.participants.prefix(14).map { p -> Participant in var open = p; open.side = .host; return open }
            let ids = people.map(\.company)
            var values = [Double](repeating: 0, count: ids.count * ids.count)
            for i in ids.indices { for j in ids.indices where i < j { values[i * ids.count + j] = (random.unit() * 1000).rounded() / 1000; values[j * ids.count + i] = values[i * ids.count + j] } }
            var event = small.event
            event.pairing = .open
            let full = SchedulingInput(event: event, participants: Array(people), scores: PairScores(participants: ids, values: values))
            let exact = try Scheduler.schedule(full)
            #expect(ScheduleValidator(full, exact).violations.isEmpty, "seed \(seed)")
            var listed = full
            listed.scores = BestPartnerLists.scores(full) { $0 + 1 }
            let result = try Scheduler.schedule(listed)
            #expect(result.report.upperBound >= exact.report.upperBound - 1e-6, "seed \(seed)")
            #expect(exact.report.totalScore <= exact.report.upperBound + 1e-9)
        }
    }
}
