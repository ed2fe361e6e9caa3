import LiaisonScheduling
import Testing

@Suite("Infeasible and contradictory input is refused with the cause, never a crash")
struct InputErrorTests {
    /// A sound event: D1–D3 and H1–H3, 4 slots, 3 tables; D3 and H3 only in slots 1–2.
    static var base: SchedulingInput {
        let participants = [
            Fixture.delegate("D1", max: 3, slots: [1, 2, 3, 4]), Fixture.delegate("D2", max: 3, slots: [1, 2, 3, 4]),
            Fixture.delegate("D3", max: 2, slots: [1, 2]),
            Fixture.host("H1", max: 3, slots: [1, 2, 3, 4]), Fixture.host("H2", max: 3, slots: [1, 2, 3, 4]),
            Fixture.host("H3", max: 2, slots: [1, 2]),
        ]
        var scores: [String: Double] = [:]
        for d in 1...3 { for h in 1...3 { scores["D\(d)|H\(h)"] = Double(d + h) / 10 } }
        return Fixture.input(slots: 4, tables: 3, participants, scores: scores)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Words every problem list of this case must contain (in one problem).
        var words: [String]
        var change: @Sendable (inout SchedulingInput) -> Void
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "zero tables", words: ["tables must be at least 1", "0"]) { $0.event.tables = 0 },
        Case(name: "negative tables", words: ["tables must be at least 1", "-2"]) { $0.event.tables = -2 },
        Case(name: "zero slots", words: ["slots must be between 1 and"]) { $0.event.slots = 0 },
        Case(name: "zero slot minutes", words: ["slot minutes"]) { $0.event.slotMinutes = 0 },
        Case(name: "slots past midnight", words: ["past midnight"]) { $0.event.start = "23:00" },
        Case(name: "a lock where a party is unavailable", words: ["D3", "not available in that slot"]) {
            $0.locks = [MeetingLock(a: "D3", b: "H1", slot: 4)]
        },
        Case(name: "a lock outside the slots", words: ["slot 9", "slots 1–4"]) { $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 9)] },
        Case(name: "a lock in slot 0", words: ["slot 0", "slots 1–4"]) { $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 0)] },
        Case(name: "a lock on a nonexistent table", words: ["table 7 does not exist"]) {
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 1, table: 7)]
        },
        Case(name: "a lock on table 0", words: ["table 0 does not exist"]) { $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 1, table: 0)] },
        Case(name: "two locks at one table in one slot", words: ["table 2", "already locked"]) {
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 1, table: 2), MeetingLock(a: "D2", b: "H2", slot: 1, table: 2)]
        },
        Case(name: "a participant locked twice in a slot with one representative", words: ["D1", "representatives"]) {
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 1), MeetingLock(a: "D1", b: "H2", slot: 1)]
        },
        Case(name: "more locks in a slot than tables", words: ["more locks in that slot than tables"]) {
            $0.event.tables = 2
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 2), MeetingLock(a: "D2", b: "H2", slot: 2), MeetingLock(a: "D3", b: "H3", slot: 2)]
        },
        Case(name: "the same pair locked twice", words: ["locked twice"]) {
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 1), MeetingLock(a: "H1", b: "D1", slot: 3)]
        },
        Case(name: "more locks than a participant's maximum", words: ["D3", "locked meetings", "at most 1"]) {
            $0.participants[2].maxMeetings = 1
            $0.locks = [MeetingLock(a: "D3", b: "H1", slot: 1), MeetingLock(a: "D3", b: "H2", slot: 2)]
        },
        Case(name: "a lock outside the session its request asks for", words: ["the lock of D1 and H1 in slot 3 is outside the session 'morning' their request asks for"]) {
            $0.event.sessions = [EventSession(name: "morning", slots: SlotSet(1...2)), EventSession(name: "afternoon", slots: SlotSet(3...4))]
            $0.requests = [MeetingRequest(a: "H1", b: "D1", must: true, session: "morning")]
            $0.locks = [MeetingLock(a: "D1", b: "H1", slot: 3)]
        },
        Case(name: "a lock on a blocked pair", words: ["D1", "H2", "block"]) {
            $0.blocks = [PairBlock(a: "H2", b: "D1")]
            $0.locks = [MeetingLock(a: "D1", b: "H2", slot: 1)]
        },
        Case(name: "a must on a blocked pair", words: ["must", "D2", "H1", "block"]) {
            $0.blocks = [PairBlock(a: "D2", b: "H1")]
            $0.requests = [MeetingRequest(a: "D2", b: "H1", must: true)]
        },
        Case(name: "more musts than slots", words: ["D3", "3 must-meet requests", "at most 2"]) {
            $0.participants[2].maxMeetings = 4
            $0.requests = (1...3).map { MeetingRequest(a: "D3", b: "H\($0)", must: true) }
        },
        Case(name: "musts and locks above the maximum", words: ["H3", "must-meet requests and locks", "at most 1"]) {
            $0.participants[5].maxMeetings = 1
            $0.locks = [MeetingLock(a: "D1", b: "H3", slot: 1)]
            $0.requests = [MeetingRequest(a: "H3", b: "D2", must: true)]
        },
        Case(name: "a request between two delegates", words: ["D1", "D2", "both delegates"]) {
            $0.requests = [MeetingRequest(a: "D1", b: "D2", must: false)]
        },
        Case(name: "a block between two hosts", words: ["H1", "H2", "both hosts"]) { $0.blocks = [PairBlock(a: "H1", b: "H2")] },
        Case(name: "a lock between two delegates", words: ["D1", "D2", "does not pair a delegate with a host"]) {
            $0.locks = [MeetingLock(a: "D1", b: "D2", slot: 1)]
        },
        Case(name: "an unknown company in a request", words: ["GHOST", "not registered"]) {
            $0.requests = [MeetingRequest(a: "GHOST", b: "H1", must: true)]
        },
        Case(name: "an unknown company in a block", words: ["GHOST", "not registered"]) { $0.blocks = [PairBlock(a: "D1", b: "GHOST")] },
        Case(name: "an unknown company in a lock", words: ["GHOST", "registered"]) { $0.locks = [MeetingLock(a: "GHOST", b: "H1", slot: 1)] },
        Case(name: "a participant registered twice", words: ["H2", "registered twice"]) {
            $0.participants.append(Fixture.host("H2", max: 1, slots: [1]))
        },
        Case(name: "a company registered on both sides", words: ["X", "registered twice"]) {
            $0.participants += [Fixture.host("X", max: 1, slots: [1]), Fixture.delegate("X", max: 1, slots: [1])]
        },
        Case(name: "availability outside the slots", words: ["H1", "slots 5,7", "outside 1–4"]) {
            $0.participants[3].available = SlotSet([1, 5, 7])
        },
        Case(name: "availability in slot 0", words: ["D1", "slots 0", "outside"]) { $0.participants[0].available = SlotSet([0, 1]) },
        Case(name: "availability in no slot", words: ["D2", "no slot"]) { $0.participants[1].available = SlotSet([]) },
        Case(name: "no representative", words: ["D1", "representative"]) { $0.participants[0].reps = 0 },
        Case(name: "a negative maximum", words: ["H1", "max meetings"]) { $0.participants[3].maxMeetings = -1 },
        Case(name: "a negative minimum", words: ["minimum"]) { $0.minMeetings = -1 },
        Case(name: "a break after the last slot", words: ["break after slot 4"]) { $0.event.breakAfter = 4; $0.event.breakMinutes = 15 },
        Case(name: "a break after slot 0", words: ["break after slot 0"]) { $0.event.breakAfter = 0; $0.event.breakMinutes = 15 },
        Case(name: "a negative break", words: ["break minutes"]) { $0.event.breakAfter = 2; $0.event.breakMinutes = -5 },
        Case(name: "February 30", words: ["2025-02-30", "date"]) { $0.event.date = "2025-02-30" },
        Case(name: "February 29 of a common year", words: ["1900-02-29", "date"]) { $0.event.date = "1900-02-29" },
        Case(name: "a date written day first", words: ["05-12-2025", "date"]) { $0.event.date = "05-12-2025" },
        Case(name: "month 13", words: ["2025-13-01", "date"]) { $0.event.date = "2025-13-01" },
        Case(name: "hour 24", words: ["24:00", "HH:MM"]) { $0.event.start = "24:00" },
        Case(name: "a time without its leading zero", words: ["9:00", "HH:MM"]) { $0.event.start = "9:00" },
        Case(name: "minute 60", words: ["08:60", "HH:MM"]) { $0.event.start = "08:60" },
        Case(name: "a time with seconds", words: ["08:00:00", "HH:MM"]) { $0.event.start = "08:00:00" },
    ]

    @Test("each contradiction is named", arguments: cases)
    func refused(_ errorCase: Case) throws {
        var input = Self.base
        errorCase.change(&input)
        let problems = try #require(Fixture.problems(input), "\(errorCase.name) was scheduled")
        #expect(problems.contains { problem in errorCase.words.allSatisfy(problem.contains) }, "\(problems)")
    }

    @Test("the base event of these cases is sound, and so are its edge values")
    func baseIsSound() throws {
        #expect(Fixture.problems(Self.base) == nil)
        var edges = Self.base
        edges.event.date = "2024-02-29"
        edges.event.start = "00:00"
        edges.event.breakAfter = 3
        edges.event.breakMinutes = 0
        edges.participants[0].maxMeetings = 0
        edges.locks = [MeetingLock(a: "D2", b: "H1", slot: 1, table: 3), MeetingLock(a: "D3", b: "H3", slot: 1, table: 1)]
        edges.requests = [MeetingRequest(a: "D2", b: "H2", must: false), MeetingRequest(a: "H2", b: "D2", must: true)]
        edges.minMeetings = 5
        #expect(Fixture.problems(edges) == nil)
        var late = Self.base
        late.event.start = "23:00"
        late.event.slotMinutes = 15   // four slots end exactly at midnight
        #expect(Fixture.problems(late) == nil)
    }

    @Test("every problem of an input is listed, each in its own words")
    func allProblemsListed() throws {
        var input = Self.base
        input.event.tables = 0
        input.event.date = "2025-02-30"
        input.participants[1].reps = 0
        input.requests = [MeetingRequest(a: "D1", b: "GHOST", must: false)]
        let problems = try #require(Fixture.problems(input))
        #expect(problems.count == 4, "\(problems)")
        let error = SchedulingError(problems: problems)
        #expect(error.description.hasPrefix("cannot schedule:"))
        #expect(problems.allSatisfy { error.description.contains($0) })
    }
}
