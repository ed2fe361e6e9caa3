import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// Musts left out by the placement searches are timed afresh, exactly: as many are placed as any
/// timing holds, and when some cannot be, the schedule says that no timing holds more.
@Suite("Exact timing of musts")
struct MustTimingTests {
    @Test("every must of a forum whose musts all fit a hidden timetable is placed, many of them locked",
          arguments: Array(UInt64(1)...60))
    func hiddenTimetableHeld(seed: UInt64) throws {
        for onlyRequests in [false, true] {
            var input = OpenInstances.lockedForum(seed: seed)
            input.onlyRequests = onlyRequests
            let result = try Scheduler.schedule(input)
            #expect(ScheduleValidator(input, result).violations.isEmpty, "seed \(seed)")
            let missing = input.requests.filter { result.meeting($0.a, $0.b) == nil }.map { "\($0.a)–\($0.b)" }
            #expect(missing.isEmpty, "seed \(seed), only requests \(onlyRequests): musts left out \(missing)")
        }
    }

    /// A tiny open event with requests only, each of them a must.
    static func everyRequestAMust(seed: UInt64) -> SchedulingInput {
        var input = OpenInstances.tiny(seed: seed, rules: true, onlyRequests: true)
        input.requests = input.requests.map { var request = $0; request.must = true; return request }
        return input
    }

    @Test("tiny events: as many musts are placed as any schedule holds, and one left out says no timing holds more")
    func mostMustsPlaced() throws {
        var short = 0
        for seed in OpenEventTests.seeds {
            let input = Self.everyRequestAMust(seed: seed)
            guard let result = try? Scheduler.schedule(input) else { continue }   // more musts than someone can meet
            #expect(ScheduleValidator(input, result).violations.isEmpty, "seed \(seed)")
            let brute = OpenBruteForce(input)
            let musts = OpenEventTests.pairs(input.requests).intersection(brute.pairs)
            let most = brute.mostHeld(musts)
            let held = musts.filter { result.meeting($0.a, $0.b) != nil }.count
            #expect(held == most, "seed \(seed): \(held) musts placed, a schedule holds \(most)")
            guard held < musts.count else { continue }
            short += 1
            for unplaced in result.unplacedRequests where musts.contains(OpenBruteForce.Pair(unplaced.request.a, unplaced.request.b)) {
                #expect(unplaced.reason.contains("no timing holds every must-meet request: at most \(most) of the \(musts.count) fit together"),
                        "seed \(seed): \(unplaced.reason)")
            }
        }
        #expect(short >= 5, "only \(short) tiny events leave a must out")
    }

    @Test("the free tables' bound on musts is what an exhaustive search finds the tables alone can hold, each must in one of its slots")
    func tableBound() throws {
        var below = 0
        for seed in OpenEventTests.seeds {
            var input = Self.everyRequestAMust(seed: seed)
            input.locks = []
            let model = try EventModel(input)
            let bound = MustRoom(Timetable(model: model), musts: model.placeableMusts()).mostByTables
            let brute = OpenBruteForce(input)
            let options = OpenEventTests.pairs(input.requests).compactMap { brute.slotsOf[$0] }
            var load = [Int](repeating: 0, count: input.event.slots + 1), most = 0
            func step(_ i: Int, _ held: Int) {
                guard i < options.count else { most = max(most, held); return }
                step(i + 1, held)
                for slot in options[i] where load[slot] < input.event.tables {
                    load[slot] += 1
                    step(i + 1, held + 1)
                    load[slot] -= 1
                }
            }
            step(0, 0)
            #expect(bound == most, "seed \(seed)")
            if most < options.count { below += 1 }
        }
        #expect(below >= 5, "only \(below) tiny events have more musts than their tables hold")
    }

    @Test("three musts between three participants in two slots: two are placed, the third is named with the reason")
    func triangle() throws {
        let people = ["A", "B", "C"].map { Participant(company: $0, maxMeetings: 2, available: SlotSet([1, 2])) }
        let event = EventSpec(id: "triangle", name: "Triangle", city: "Girona", country: "ES",
                              days: [EventDay(date: "2026-03-10", start: "09:00", slots: 2)], slotMinutes: 20, tables: 3,
                              timeZone: "Europe/Madrid", pairing: .open)
        var input = SchedulingInput(event: event, participants: people,
                                    scores: PairScores(pairs: [PairScore(a: "A", b: "B", score: 0.5), PairScore(a: "B", b: "C", score: 0.5),
                                                               PairScore(a: "A", b: "C", score: 0.5)]))
        input.requests = [MeetingRequest(a: "A", b: "B", must: true), MeetingRequest(a: "B", b: "C", must: true),
                          MeetingRequest(a: "A", b: "C", must: true)]
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count == 2)
        #expect(result.unplacedRequests.map(\.reason) == ["no timing holds every must-meet request: at most 2 of the 3 fit together"])
    }
}
