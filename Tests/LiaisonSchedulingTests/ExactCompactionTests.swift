import LiaisonCore
@testable import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// The exact search for fewer breaks (`exactSearch`): its counting clauses against brute force,
/// and its agendas against every timing of the same meetings, enumerated independently.
@Suite("Exact search for fewer breaks, against brute force")
struct ExactCompactionTests {
    @Test("a totalizer's outputs count its true inputs (both ways when exact); at most one allows one", arguments: 1...7)
    func counting(inputs: Int) {
        let limit = max(1, inputs - 1)
        for bits in 0..<(1 << inputs) {
            let solver = SATSolver()
            let literals = (0..<inputs).map { _ in solver.variable() }
            let exact = solver.totalizer(literals, limit: limit, exact: true)
            let upward = solver.totalizer(literals, limit: limit)
            #expect(exact.count == min(inputs, limit) && upward.count == exact.count)
            let fixed = literals.enumerated().map { bits & (1 << $0.offset) != 0 ? $0.element : -$0.element }
            let trueCount = bits.nonzeroBitCount
            for (i, output) in exact.enumerated() {
                let atLeast = trueCount >= i + 1
                #expect(solver.solve(assuming: fixed + [atLeast ? -output : output], until: .distantFuture) == .unsatisfiable,
                        "inputs \(bits): exact output \(i) must be \(atLeast)")
            }
            for (i, output) in upward.enumerated() where trueCount >= i + 1 {
                #expect(solver.solve(assuming: fixed + [-output], until: .distantFuture) == .unsatisfiable,
                        "inputs \(bits): output \(i) must be true")
            }
            let single = SATSolver()
            let others = (0..<inputs).map { _ in single.variable() }
            single.atMostOne(others)
            let chosen = others.enumerated().map { bits & (1 << $0.offset) != 0 ? $0.element : -$0.element }
            #expect(single.solve(assuming: chosen, until: .distantFuture) == (trueCount <= 1 ? .satisfiable : .unsatisfiable),
                    "inputs \(bits): at most one")
        }
    }

    @Test("a raised stop ends every solve after it, as a deadline does")
    func stop() {
        let stop = StopSignal()
        let solver = SATSolver(stop: stop)
        let literals = (0..<3).map { _ in solver.variable() }
        solver.add(literals)
        #expect(solver.solve(until: .distantFuture) == .satisfiable)
        stop.raise()
        #expect(solver.solve(until: .distantFuture) == .unknown)
        #expect(solver.solve(assuming: [-literals[0]], until: .distantFuture) == .unknown)
    }

    /// A solver holding the pigeonhole formula: `holes` + 1 pigeons, each in a hole, no two in
    /// one. Unsatisfiable, and hard for a CDCL solver: it learns many clauses on the way.
    static func pigeonhole(_ holes: Int) -> SATSolver {
        let solver = SATSolver()
        let sits = (0...holes).map { _ in (0..<holes).map { _ in solver.variable() } }
        for pigeon in sits { solver.add(pigeon) }
        for hole in 0..<holes { solver.atMostOne(sits.map { $0[hole] }) }
        return solver
    }

    @Test("an effort ends the solves once the solver has learned that many clauses in all (weighed by its size), at the same point on every run")
    func effort() {
        let first = Self.pigeonhole(9), second = Self.pigeonhole(9)
        // An effort of 3,000 conflicts in a formula this size.
        let limit = SolveLimit(effort: 3_000 * first.conflictWeight)
        #expect(first.solve(until: limit) == .unknown)
        // The solver looks at its limit often, not at every conflict: it stops a little after.
        #expect(first.learned >= 3_000 && first.learned < 3_500, "learned \(first.learned)")
        #expect(second.solve(until: limit) == .unknown)
        #expect(second.learned == first.learned, "two runs stopped at \(first.learned) and \(second.learned) learned clauses")
        // The effort counts over every solve: a later one within the same limit does no more.
        let spent = first.learned
        #expect(first.solve(until: limit) == .unknown && first.learned == spent)
        // Without a limit the same kind of formula is refuted, having learned clauses on the way.
        let small = Self.pigeonhole(6)
        #expect(small.solve(until: SolveLimit()) == .unsatisfiable && small.learned > 0)
    }

    @Test("a limit with one beyond it lets the solve go on where it is: it ends as a solve without the first limit does, at the same point; given none, it gives up there")
    func beyond() {
        let whole = Self.pigeonhole(7)
        #expect(whole.solve(until: SolveLimit()) == .unsatisfiable)
        let first = Self.pigeonhole(7)
        let early = SolveLimit(effort: 500 * first.conflictWeight)
        var goingOn = early
        goingOn.beyond = { SolveLimit() }
        #expect(first.solve(until: goingOn) == .unsatisfiable)
        // Interrupted and solved again, a solver starts over from what it learned: the same count
        // of learned clauses means the solve never stopped at the first limit.
        #expect(first.learned == whole.learned, "learned \(first.learned) against \(whole.learned) without a limit")
        let second = Self.pigeonhole(7)
        var givingUp = early
        givingUp.beyond = { nil }
        #expect(second.solve(until: givingUp) == .unknown)
        #expect(second.learned >= 500 && second.learned < 1_000, "learned \(second.learned)")
    }

    @Test("a climb out of its own budget goes on when the count asked of it is within its reach, and only then")
    func climbWithinReach() throws {
        var reached = 0
        for seed in UInt64(1)...40 {
            let instance = Instance(seed: seed)
            let timings = instance.timings()
            guard let start = timings.first else { continue }
            let fairness = instance.input.fairness
            guard let fewest = timings.map(instance.value).filter({ $0.most <= fairness }).map(\.breaks).min(), fewest < 3 else { continue }
            // No effort of its own: the climb's first solve is at its limit at once, floor 0.
            let asked = fewest + 1
            for breaks in [asked, asked - 1] {
                let climb = ExactClimb(try instance.timetable(start), limit: 3, until: SolveLimit(effort: 0),
                                       reach: ExactClimb.Reach(breaks: breaks, limit: SolveLimit()))
                climb.stop(atFloor: asked)
                climb.wait()
                if breaks >= asked {
                    let agendas = try #require(climb.found, "seed \(seed): within reach, the climb goes on to the fewest, \(fewest)")
                    #expect(instance.value(try instance.timing(of: agendas)).breaks == fewest, "seed \(seed)")
                    reached += 1
                } else {
                    #expect(climb.found == nil && climb.floor == 0, "seed \(seed): out of reach, the climb ends at its own limit")
                }
            }
        }
        #expect(reached >= 15, "reached \(reached)")
    }

    @Test("from random timings, the fewest breaks of any fair timing of the same meetings, proven, every rule held")
    func fewestFromRandomStarts() throws {
        var proven = 0, improved = 0, cases = 0
        for seed in UInt64(1)...60 {
            let instance = Instance(seed: seed)
            let timings = instance.timings()
            guard !timings.isEmpty else { continue }
            let fewest = instance.fairest(timings)
            var random = SeededGenerator(seed: seed, stream: 41, index: 0)
            // Any timing, and one where no one has more than a break although the fewest may
            // need someone with more (fairness allows 2).
            let calm = timings.filter { instance.value($0).most <= 1 && instance.value($0).breaks > fewest.breaks }
            let starts = [timings[random.below(timings.count)]] + (calm.isEmpty ? [] : [calm[random.below(calm.count)]])
            for start in starts {
                var timetable = try instance.timetable(start)
                let before = instance.value(start)
                let outcome = ExactCompaction.improve(&timetable, budget: .seconds(30))
                let after = try instance.timing(of: timetable)
                cases += 1
                #expect(instance.isValid(after), "seed \(seed): a rule is broken")
                #expect(Set(after.keys) == Set(start.keys), "seed \(seed): the meetings changed")
                let value = instance.value(after)
                #expect(outcome.before == before.breaks && outcome.after == value.breaks, "seed \(seed): \(outcome) against \(before) → \(value)")
                #expect(value.breaks <= before.breaks && value.unfairness <= before.unfairness, "seed \(seed): worse than the start")
                if value.breaks < before.breaks { improved += 1 }
                if outcome.proven {
                    proven += 1
                    #expect(value.breaks == fewest.breaks && fewest.unfairness == 0, "seed \(seed): proven at \(value), the fewest is \(fewest)")
                }
                if before.unfairness == 0 && before.least == 0 && fewest.unfairness == 0 {
                    #expect(outcome.proven, "seed \(seed): fair from zero, so the search must end with a proof")
                }
            }
        }
        #expect(cases >= 60 && improved >= 20 && proven >= cases / 2, "cases \(cases), improved \(improved), proven \(proven)")
    }

    @Test("from starts where everyone has a break, fair or not: the fewest breaks of any timing as fair, no one above the start's most",
          arguments: [0, 1])
    func fewestAsFair(fairness: Int) throws {
        var cases = 0, improved = 0, unfair = 0
        for seed in UInt64(1)...40 {
            var instance = Instance(everyoneMeetsEveryone: seed)
            instance.input.fairness = fairness
            let timings = instance.timings()
            var random = SeededGenerator(seed: seed, stream: 53, index: 0)
            // Counts fair from zero are the other tests' case; here the least is above it.
            let starts = timings.filter { instance.value($0).least > 0 }
            guard !starts.isEmpty else { continue }
            let start = starts[random.below(starts.count)]
            let before = instance.value(start)
            let spread = fairness + before.unfairness
            let fewest = try #require(timings.map(instance.value).filter { $0.most <= before.most && $0.most - $0.least <= spread }
                .map(\.breaks).min())
            var timetable = try instance.timetable(start)
            let outcome = ExactCompaction.improve(&timetable, budget: .seconds(30))
            let after = try instance.timing(of: timetable)
            let value = instance.value(after)
            cases += 1
            #expect(instance.isValid(after) && Set(after.keys) == Set(start.keys), "seed \(seed)")
            #expect(value.most <= before.most && value.unfairness <= before.unfairness, "seed \(seed): \(value) from \(before)")
            #expect(outcome.after == value.breaks && value.breaks == fewest, "seed \(seed): \(value) from \(before), the fewest is \(fewest)")
            if value.breaks < before.breaks { improved += 1 }
            if before.unfairness > 0 { unfair += 1 }
        }
        // Three meetings give at most two breaks: with a fairness of 1, counts above zero are fair.
        #expect(cases >= 30 && improved >= 10 && (fairness > 0 || unfair >= 5), "cases \(cases), improved \(improved), unfair \(unfair)")
    }

    @Test("a climb finds the fewest breaks of any timing with every count within the fairness, and its floor is that count")
    func climb() throws {
        var found = 0
        for seed in UInt64(1)...60 {
            let instance = Instance(seed: seed)
            let timings = instance.timings()
            guard let start = timings.first else { continue }
            let fairness = instance.input.fairness
            let fewest = timings.map(instance.value).filter { $0.most <= fairness }.map(\.breaks).min()
            let limit = 3
            let climb = ExactClimb(try instance.timetable(start), limit: limit, until: SolveLimit())
            climb.wait()
            if let fewest, fewest < limit {
                let agendas = try #require(climb.found, "seed \(seed): the fewest is \(fewest)")
                let timing = try instance.timing(of: agendas)
                #expect(instance.isValid(timing) && Set(timing.keys) == Set(start.keys), "seed \(seed)")
                #expect(instance.value(timing).breaks == fewest && instance.value(timing).most <= fairness, "seed \(seed)")
                #expect(climb.floor == fewest, "seed \(seed)")
                found += 1
            } else {
                #expect(climb.found == nil && climb.floor == limit, "seed \(seed): none within the fairness below \(limit)")
            }
        }
        #expect(found >= 30, "found \(found)")
    }

    @Test("compacting with the climb beside: never worse than the compaction alone, whose agendas stay when the climb finds no fewer breaks; proven at the fewest; the same each time",
          arguments: [ExactBudget.seconds(30), .standard])
    func compactWithClimb(budget: ExactBudget) throws {
        // Beside a search in seconds, the compaction anneals once; in conflicts (the standard
        // search), as it does without a search.
        let inSeconds = if case .seconds = budget { true } else { false }
        var cases = 0, proven = 0, keptCompaction = 0, keptClimb = 0
        for seed in UInt64(1)...60 {
            let instance = Instance(seed: seed)
            let timings = instance.timings()
            guard !timings.isEmpty else { continue }
            let fewest = instance.fairest(timings)
            var random = SeededGenerator(seed: seed, stream: 47, index: 0)
            let start = timings[random.below(timings.count)]
            var compacted = try instance.timetable(start)
            Compaction.compact(&compacted, besideSearch: inSeconds)
            let alone = instance.value(try instance.timing(of: compacted))
            var timetable = try instance.timetable(start)
            let outcome = ExactCompaction.compact(&timetable, budget: budget)
            let after = try instance.timing(of: timetable)
            let value = instance.value(after)
            cases += 1
            #expect(instance.isValid(after), "seed \(seed): a rule is broken")
            #expect(Set(after.keys) == Set(start.keys), "seed \(seed): the meetings changed")
            #expect(outcome.after == value.breaks, "seed \(seed): \(outcome) against \(value)")
            #expect((value.unfairness, value.breaks) <= (alone.unfairness, alone.breaks), "seed \(seed): \(value) against \(alone) alone")
            if alone.unfairness == 0 && alone.breaks == value.breaks {
                #expect(after == (try instance.timing(of: compacted)), "seed \(seed): the compaction's agendas were as good")
                keptCompaction += 1
            } else {
                keptClimb += 1
            }
            if outcome.proven {
                proven += 1
                #expect(value.breaks == fewest.breaks && fewest.unfairness == 0, "seed \(seed): proven at \(value), the fewest is \(fewest)")
            }
            if value.unfairness == 0 && value.least == 0 {
                #expect(outcome.proven, "seed \(seed): fair from zero, so the search must end with a proof")
            }
            var again = try instance.timetable(start)
            _ = ExactCompaction.compact(&again, budget: budget)
            #expect(try instance.timing(of: again) == after, "seed \(seed): the same agendas each time")
        }
        #expect(cases >= 50 && proven >= cases / 2 && keptCompaction > 0, "cases \(cases), proven \(proven), kept \(keptCompaction) and \(keptClimb)")
    }

    @Test("when the fewest breaks need someone at two (the fairness allows it), starts with at most one each still reach them")
    func fewestNeedingTwo() throws {
        // Found by brute force over 5,000 random tiny events, the one where this happens: P2's
        // three meetings fit only around P1's fixed day, and spreading them saves others more.
        let instance = Instance(slots: 6, tables: 3, available: [[1, 2, 3, 6], [1, 3, 5, 6], [2, 3, 4, 5, 6], [2, 3, 4, 6], [2, 3, 4, 5]],
                                pairs: [(1, 2), (1, 5), (1, 4), (1, 3), (2, 3), (2, 5)])
        let timings = instance.timings()
        let fewest = try #require(timings.map(instance.value).filter { $0.unfairness == 0 }.map(\.breaks).min())
        let calm = timings.filter { instance.value($0).most <= 1 }
        #expect(!calm.isEmpty && calm.allSatisfy { instance.value($0).breaks > fewest }, "the case this test is about")
        for start in calm {
            var timetable = try instance.timetable(start)
            let outcome = ExactCompaction.improve(&timetable, budget: .seconds(30))
            let after = try instance.timing(of: timetable)
            #expect(instance.isValid(after) && Set(after.keys) == Set(start.keys))
            #expect(outcome.after == fewest && instance.value(after).breaks == fewest && outcome.proven,
                    "from \(instance.value(start)): \(outcome), the fewest is \(fewest)")
        }
    }

    @Test("an event whose formula would be too large is left as it is, and says so")
    func tooLarge() throws {
        let instance = try #require((UInt64(1)...60).lazy.map(Instance.init(seed:)).first { instance in
            instance.timings().contains { instance.value($0).breaks > 0 }
        })
        let start = try #require(instance.timings().first { instance.value($0).breaks > 0 })
        var timetable = try instance.timetable(start)
        let clauses = instance.pairs.count * instance.input.event.slots - 1
        let outcome = ExactCompaction.improve(&timetable, budget: .seconds(30), clauses: clauses)
        #expect(outcome.tooLarge && !outcome.proven && outcome.after == outcome.before)
        #expect(try instance.timing(of: timetable) == start)
        #expect(!ExactCompaction.improve(&timetable, budget: .seconds(30), clauses: BreakFormula.clauseLimit).tooLarge)
    }

    @Test("the scheduler reports the proof, and without an exact search reports none")
    func reported() throws {
        let instance = Instance(seed: 7)
        var input = instance.input
        let plain = try Scheduler.schedule(input)
        #expect(plain.report.breaks.fewestProven == nil)
        input.exactSearch = .seconds(30)
        let exact = try Scheduler.schedule(input)
        #expect(exact.report.breaks.fewestProven == true && exact.report.breaks.tooLargeToSearch == nil)
        #expect(exact.report.breaks.total <= plain.report.breaks.total)
        #expect(Set(exact.meetings.map { [$0.a, $0.b] }) == Set(plain.meetings.map { [$0.a, $0.b] }))
    }

    @Test("the scheduler says when an event was too large for the exact search, and claims no proof")
    func reportedTooLarge() throws {
        // About 1,500 meetings over 60 slots with scattered availability: hundreds of breaks, so
        // the formula's counter would need far more than its limit of clauses.
        var input = RandomEvent.make(RandomEvent.Shape(delegates: 120, hosts: 120, slots: 60, tables: 60, availability: 0.5,
                                                       maxMeetings: 14), seed: 3)
        input.exactSearch = .seconds(30)
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count > 1_000 && result.report.breaks.total > 100, "\(result.meetings.count), \(result.report.breaks)")
        #expect(result.report.breaks.tooLargeToSearch == true && result.report.breaks.fewestProven == false)
    }
}

/// A small open event whose requests are all musts, and every way of timing them, enumerated
/// without Liaison's code: availability, representatives and tables checked here, breaks
/// counted here.
private struct Instance {
    var input: SchedulingInput
    let pairs: [[String]]
    let allowed: [[Int]]

    init(seed: UInt64) {
        var random = SeededGenerator(seed: seed, stream: 43, index: 0)
        let slots = 5 + random.below(3)
        let days = random.chance(0.3) ? [EventDay(date: "2026-03-10", start: "09:00", slots: slots / 2),
                                          EventDay(date: "2026-03-11", start: "09:00", slots: slots - slots / 2)]
            : [EventDay(date: "2026-03-10", start: "09:00", slots: slots)]
        let tables = 2 + random.below(2)
        let people = (1...6).map { i in
            Participant(company: "P\(i)", maxMeetings: slots, available: SlotSet((1...slots).filter { _ in random.chance(0.85) }),
                        reps: random.chance(0.1) ? 2 : 1)
        }
        var pairs: [[String]] = []
        for i in 1...6 {
            for j in (i + 1)...7 where j <= 6 && random.chance(0.45) { pairs.append(["P\(i)", "P\(j)"]) }
        }
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.company, $0) })
        pairs = Array(pairs.filter { !byID[$0[0]]!.available.intersection(byID[$0[1]]!.available).isEmpty }.prefix(7))
        self.init(id: "x\(seed)", days: days, tables: tables, people: people, pairs: pairs)
    }

    /// Four participants, each pair of them meeting, on one day of 6 to 8 slots: everyone has
    /// three meetings, so that timings where everyone has a break abound.
    init(everyoneMeetsEveryone seed: UInt64) {
        var random = SeededGenerator(seed: seed, stream: 59, index: 0)
        let slots = 6 + random.below(3)
        let people = (1...4).map { i in
            Participant(company: "P\(i)", maxMeetings: slots, available: SlotSet((1...slots).filter { _ in random.chance(0.9) }))
        }
        let pairs = (1...3).flatMap { i in ((i + 1)...4).map { ["P\(i)", "P\($0)"] } }
        self.init(id: "k\(seed)", days: [EventDay(date: "2026-03-10", start: "09:00", slots: slots)], tables: 2 + random.below(2),
                  people: people, pairs: pairs)
    }

    /// One day of `slots` slots: participant Pi is available in `available[i - 1]`, each of
    /// `pairs` (numbers i, j) must meet.
    init(slots: Int, tables: Int, available: [[Int]], pairs: [(Int, Int)]) {
        let people = available.enumerated().map { Participant(company: "P\($0.offset + 1)", maxMeetings: slots, available: SlotSet($0.element)) }
        self.init(id: "hand", days: [EventDay(date: "2026-03-10", start: "09:00", slots: slots)], tables: tables, people: people,
                  pairs: pairs.map { ["P\($0.0)", "P\($0.1)"] })
    }

    private init(id: String, days: [EventDay], tables: Int, people: [Participant], pairs: [[String]]) {
        let slots = days.reduce(0) { $0 + $1.slots }
        let event = EventSpec(id: id, name: "Exact \(id)", city: "Girona", country: "ES", days: days, slotMinutes: 20,
                              tables: tables, timeZone: "Europe/Madrid", pairing: .open)
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.company, $0) })
        self.pairs = pairs
        allowed = pairs.map { pair in (1...slots).filter { byID[pair[0]]!.available.contains($0) && byID[pair[1]]!.available.contains($0) } }
        input = SchedulingInput(event: event, participants: people,
                                requests: pairs.map { MeetingRequest(a: $0[0], b: $0[1], must: true) },
                                scores: PairScores(pairs: pairs.map { PairScore(a: $0[0], b: $0[1], score: 0.5) }), onlyRequests: true)
    }

    /// Every timing (pair index → slot) that keeps the rules.
    func timings() -> [[Int: Int]] {
        var all: [[Int: Int]] = [], chosen: [Int: Int] = [:]
        func step(_ i: Int) {
            guard all.count < 200_000 else { return }
            if i == pairs.count { all.append(chosen); return }
            for slot in allowed[i] {
                chosen[i] = slot
                if isValid(chosen) { step(i + 1) }
                chosen[i] = nil
            }
        }
        step(0)
        return all
    }

    func isValid(_ timing: [Int: Int]) -> Bool {
        var perSlot: [Int: Int] = [:], busy: [String: Int] = [:]
        for (i, slot) in timing {
            guard allowed[i].contains(slot) else { return false }
            perSlot[slot, default: 0] += 1
            for company in pairs[i] { busy["\(company)@\(slot)", default: 0] += 1 }
        }
        let reps = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0.reps) })
        return perSlot.values.allSatisfy { $0 <= input.event.tables }
            && busy.allSatisfy { $0.value <= reps[String($0.key.split(separator: "@")[0])]! }
    }

    /// The value of the fairest of `timings` with the fewest breaks (`timings` not empty).
    func fairest(_ timings: [[Int: Int]]) -> (unfairness: Int, breaks: Int, least: Int, most: Int) {
        timings.map(value).min { ($0.unfairness, $0.breaks) < ($1.unfairness, $1.breaks) }!
    }

    /// How far the spread of break counts exceeds the fairness, the total, the least and the most.
    func value(_ timing: [Int: Int]) -> (unfairness: Int, breaks: Int, least: Int, most: Int) {
        var taken: [String: Set<Int>] = [:]
        for (i, slot) in timing { for company in pairs[i] { taken[company, default: []].insert(slot) } }
        let counts = taken.values.map { slots in
            input.event.days.indices.reduce(0) { total, day in
                let here = slots.filter { input.event.slots(ofDay: day).contains($0) }
                guard let first = here.min(), let last = here.max() else { return total }
                return total + (first...last).filter { !here.contains($0) && here.contains($0 + 1) }.count
            }
        }
        let least = counts.min() ?? 0
        return (max(0, (counts.max() ?? 0) - least - input.fairness), counts.reduce(0, +), least, counts.max() ?? 0)
    }

    func timetable(_ timing: [Int: Int]) throws -> Timetable {
        let model = try EventModel(input)
        var timetable = Timetable(model: model)
        for (i, slot) in timing { timetable.place(try #require(model.key(pairs[i][0], pairs[i][1])), in: slot) }
        return timetable
    }

    func timing(of timetable: Timetable) throws -> [Int: Int] {
        let model = timetable.model
        var timing: [Int: Int] = [:]
        for (i, pair) in pairs.enumerated() {
            if let placement = timetable.placements[try #require(model.key(pair[0], pair[1]))] { timing[i] = placement.slot }
        }
        #expect(timing.count == timetable.placements.count)
        return timing
    }
}
