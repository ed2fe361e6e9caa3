import Foundation
import LiaisonScheduling
import Testing

@Suite("Open events, sessions and days, against brute force")
struct OpenEventTests {
    static let seeds = Array(UInt64(1)...150)

    static func pairs(_ requests: [MeetingRequest], where wanted: (MeetingRequest) -> Bool = { _ in true }) -> Set<OpenBruteForce.Pair> {
        Set(requests.filter(wanted).map { OpenBruteForce.Pair($0.a, $0.b) })
    }

    @Test("tiny open events keep every rule, score at least 99 % of the best schedule, under a bound no schedule beats")
    func nearOptimal() throws {
        var optimal = 0
        var below: [UInt64: Double] = [:]
        for seed in Self.seeds {
            var input = OpenInstances.tiny(seed: seed, rules: true)
            input.requests = []   // requests trade score for the request; they are checked below
            let result = try Scheduler.schedule(input)
            let violations = ScheduleValidator(input, result).violations
            #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(3))")
            let best = try #require(OpenBruteForce(input).bestSchedule(), "seed \(seed)")
            #expect(result.report.totalScore <= best + 1e-9, "seed \(seed): above exhaustive search")
            #expect(best <= result.report.upperBound + 1e-9, "seed \(seed): the best schedule scores \(best), above the bound \(result.report.upperBound)")
            let ratio = best > 0 ? result.report.totalScore / best : 1
            if ratio >= 1 - 1e-9 { optimal += 1 }
            if ratio < 0.99 { below[seed] = ratio }
        }
        #expect(below.isEmpty, "\(below.count) of \(Self.seeds.count) tiny open events below 99 %: \(below.sorted { $0.key < $1.key })")
        #expect(optimal >= Self.seeds.count * 9 / 10)
    }

    @Test("whenever some schedule holds every must, lock and session, every must is placed")
    func feasibleMustsArePlaced() throws {
        var checked = 0
        var missed: [UInt64] = []
        for seed in Self.seeds {
            let input = OpenInstances.tiny(seed: seed, rules: true)
            let musts = Self.pairs(input.requests) { $0.must }
            guard !musts.isEmpty else { continue }
            let brute = OpenBruteForce(input)
            guard musts.isSubset(of: Set(brute.pairs)), brute.bestSchedule(containing: musts) != nil else { continue }
            checked += 1
            let result = try Scheduler.schedule(input)
            #expect(ScheduleValidator(input, result).violations.isEmpty, "seed \(seed)")
            if !input.requests.filter(\.must).allSatisfy({ result.meeting($0.a, $0.b) != nil }) { missed.append(seed) }
        }
        #expect(checked > 40)
        #expect(missed.isEmpty, "feasible musts left out on seeds \(missed)")
    }

    @Test("the meetings a schedule is filled with never keep out a must that scheduling the requests alone places",
          arguments: Array(UInt64(1)...60))
    func fillingKeepsNoMustOut(seed: UInt64) throws {
        let input = OpenInstances.lockedForum(seed: seed)
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty, "seed \(seed)")
        var alone = input
        alone.onlyRequests = true
        let requestsOnly = try Scheduler.schedule(alone)
        func missing(_ result: ScheduleResult) -> [String] { input.requests.filter { result.meeting($0.a, $0.b) == nil }.map { "\($0.a)–\($0.b)" } }
        #expect(missing(result).count <= missing(requestsOnly).count,
                "seed \(seed): musts left out \(missing(result)), by the requests alone \(missing(requestsOnly))")
    }

    @Test("only the requests, keeping what was published: a published meeting no request names is dropped, saying why",
          arguments: Array(UInt64(1)...20))
    func requestsOnlyKeepingPublished(seed: UInt64) throws {
        var input = OpenInstances.lockedForum(seed: seed)
        let published = try Scheduler.schedule(input).meetings
        input.onlyRequests = true
        input.published = published
        input.keepPublished = true
        let result = try Scheduler.schedule(input)
        let named = Set(input.requests.map { Set([$0.a, $0.b]) } + input.locks.map { Set([$0.a, $0.b]) })
        #expect(result.meetings.allSatisfy { named.contains(Set([$0.a, $0.b])) }, "seed \(seed)")
        let dropped = result.changes?.dropped ?? []
        #expect(published.allSatisfy { named.contains(Set([$0.a, $0.b])) } || dropped.contains { $0.reason == "no request names the pair (--only-requests)" },
                "seed \(seed)")
    }

    @Test("only the requests, and none: no meeting, the bound is the schedule's (100 %), and the minimum's shortfall names requests")
    func requestsOnlyWithoutRequests() throws {
        var input = OpenInstances.tiny(seed: 3, rules: false, onlyRequests: true)
        input.requests = []
        input.locks = []
        input.minMeetings = 1
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.isEmpty)
        #expect(result.report.upperBound == 0 && result.report.ratio == 1, "\(result.report.upperBound)")
        let unexplained = result.report.underMinimum.filter { !$0.reason.hasPrefix("can meet at most") }
        #expect(!unexplained.isEmpty)
        #expect(unexplained.allSatisfy { $0.reason.hasPrefix("only 0 possible partners: ") && $0.reason.hasSuffix(" in no accepted request of it (--only-requests)") }, "\(unexplained)")
    }

    @Test("only the requests: every requested meeting that fits is placed, nothing else, and no agenda can have fewer breaks",
          arguments: Array(UInt64(1)...120))
    func requestsOnlyCompact(seed: UInt64) throws {
        var input = OpenInstances.tiny(seed: seed, rules: true, onlyRequests: true)
        input.requests = input.requests.map { var request = $0; request.must = true; return request }
        // Musts above a participant's capacity are refused; keep to requests that fit.
        let brute = OpenBruteForce(input)
        let wanted = Self.pairs(input.requests)
        guard wanted.isSubset(of: Set(brute.pairs)), let best = brute.mostCompact(wanted.union(input.locks.map { OpenBruteForce.Pair($0.a, $0.b) }))
        else { return }
        let result = try Scheduler.schedule(input)
        let violations = ScheduleValidator(input, result).violations
        #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(3))")
        #expect(result.meetings.count == wanted.union(input.locks.map { OpenBruteForce.Pair($0.a, $0.b) }).count, "seed \(seed)")
        let spread = result.report.breaks.spread
        let reached = (max(0, spread - input.fairness), result.report.breaks.total)
        #expect(reached == best, "seed \(seed): unfairness and breaks \(reached), the least possible \(best)")
    }

    @Test("a request in a session is placed in it; one whose session leaves no common slot is listed with the reason")
    func sessions() throws {
        let event = EventSpec(id: "s", name: "Sessions", city: "Girona", country: "ES", date: "2026-03-10", start: "09:00", slots: 4,
                              slotMinutes: 30, tables: 2, timeZone: "Europe/Madrid", pairing: .open,
                              sessions: [EventSession(name: "morning", slots: SlotSet(1...2)), EventSession(name: "afternoon", slots: SlotSet(3...4))])
        let people = [Participant(company: "A", maxMeetings: 3, available: .all(4)), Participant(company: "B", maxMeetings: 3, available: .all(4)),
                      Participant(company: "C", maxMeetings: 3, available: SlotSet([1, 2]))]
        let input = SchedulingInput(event: event, participants: people,
                                    requests: [MeetingRequest(a: "A", b: "B", must: true, session: "afternoon"),
                                               MeetingRequest(a: "C", b: "A", must: true, session: "afternoon"),
                                               MeetingRequest(a: "B", b: "C", must: false, session: "morning")],
                                    scores: PairScores(pairs: []), onlyRequests: true)
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect((3...4).contains(result.meeting("A", "B")?.slot ?? 0))
        #expect((1...2).contains(result.meeting("B", "C")?.slot ?? 0))
        #expect(result.meeting("A", "C") == nil)
        let unplaced = try #require(result.unplacedRequests.first)
        #expect(result.unplacedRequests.count == 1 && unplaced.request.session == "afternoon")
        #expect(unplaced.reason.contains("session 'afternoon'"), "\(unplaced.reason)")
        // In an open event, a meeting names the company that sorts first as `a`.
        #expect(result.meetings.allSatisfy { $0.a < $0.b })
    }

    @Test("a session the event does not have is refused, naming it")
    func unknownSession() {
        var input = OpenInstances.tiny(seed: 3, rules: false)
        input.requests = [MeetingRequest(a: "P1", b: "P2", must: false, session: "evening")]
        let problems: [String] = Fixture.problems(input) ?? []
        #expect(problems.contains { (problem: String) in problem.contains("'evening'") && problem.contains("early, late") }, "\(problems)")
    }

    @Test("the night between two days is no break, and each slot keeps its own date and time")
    func days() throws {
        let event = EventSpec(id: "d", name: "Two days", city: "Beijing", country: "CN",
                              days: [EventDay(date: "2026-06-22", start: "09:00", slots: 3, breakAfter: 2, breakMinutes: 30),
                                     EventDay(date: "2026-06-23", start: "10:00", slots: 3)],
                              slotMinutes: 20, tables: 1, timeZone: "Asia/Shanghai", pairing: .open)
        #expect(event.problems.isEmpty && event.slots == 6)
        #expect((1...6).map(event.date(ofSlot:)) == ["2026-06-22", "2026-06-22", "2026-06-22", "2026-06-23", "2026-06-23", "2026-06-23"])
        #expect((1...6).map(event.startTime(ofSlot:)) == ["09:00", "09:20", "10:10", "10:00", "10:20", "10:40"])
        #expect(event.slots(ofDay: 1) == 4...6 && event.day(ofSlot: 4) == 1)
        // X meets Y on the last slot of day 1 and Z on the first of day 2: no break. W, only in
        // slots 1 and 3, cannot avoid one.
        let people = [Participant(company: "X", maxMeetings: 2, available: SlotSet([3, 4])), Participant(company: "Y", maxMeetings: 1, available: SlotSet([3])),
                      Participant(company: "Z", maxMeetings: 1, available: SlotSet([4])), Participant(company: "W", maxMeetings: 2, available: SlotSet([1, 3, 6])),
                      Participant(company: "V", maxMeetings: 1, available: SlotSet([1])), Participant(company: "U", maxMeetings: 1, available: SlotSet([6]))]
        let input = SchedulingInput(event: event, participants: people,
                                    requests: [MeetingRequest(a: "X", b: "Y", must: true), MeetingRequest(a: "X", b: "Z", must: true),
                                               MeetingRequest(a: "W", b: "V", must: true), MeetingRequest(a: "W", b: "U", must: true)],
                                    scores: PairScores(pairs: []), onlyRequests: true)
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(result.meetings.count == 4)
        // W meets in slots 1 (day 1) and 6 (day 2): no break either; nobody has one.
        #expect(result.report.breaks == QualityReport.Breaks(total: 0, max: 0, spread: 0))
        #expect(result.report.idleSlots == 0)
    }

    @Test("a one-day event written with the single-day fields and with days is the same event, in JSON too")
    func singleDayFields() throws {
        let single = Fixture.event(slots: 6, tables: 2, start: "08:00", slotMinutes: 20, breakAfter: 3, breakMinutes: 30)
        #expect(single.days == [EventDay(date: "2025-12-05", start: "08:00", slots: 6, breakAfter: 3, breakMinutes: 30)])
        let encoded = try JSONEncoder().encode(single)
        #expect(try JSONDecoder().decode(EventSpec.self, from: encoded) == single)
        let old = #"{"id":"e","name":"E","city":"Oakland","country":"US","date":"2025-12-05","start":"08:00","slots":6,"slotMinutes":20,"breakAfter":3,"breakMinutes":30,"tables":2,"timeZone":"America/Los_Angeles"}"#
        let decoded = try JSONDecoder().decode(EventSpec.self, from: Data(old.utf8))
        #expect(decoded.days == single.days && decoded.pairing == .sides && decoded.delegation == "CN")
        var edited = single
        edited.slots = 8
        #expect(edited.days[0].slots == 8)
    }

    @Test("days out of order, a session outside the slots and a day past midnight are refused, naming the day")
    func dayProblems() {
        let event = EventSpec(id: "d", name: "Days", city: "X", country: "FR",
                              days: [EventDay(date: "2026-06-23", start: "09:00", slots: 3), EventDay(date: "2026-06-22", start: "23:00", slots: 6)],
                              slotMinutes: 20, tables: 1, timeZone: "Europe/Paris",
                              sessions: [EventSession(name: "late", slots: SlotSet([8, 12]))])
        let problems = event.problems
        #expect(problems.contains { $0.hasPrefix("day 2 (2026-06-22)") && $0.contains("in order") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("day 2 (2026-06-22)") && $0.contains("past midnight") }, "\(problems)")
        #expect(problems.contains { $0.contains("'late'") && $0.contains("12") && $0.contains("outside 1–9") }, "\(problems)")
    }

    @Test("open events: the same input gives the same schedule", arguments: Array(UInt64(1)...20))
    func deterministic(seed: UInt64) throws {
        let input = OpenInstances.tiny(seed: seed, rules: true)
        let runs = try DeterminismTests.runs(input, 3)
        #expect(runs.dropFirst().allSatisfy { DeterminismTests.identical(runs[0], $0) }, "seed \(seed)")
    }
}
