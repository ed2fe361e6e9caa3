import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

@Suite("Random events: every hard rule and every report figure, checked independently")
struct RandomScheduleTests {
    /// Seeds of the property runs; each draws its own shape (see `RandomInstances.shape`).
    static let seeds = Array(UInt64(1)...160)

    /// Hosts with two representatives can get two meetings at one table in one slot (a known
    /// issue, shown below), so that one rule is left to its own test when such a host meets twice in a slot.
    static func rules(for result: ScheduleResult) -> Set<ScheduleValidator.Rule> {
        var rules = Set(ScheduleValidator.Rule.allCases)
        if hostMeetsTwiceInASlot(result) { rules.remove(.tableClash) }
        return rules
    }

    static func hostMeetsTwiceInASlot(_ result: ScheduleResult) -> Bool {
        Dictionary(grouping: result.meetings, by: { [$0.host, "\($0.slot)"] }).values.contains { $0.count > 1 }
    }

    @Test("random events with requests, blocks and locks: the schedule keeps every rule", arguments: seeds)
    func keepsEveryRule(seed: UInt64) throws {
        let input = RandomInstances.instance(seed: seed)
        let result = try Scheduler.schedule(input)
        let violations = ScheduleValidator(input, result).violations(of: Self.rules(for: result))
        #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(5))")
        // A schedule that is not empty when something could meet: guards against a validator that passes nothing.
        #expect(result.report.upperBound == 0 || !result.meetings.isEmpty, "seed \(seed)")
    }

    @Test("with the standard exact search, as `event schedule` runs it: every rule kept, the meetings chosen without it, no more breaks, its agendas unless fewer, the same each time",
          arguments: seeds)
    func standardExactSearch(seed: UInt64) throws {
        // Sides events; tiny open ones over one or two days, with sessions; forums with locks.
        var inputs = [("sides", RandomInstances.instance(seed: seed)), ("open", OpenInstances.tiny(seed: seed, rules: true))]
        if seed <= 30 { inputs.append(("locked forum", OpenInstances.lockedForum(seed: seed))) }
        for (kind, unsearched) in inputs {
            let label = "\(kind) seed \(seed)"
            var input = unsearched
            let plain = try Scheduler.schedule(input)
            input.exactSearch = .standard
            let searched = try Scheduler.schedule(input)
            let violations = ScheduleValidator(input, searched).violations(of: Self.rules(for: searched))
            #expect(violations.isEmpty, "\(label): \(violations.prefix(5))")
            let pairs = { (result: ScheduleResult) in Set(result.meetings.map { [$0.a, $0.b] }) }
            #expect(pairs(searched) == pairs(plain), "\(label): the search changed which pairs meet")
            let before = plain.report.breaks, after = searched.report.breaks
            #expect(after.total <= before.total || before.spread > input.fairness, "\(label): \(after) against \(before)")
            if after.total == before.total && before.spread <= input.fairness {
                #expect(searched.meetings == plain.meetings, "\(label): no fewer breaks, yet other agendas")
            }
            #expect(try Scheduler.schedule(input).meetings == searched.meetings, "\(label): another run, other agendas")
        }
    }

    @Test("one larger event, 30 × 45 over 10 slots with requests, blocks and locks, keeps every rule")
    func largerEvent() throws {
        var input = RandomEvent.make(RandomEvent.Shape(delegates: 30, hosts: 45, slots: 10, tables: 24, availability: 0.8, maxMeetings: 8,
                                                       twoRepresentatives: 0.1), seed: 2025)
        var random = SeededGenerator(seed: 2025)
        RandomInstances.addRules(to: &input, random: &random, locks: 12, blocks: 30, requests: 40)
        input.minMeetings = 3
        let result = try Scheduler.schedule(input)
        let violations = ScheduleValidator(input, result).violations(of: Self.rules(for: result))
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        #expect(result.report.ratio > 0.9)
        #expect(input.locks.count >= 8 && input.requests.contains(where: \.must))
    }

    @Test("the property runs cover the shapes they promise")
    func shapesAreVaried() {
        let inputs = Self.seeds.map(RandomInstances.instance(seed:))
        let participants = inputs.map(\.participants.count)
        #expect(participants.max()! <= 40)
        #expect(inputs.contains { $0.participants.contains { $0.reps == 2 } })
        #expect(inputs.contains { $0.event.tables < $0.participants.filter { $0.side == .delegate }.count / 2 })
        #expect(inputs.contains { $0.event.tables >= $0.participants.count / 2 })
        #expect(inputs.contains { input in input.participants.contains { $0.maxMeetings > input.event.slots } })
        #expect(inputs.contains { input in input.participants.contains { $0.maxMeetings < input.event.slots } })
        #expect(inputs.contains { $0.participants.contains { $0.available.count < 3 } })
        #expect(inputs.filter { !$0.locks.isEmpty }.count > 40)
        #expect(inputs.filter { $0.locks.contains { $0.table != nil } }.count > 20)
        #expect(inputs.filter { $0.requests.contains(where: \.must) }.count > 40)
        #expect(inputs.filter { !$0.blocks.isEmpty }.count > 40)
        #expect(inputs.filter { $0.minMeetings > 0 }.count > 20)
    }

    @Test("the validator catches a broken schedule")
    func validatorCatchesBreakage() throws {
        let input = RandomInstances.instance(seed: 3)
        var result = try Scheduler.schedule(input)
        try #require(result.meetings.count >= 2)
        #expect(ScheduleValidator(input, result).violations(of: Self.rules(for: result)).isEmpty)
        var broken = result
        broken.meetings[1].slot = broken.meetings[0].slot
        broken.meetings[1].table = broken.meetings[0].table
        broken.meetings.append(result.meetings[0])
        broken.meetings[0].score += 1
        let rules = Set(ScheduleValidator(input, broken).violations.map(\.rule))
        #expect(rules.isSuperset(of: [.tableClash, .pairOnce, .score, .report]))
        result.meetings[0].table = input.event.tables + 1
        #expect(ScheduleValidator(input, result).violations.contains { $0.rule == .range })
    }

    // MARK: - Known issue: a host with two representatives

    @Test("a host with two representatives never has two meetings at one table in one slot")
    func twoRepresentativesTwoTables() throws {
        let participants = [
            Fixture.delegate("D1", max: 1, slots: [1]), Fixture.delegate("D2", max: 1, slots: [1]),
            Fixture.host("H1", max: 2, slots: [1], reps: 2),
        ]
        let input = Fixture.input(slots: 1, tables: 2, participants, scores: ["D1|H1": 0.5, "D2|H1": 0.6])
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count == 2)
        let tables = result.meetings.map(\.table)
        #expect(Set(tables).count == tables.count, "meetings at tables \(tables) in slot 1")
    }

    @Test("random events where a host meets twice in a slot: no table holds two meetings")
    func twoRepresentativesOnRandomEvents() throws {
        var affected = 0, clashing = 0
        for seed in Self.seeds {
            let input = RandomInstances.instance(seed: seed)
            let result = try Scheduler.schedule(input)
            guard Self.hostMeetsTwiceInASlot(result) else { continue }
            affected += 1
            if !ScheduleValidator(input, result).violations(of: [.tableClash]).isEmpty { clashing += 1 }
        }
        #expect(affected > 0)
        #expect(clashing == 0, "\(clashing) of \(affected) random events with a host meeting twice in a slot have a table clash")
    }
}
