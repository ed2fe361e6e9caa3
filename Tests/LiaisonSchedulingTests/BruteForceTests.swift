import LiaisonScheduling
import Testing

@Suite("Tiny events against brute force")
struct BruteForceTests {
    static let seeds = Array(UInt64(1)...250)

    @Test("the upper bound is the exact best set of pairs under caps, blocks, tables × slots, locks and placed musts")
    func upperBoundIsExact() throws {
        var withRules = 0
        for seed in Self.seeds {
            let input = BruteForce.tinyInstance(seed: seed, rules: seed % 2 == 0)
            let result = try Scheduler.schedule(input)
            let brute = BruteForce(input)
            var fixed = Set(input.locks.map { brute.pair($0.a, $0.b) })
            for request in input.requests where request.must && result.meeting(request.a, request.b) != nil {
                fixed.insert(brute.pair(request.a, request.b))
            }
            if !fixed.isEmpty { withRules += 1 }
            let best = try #require(brute.bestPairSet(containing: fixed), "seed \(seed)")
            #expect(abs(result.report.upperBound - best) <= 1e-6, "seed \(seed): bound \(result.report.upperBound), brute force \(best)")
            #expect(result.report.totalScore <= result.report.upperBound + 1e-9, "seed \(seed)")
            #expect(ScheduleValidator(input, result).violations(of: [.tableClash]).isEmpty || RandomScheduleTests.hostMeetsTwiceInASlot(result))
        }
        #expect(withRules > 40)
    }

    @Test("the brute force itself, on events whose answers are known by hand")
    func bruteForceSanity() throws {
        // One table, two slots, D1 and D2 both want H1 (one representative): H1 meets both, one per slot.
        let participants = [
            Fixture.delegate("D1", max: 1, slots: [1, 2]), Fixture.delegate("D2", max: 1, slots: [1]),
            Fixture.host("H1", max: 2, slots: [1, 2]),
        ]
        let input = Fixture.input(slots: 2, tables: 1, participants, scores: ["D1|H1": 0.5, "D2|H1": 0.25])
        let brute = BruteForce(input)
        #expect(brute.bestPairSet(containing: []) == 0.75)
        #expect(brute.bestSchedule() == 0.75)
        // D1 limited to slot 1 too: the pairs still fit a b-matching, not a schedule.
        var tight = input
        tight.participants[0].available = SlotSet([1])
        #expect(BruteForce(tight).bestPairSet(containing: []) == 0.75)
        #expect(BruteForce(tight).bestSchedule() == 0.5)
        let d2 = BruteForce.Pair(delegate: "D2", host: "H1")
        #expect(BruteForce(tight).bestSchedule(containing: [d2]) == 0.25)
        tight.locks = [MeetingLock(a: "D1", b: "H1", slot: 1)]
        #expect(BruteForce(tight).bestSchedule(containing: [d2]) == nil)
        tight.blocks = [PairBlock(a: "H1", b: "D2")]
        #expect(BruteForce(tight).pairs == [BruteForce.Pair(delegate: "D1", host: "H1")])
    }

    /// How close the scheduler comes to the best schedule (pairs and slots) found by search.
    @Test("the schedule scores at least 99% of the best schedule there is")
    func nearOptimalSchedule() throws {
        var optimal = 0, worst = 1.0, worstSeed: UInt64 = 0
        var below: [UInt64: Double] = [:]
        for seed in Self.seeds {
            var input = BruteForce.tinyInstance(seed: seed, rules: true)
            input.requests = []   // musts trade score for the request; they are compared separately below
            let result = try Scheduler.schedule(input)
            let best = try #require(BruteForce(input).bestSchedule(), "seed \(seed)")
            #expect(result.report.totalScore <= best + 1e-9, "seed \(seed): the scheduler beats exhaustive search")
            #expect(best <= result.report.upperBound + 1e-9, "seed \(seed): a schedule above the bound")
            let ratio = best > 0 ? result.report.totalScore / best : 1
            if ratio >= 1 - 1e-9 { optimal += 1 }
            if ratio < worst { (worst, worstSeed) = (ratio, seed) }
            if ratio < 0.99 { below[seed] = ratio }
        }
        print("tiny events: the schedule is optimal in \(optimal) of \(Self.seeds.count); worst ratio \(worst) (seed \(worstSeed))")
        #expect(optimal >= Self.seeds.count * 4 / 5)
        #expect(below.isEmpty, "\(below.count) of \(Self.seeds.count) tiny events below 99% of the best schedule: \(below.sorted { $0.key < $1.key }.map { "seed \($0.key): \(($0.value * 1000).rounded() / 1000)" })")
    }

    /// Seed 121 of the tiny events: one table, three slots. The best day is D1–H1 in slot 1,
    /// D2–H1 in slot 2 and D3–H4 in slot 3 (1.357); D3 can only meet in slot 3.
    @Test("one table, three slots: the pair that can only meet in the last slot gets it")
    func tightTablesLoseTheBestPair() throws {
        let participants = [
            Fixture.delegate("D1", max: 2, slots: [1, 3]), Fixture.delegate("D2", max: 1, slots: [1, 2]), Fixture.delegate("D3", max: 1, slots: [3]),
            Fixture.host("H1", max: 2, slots: [1, 2, 3]), Fixture.host("H2", max: 2, slots: [1, 2, 3]), Fixture.host("H3", max: 2, slots: [2]),
            Fixture.host("H4", max: 2, slots: [1, 2, 3], reps: 2),
        ]
        let input = Fixture.input(slots: 3, tables: 1, participants,
                                  scores: ["D1|H1": 0.083, "D2|H1": 0.369, "D2|H3": 0.022, "D3|H2": 0.158, "D3|H4": 0.905],
                                  blocks: [PairBlock(a: "D1", b: "H2"), PairBlock(a: "D1", b: "H4"), PairBlock(a: "D2", b: "H2"),
                                           PairBlock(a: "D3", b: "H1"), PairBlock(a: "D3", b: "H3")])
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(BruteForce(input).bestSchedule() == 1.357)
        #expect(abs(result.report.totalScore - 1.357) < 1e-9,
                "\(result.meetings.map { "\($0.delegate)–\($0.host)@\($0.slot)" }) scores \(result.report.totalScore)")
    }

    /// Seed 63 of the tiny events, reduced: slot 2 has one table left after a lock, and two
    /// selected pairs want it; the one whose parties are "critical" wins over the better one.
    @Test("when one of two pairs must give way, the better one stays")
    func criticalBeatsScore() throws {
        let participants = [
            Fixture.delegate("D1", max: 2, slots: [2], reps: 2), Fixture.delegate("D3", max: 1, slots: [2], reps: 2),
            Fixture.host("H2", max: 2, slots: [1, 2]), Fixture.host("H3", max: 1, slots: [2]),
        ]
        let input = Fixture.input(slots: 2, tables: 2, participants, scores: ["D1|H2": 0.386, "D1|H3": 0.924, "D3|H2": 0.684, "D3|H3": 0.767],
                                  locks: [MeetingLock(a: "H3", b: "D1", slot: 2, table: 2)])
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(BruteForce(input).bestSchedule() == 0.924 + 0.684)
        #expect(result.meeting("D3", "H2") != nil, "\(result.meetings.map { "\($0.delegate)–\($0.host)@\($0.slot)" })")
    }

    @Test("whenever some schedule holds every must and lock, the scheduler places every must")
    func feasibleMustsArePlaced() throws {
        var checked = 0
        var missed: [UInt64] = []
        for seed in Self.seeds {
            let input = BruteForce.tinyInstance(seed: seed, rules: true)
            let musts = input.requests.filter(\.must)
            guard !musts.isEmpty else { continue }
            let brute = BruteForce(input)
            let required = Set(musts.map { brute.pair($0.a, $0.b) })
            guard required.isSubset(of: brute.pairs), let best = brute.bestSchedule(containing: required) else { continue }
            checked += 1
            let result = try Scheduler.schedule(input)
            if !musts.allSatisfy({ result.meeting($0.a, $0.b) != nil }) { missed.append(seed) }
            else { #expect(result.report.totalScore <= best + 1e-9) }
            #expect(ScheduleValidator(input, result).violations(of: RandomScheduleTests.rules(for: result)).isEmpty)
        }
        #expect(checked > 50)
        #expect(missed.isEmpty, "feasible musts left out on \(missed.count) of \(checked) tiny events: seeds \(missed)")
    }
}
