import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// König's edge-colouring theorem: a bipartite graph whose degrees are at most D splits into D
/// matchings. With everyone available in every slot, one representative each, at most `slots`
/// meetings each and tables that never bind, every pair the selection picks fits in the day.
@Suite("König: when tables never bind, every selected meeting is placed")
struct KonigTests {
    static func konigShape(seed: UInt64) -> RandomEvent.Shape {
        var random = SeededGenerator(seed: seed, stream: 4, index: 0)
        let slots = 2 + random.below(7)
        let delegates = 3 + random.below(14)
        return RandomEvent.Shape(delegates: delegates, hosts: 3 + random.below(16), slots: slots,
                                 tables: delegates + random.below(3), availability: 1, maxMeetings: 1 + random.below(slots),
                                 twoRepresentatives: 0, unrelated: 0.1 + 0.4 * random.unit())
    }

    @Test("random full-availability events: the total equals the exact upper bound", arguments: Array(UInt64(1)...60))
    func totalEqualsBound(seed: UInt64) throws {
        let input = RandomEvent.make(Self.konigShape(seed: seed), seed: seed)
        let delegates = input.participants.filter { $0.side == .delegate }.count
        try #require(input.event.tables >= delegates && input.participants.allSatisfy { $0.reps == 1 && $0.maxMeetings <= input.event.slots })
        let result = try Scheduler.schedule(input)
        #expect(abs(result.report.totalScore - result.report.upperBound) <= 1e-9,
                "seed \(seed): total \(result.report.totalScore), bound \(result.report.upperBound)")
        #expect(ScheduleValidator(input, result).violations.isEmpty)
    }

    /// `n` delegates and `n` hosts, each delegate meeting the `k` hosts after it (mod n) and
    /// blocked from the rest: a k-regular bipartite graph, one meeting per slot for everyone.
    static func circulant(n: Int, k: Int, seed: UInt64) -> (input: SchedulingInput, edges: Set<[String]>) {
        var random = SeededGenerator(seed: seed)
        let delegates = (0..<n).map { Fixture.delegate("D\($0)", max: k, slots: Array(1...k)) }
        let hosts = (0..<n).map { Fixture.host("H\($0)", max: k, slots: Array(1...k)) }
        var scores: [String: Double] = [:]
        var blocks: [PairBlock] = []
        var edges = Set<[String]>()
        for d in 0..<n {
            for h in 0..<n {
                if (h - d + n) % n < k {
                    scores["D\(d)|H\(h)"] = 0.05 + 0.95 * random.unit()
                    edges.insert(["D\(d)", "H\(h)"])
                } else {
                    scores["D\(d)|H\(h)"] = 1 // tempting, but blocked
                    blocks.append(PairBlock(a: "D\(d)", b: "H\(h)"))
                }
            }
        }
        return (Fixture.input(slots: k, tables: n, delegates + hosts, scores: scores, blocks: blocks), edges)
    }

    @Test("a k-regular bipartite demand fills every slot of every participant",
          arguments: [(n: 6, k: 3), (n: 8, k: 5), (n: 7, k: 7), (n: 10, k: 6), (n: 12, k: 4)])
    func regularDemandIsFullyScheduled(n: Int, k: Int) throws {
        let (input, edges) = Self.circulant(n: n, k: k, seed: UInt64(n * 100 + k))
        let result = try Scheduler.schedule(input)
        #expect(Set(result.meetings.map { [$0.delegate, $0.host] }) == edges)
        for p in input.participants {
            let slots = result.meetings.filter { $0.delegate == p.company || $0.host == p.company }.map(\.slot)
            #expect(slots.sorted() == Array(1...k), "\(p.company) meets in slots \(slots.sorted())")
        }
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(abs(result.report.ratio - 1) <= 1e-9)
        #expect(result.report.idleGaps.max == 0)
        // As many tables as hosts: every host keeps one table all day.
        for host in input.participants where host.side == .host {
            #expect(Set(result.meetings.filter { $0.host == host.company }.map(\.table)).count == 1, "\(host.company)")
        }
        #expect(result.report.tableChanges == 0)
    }

    @Test("the complete bipartite graph K(n,n) in n slots at n tables: a Latin square", arguments: [4, 6, 9])
    func completeGraph(n: Int) throws {
        let delegates = (0..<n).map { Fixture.delegate("D\($0)", max: n, slots: Array(1...n)) }
        let hosts = (0..<n).map { Fixture.host("H\($0)", max: n, slots: Array(1...n)) }
        var random = SeededGenerator(seed: UInt64(n))
        var scores: [String: Double] = [:]
        for d in 0..<n { for h in 0..<n { scores["D\(d)|H\(h)"] = 0.01 + random.unit() } }
        let input = Fixture.input(slots: n, tables: n, delegates + hosts, scores: scores)
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count == n * n)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        for slot in 1...n { #expect(result.meetings.filter { $0.slot == slot }.count == n) }
        #expect(result.report.tableChanges == 0)
    }

    /// D1–H1 (0.9) against D1–H2 + D2–H1 (0.45 + 0.45003): the pair selection works in units of
    /// 10⁻⁴ and charges one unit per meeting, so the single meeting wins while the bound, at 10⁻⁶,
    /// takes the two.
    @Test("scores closer than 10⁻⁴: tables never bind, yet the total falls short of the bound")
    func nearTie() throws {
        let participants = [
            Fixture.delegate("D1", max: 1, slots: [1]), Fixture.delegate("D2", max: 1, slots: [1]),
            Fixture.host("H1", max: 1, slots: [1]), Fixture.host("H2", max: 1, slots: [1]),
        ]
        let input = Fixture.input(slots: 1, tables: 2, participants, scores: ["D1|H1": 0.9, "D1|H2": 0.45, "D2|H1": 0.45003],
                                  blocks: [PairBlock(a: "D2", b: "H2")])
        let result = try Scheduler.schedule(input)
        #expect(abs(result.report.upperBound - 0.90003) < 1e-9)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(abs(result.report.totalScore - result.report.upperBound) <= 1e-9,
                "\(result.meetings.map { "\($0.delegate)–\($0.host)" }) score \(result.report.totalScore) of \(result.report.upperBound)")
    }
}
