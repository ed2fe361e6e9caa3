import LiaisonScheduling
import Testing

/// The bound of a schedule that gives everyone the minimum counts only sets of meetings that do
/// too (any schedule the priorities rank above it must): a tighter proof of how good it is.
@Suite("The upper bound under minimums, against brute force")
struct MinimumBoundTests {
    @Test("when everyone has the minimum, the bound holds every set of pairs that gives it, and is below the bound without it")
    func boundCountsOnlySetsHoldingTheMinimum() throws {
        var compared = 0, tighter = 0
        for seed in UInt64(1)...250 {
            var input = BruteForce.tinyInstance(seed: seed, rules: seed % 2 == 0)
            input.minMeetings = seed % 3 == 0 ? 2 : 1
            let result = try Scheduler.schedule(input)
            guard result.report.underMinimum.isEmpty else { continue }
            let brute = BruteForce(input)
            var fixed = Set(input.locks.map { brute.pair($0.a, $0.b) })
            for request in input.requests where request.must && result.meeting(request.a, request.b) != nil {
                fixed.insert(brute.pair(request.a, request.b))
            }
            let held = try #require(brute.bestPairSet(containing: fixed, minimum: input.minMeetings), "seed \(seed)")
            let unconstrained = try #require(brute.bestPairSet(containing: fixed), "seed \(seed)")
            compared += 1
            #expect(result.report.upperBound >= held - 1e-6, "seed \(seed): bound \(result.report.upperBound) below \(held)")
            #expect(result.report.upperBound <= unconstrained + 1e-6, "seed \(seed)")
            #expect(result.report.totalScore <= result.report.upperBound + 1e-9, "seed \(seed)")
            if result.report.upperBound < unconstrained - 1e-6 { tighter += 1 }
        }
        print("minimum bound: compared \(compared), tighter \(tighter)")
        #expect(compared > 60)
        // Events where the minimum costs score: the bound says so.
        #expect(tighter > 5, "the minimum tightened the bound in \(tighter) of \(compared) events")
    }
}
