import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

@Suite("Moving one meeting by hand")
struct MeetingMoveTests {
    /// Rules a move can break; the others (pairs, maxima, scores) a move cannot change.
    static let moveRules: Set<ScheduleValidator.Rule> = [.range, .availability, .representatives, .tableClash, .tablesPerSlot, .blocked, .lock,
                                                          .session]

    @Test("on random events, a move is accepted exactly when the moved schedule breaks no hard rule, and its report is right",
          arguments: 0..<60)
    func movesAgreeWithTheRules(seed: UInt64) throws {
        let input = RandomInstances.instance(seed: seed)
        let scheduled = try Scheduler.schedule(input)
        guard !scheduled.meetings.isEmpty else { return }
        var random = SeededGenerator(seed: seed, stream: 9, index: 0)
        var accepted = 0, refused = 0
        for _ in 0..<12 {
            let meeting = random.pick(scheduled.meetings)
            let slot = 1 + random.below(input.event.slots + 1)            // one beyond the last, sometimes
            let table = 1 + random.below(input.event.tables + 1)
            var naive = scheduled
            naive.meetings = scheduled.meetings.map { $0.pair == meeting.pair ? Meeting(delegate: $0.delegate, host: $0.host, slot: slot, table: table, score: $0.score) : $0 }
            let broken = ScheduleValidator(input, naive).violations(of: Self.moveRules)
            do throws(SchedulingError) {
                let moved = try MeetingMove.apply(meeting.pair, toSlot: slot, table: table, in: input, meetings: scheduled.meetings,
                                                  upperBound: scheduled.report.upperBound)
                accepted += 1
                let place = "seed \(seed): moving \(meeting.delegate)–\(meeting.host) to slot \(slot) table \(table)"
                #expect(broken.isEmpty, "\(place) was accepted but breaks \(broken.map(\.description))")
                let violations = ScheduleValidator(input, moved).violations(of: Set(ScheduleValidator.Rule.allCases).subtracting([.changes]))
                #expect(violations.isEmpty, "seed \(seed): \(violations)")
                #expect(moved.meetings.count == scheduled.meetings.count)
                #expect(moved.meeting(meeting.delegate, meeting.host).map { [$0.slot, $0.table] } == [slot, table])
                let others: Set<Meeting> = Set(moved.meetings.filter { $0.pair != meeting.pair })
                let before: Set<Meeting> = Set(scheduled.meetings.filter { $0.pair != meeting.pair })
                #expect(others == before)
            } catch {
                refused += 1
                let place = "seed \(seed): moving \(meeting.delegate)–\(meeting.host) to slot \(slot) table \(table)"
                #expect(!broken.isEmpty, "\(place) was refused (\(error.problems)) but breaks nothing")
                #expect(!error.problems.isEmpty)
            }
        }
        #expect(accepted + refused == 12)
    }

    @Test("a refused move names every rule it breaks: unavailable, busy, taken table, missing slot")
    func refusalsNameTheRule() throws {
        let people = [Fixture.delegate("D1", max: 3, slots: [1, 2, 3]), Fixture.delegate("D2", max: 3, slots: [1, 2]),
                      Fixture.host("H1", max: 3, slots: [1, 2, 3]), Fixture.host("H2", max: 3, slots: [1, 2, 3])]
        let input = Fixture.input(slots: 3, tables: 2, people, scores: ["D1|H1": 1, "D2|H2": 1, "D1|H2": 0.5])
        let meetings = [Meeting(delegate: "D1", host: "H1", slot: 1, table: 1, score: 1), Meeting(delegate: "D2", host: "H2", slot: 2, table: 1, score: 1),
                        Meeting(delegate: "D1", host: "H2", slot: 3, table: 2, score: 0.5)]
        func problems(_ pair: MeetingPair, _ slot: Int, _ table: Int) -> [String] {
            do throws(SchedulingError) {
                _ = try MeetingMove.apply(pair, toSlot: slot, table: table, in: input, meetings: meetings, upperBound: 3)
                return []
            } catch {
                return error.problems
            }
        }
        #expect(problems(MeetingPair(delegate: "D2", host: "H2"), 3, 1) == ["D2 is not available in slot 3", "H2 already has a meeting in slot 3"])
        #expect(problems(MeetingPair(delegate: "D1", host: "H1"), 3, 1) == ["D1 already has a meeting in slot 3"])
        #expect(problems(MeetingPair(delegate: "D1", host: "H1"), 2, 1) == ["table 1 is taken in slot 2 by D2 – H2"])
        #expect(problems(MeetingPair(delegate: "D1", host: "H1"), 4, 1) == ["slot 4 does not exist (slots 1–3)"])
        #expect(problems(MeetingPair(delegate: "D2", host: "H1"), 1, 1) == ["D2 and H1 have no meeting in the schedule"])
        #expect(problems(MeetingPair(delegate: "D1", host: "H1"), 2, 2).isEmpty)
    }

    @Test("a meeting stays in the session its request asks for")
    func sessionHolds() throws {
        let people = [Fixture.delegate("D1", max: 1, slots: [1, 2, 3, 4]), Fixture.host("H1", max: 1, slots: [1, 2, 3, 4])]
        var input = Fixture.input(slots: 4, tables: 1, people, scores: ["D1|H1": 1])
        input.event.sessions = [EventSession(name: "morning", slots: SlotSet(1...2)), EventSession(name: "afternoon", slots: SlotSet(3...4))]
        input.requests = [MeetingRequest(a: "D1", b: "H1", must: true, session: "afternoon")]
        let meetings = [Meeting(delegate: "D1", host: "H1", slot: 3, table: 1, score: 1)]
        func problems(toSlot slot: Int) -> [String] {
            do throws(SchedulingError) {
                _ = try MeetingMove.apply(MeetingPair(delegate: "D1", host: "H1"), toSlot: slot, table: 1, in: input, meetings: meetings, upperBound: 1)
                return []
            } catch {
                return error.problems
            }
        }
        #expect(problems(toSlot: 2) == ["slot 2 is outside the session 'afternoon' their request asks for"])
        #expect(problems(toSlot: 4).isEmpty)
    }

    @Test("a locked meeting stays where its lock says")
    func lockedMeetingStays() throws {
        let people = [Fixture.delegate("D1", max: 2, slots: [1, 2]), Fixture.host("H1", max: 2, slots: [1, 2])]
        var input = Fixture.input(slots: 2, tables: 1, people, scores: ["D1|H1": 1])
        input.locks = [MeetingLock(a: "H1", b: "D1", slot: 1)]
        let meetings = [Meeting(delegate: "D1", host: "H1", slot: 1, table: 1, score: 1)]
        #expect(throws: SchedulingError.self) {
            try MeetingMove.apply(MeetingPair(delegate: "D1", host: "H1"), toSlot: 2, table: 1, in: input, meetings: meetings, upperBound: 1)
        }
        let result = try MeetingMove.apply(MeetingPair(delegate: "D1", host: "H1"), toSlot: 1, table: 1, in: input, meetings: meetings, upperBound: 1)
        #expect(result.meetings == meetings)
    }
}
