import LiaisonScheduling
import Testing

@Suite("The minimum of meetings")
struct MinimumMeetingsTests {
    /// D1 scores 0.9 with both hosts, D2 only 0.1; each host meets once. The best total gives
    /// both hosts to D1 and leaves D2 out.
    static func lopsided(minMeetings: Int) -> SchedulingInput {
        let participants = [
            Fixture.delegate("D1", max: 2, slots: [1, 2]), Fixture.delegate("D2", max: 2, slots: [1, 2]),
            Fixture.host("H1", max: 1, slots: [1, 2]), Fixture.host("H2", max: 1, slots: [1, 2]),
        ]
        return Fixture.input(slots: 2, tables: 2, participants, scores: ["D1|H1": 0.9, "D1|H2": 0.9, "D2|H1": 0.1, "D2|H2": 0.1],
                             minMeetings: minMeetings)
    }

    @Test("a low-scoring participant the best total leaves out gets its minimum")
    func lowScorerGetsMeetings() throws {
        let pure = try Scheduler.schedule(Self.lopsided(minMeetings: 0))
        #expect(pure.meetingCount(of: "D2") == 0)
        #expect(abs(pure.report.totalScore - 1.8) < 1e-9)

        let input = Self.lopsided(minMeetings: 1)
        let result = try Scheduler.schedule(input)
        for p in input.participants { #expect(result.meetingCount(of: p.company) >= 1, "\(p.company)") }
        #expect(result.report.underMinimum.isEmpty)
        #expect(result.report.minimumMeetings == 1)
        #expect(abs(result.report.totalScore - 1.0) < 1e-9)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
    }

    @Test("a participant scoring 0 with everyone still gets its minimum")
    func zeroScorerGetsMeetings() throws {
        let participants = [
            Fixture.delegate("D1", max: 3, slots: [1, 2, 3]), Fixture.delegate("D0", max: 3, slots: [1, 2, 3]),
            Fixture.host("H1", max: 3, slots: [1, 2, 3]), Fixture.host("H2", max: 3, slots: [1, 2, 3]),
        ]
        let scores = ["D1|H1": 0.7, "D1|H2": 0.6]
        let pure = try Scheduler.schedule(Fixture.input(slots: 3, tables: 2, participants, scores: scores))
        #expect(pure.meetingCount(of: "D0") == 0)
        let input = Fixture.input(slots: 3, tables: 2, participants, scores: scores, minMeetings: 2)
        let result = try Scheduler.schedule(input)
        #expect(result.meetingCount(of: "D0") == 2)
        #expect(result.report.underMinimum.isEmpty)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
    }

    @Test("no one short of the minimum could get closer to it by one exchange that takes from someone with more (random events)",
          arguments: [1, 2, 4, 12])
    func noExchangeRaisesTheFewest(minimum: Int) throws {
        var short = 0
        for seed in UInt64(1)...60 {
            var input = RandomInstances.instance(seed: seed)
            input.minMeetings = minimum
            let result = try Scheduler.schedule(input)
            #expect(ScheduleValidator(input, result).violations.isEmpty, "seed \(seed)")
            if !result.report.underMinimum.isEmpty { short += 1 }
            if let exchange = MinimumExchange.find(input, result) { Issue.record("seed \(seed): \(exchange) raises the fewest") }
        }
        #expect(short >= 10, "\(short) events with someone short")
    }

    @Test("who cannot reach the minimum is named with the cause")
    func shortfallsNameTheCause() throws {
        let all = [1, 2, 3, 4]
        var participants = [
            Fixture.delegate("CAPPED", max: 1, slots: all),
            Fixture.delegate("ONE-SLOT", max: 4, slots: [3]),
            Fixture.delegate("BLOCKED", max: 4, slots: all), Fixture.delegate("ONE-PARTNER", max: 4, slots: all),
            Fixture.delegate("OK1", max: 4, slots: all), Fixture.delegate("OK2", max: 4, slots: all),
        ]
        participants += (1...4).map { Fixture.host("H\($0)", max: 4, slots: all) }
        var scores: [String: Double] = [:]
        for d in participants where d.side == .delegate {
            for h in 1...4 { scores["\(d.company)|H\(h)"] = 0.2 + Double(h) / 10 }
        }
        let input = Fixture.input(slots: 4, tables: 6, participants, scores: scores,
                                  blocks: (1...4).map { PairBlock(a: "H\($0)", b: "BLOCKED") } + (1...3).map { PairBlock(a: "H\($0)", b: "ONE-PARTNER") },
                                  minMeetings: 2)
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        let short = Dictionary(uniqueKeysWithValues: result.report.underMinimum.map { ($0.company, $0) })
        #expect(Set(short.keys) == ["CAPPED", "ONE-SLOT", "BLOCKED", "ONE-PARTNER"])
        #expect(result.report.underMinimum.map(\.company) == result.report.underMinimum.map(\.company).sorted())

        let capped = try #require(short["CAPPED"])
        #expect(capped.meetings == 1)
        #expect(capped.reason.contains("at most 1") && capped.reason.contains("max meetings 1"), "\(capped.reason)")
        let oneSlot = try #require(short["ONE-SLOT"])
        #expect(oneSlot.meetings == 1)
        #expect(oneSlot.reason.contains("at most 1") && oneSlot.reason.contains("available in 1 slot)"), "\(oneSlot.reason)")
        let blocked = try #require(short["BLOCKED"])
        #expect(blocked.meetings == 0)
        #expect(blocked.reason == "only 0 possible partners: 4 blocked", "\(blocked.reason)")
        // One is said as one.
        let onePartner = try #require(short["ONE-PARTNER"])
        #expect(onePartner.meetings == 1 && onePartner.reason.hasPrefix("only 1 possible partner:"), "\(onePartner.reason)")
    }

    @Test("a host short of partners is told what rules out each other one: a block, no common slot, a maximum of 0; not that they are booked")
    func partnersRuledOut() throws {
        let participants = [
            Fixture.delegate("D1", max: 4, slots: [1, 2, 3, 4]), Fixture.delegate("D2", max: 4, slots: [1, 2]),
            Fixture.delegate("D3", max: 0, slots: [1, 2, 3, 4]), Fixture.delegate("D4", max: 4, slots: [1, 2, 3, 4]),
            Fixture.host("H1", max: 4, slots: [1, 2, 3, 4]), Fixture.host("H2", max: 4, slots: [3, 4]),
        ]
        var scores: [String: Double] = [:]
        for d in 1...4 { for h in 1...2 { scores["D\(d)|H\(h)"] = 0.5 } }
        let input = Fixture.input(slots: 4, tables: 4, participants, scores: scores, blocks: [PairBlock(a: "D1", b: "H2")], minMeetings: 2)
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        let short = Dictionary(uniqueKeysWithValues: result.report.underMinimum.map { ($0.company, $0.reason) })
        #expect(short["H1"] == nil && short["D4"] == nil, "\(short)")
        #expect(short["H2"] == "only 1 possible partner: 1 blocked, 1 with no slot where both are available, 1 with max meetings 0", "\(short)")
        #expect(short["D3"] == "can meet at most 0 (max meetings 0, available in 4 slots)", "\(short)")
        // A sides event pairs delegates with hosts only: the other delegates are no partners.
        #expect(short["D1"] == "only 1 possible partner: 1 blocked", "\(short)")
        #expect(short["D2"] == "only 1 possible partner: 1 with no slot where both are available", "\(short)")
        #expect(short.count == 4, "\(short)")
    }

    @Test("those short because every table is taken where they and a partner with room are free are told so, not that their partners are booked")
    func tablesFull() throws {
        let participants = [
            Fixture.delegate("D1", max: 1, slots: [1]), Fixture.delegate("D2", max: 1, slots: [1]),
            Fixture.host("H1", max: 1, slots: [1]), Fixture.host("H2", max: 1, slots: [1]),
        ]
        let input = Fixture.input(slots: 1, tables: 1, participants, scores: ["D1|H1": 0.9, "D1|H2": 0.5, "D2|H1": 0.5, "D2|H2": 0.4], minMeetings: 1)
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count == 1)
        let short = Dictionary(uniqueKeysWithValues: result.report.underMinimum.map { ($0.company, $0.reason) })
        #expect(short.count == 2, "\(short)")
        for reason in short.values {
            #expect(reason == "every table is taken in the slots where it and a partner with room are both free (1 of 2 possible partners fully booked)",
                    "\(short)")
        }
    }

    @Test("hosts who could reach the minimum but whose partners are all booked are told so")
    func partnersFullyBooked() throws {
        // Three hosts share one delegate who meets twice at most: one host falls short.
        let participants = [
            Fixture.delegate("D1", max: 2, slots: [1, 2, 3]),
            Fixture.host("H1", max: 3, slots: [1, 2, 3]), Fixture.host("H2", max: 3, slots: [1, 2, 3]), Fixture.host("H3", max: 3, slots: [1, 2, 3]),
        ]
        let input = Fixture.input(slots: 3, tables: 3, participants, scores: ["D1|H1": 0.9, "D1|H2": 0.8, "D1|H3": 0.1], minMeetings: 1)
        let result = try Scheduler.schedule(input)
        #expect(result.report.underMinimum.map(\.company) == ["H3"])
        let reason = try #require(result.report.underMinimum.first?.reason)
        #expect(reason.contains("fully booked"), "\(reason)")
    }
}
