import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// ``CompactRun``: whether meetings fit consecutive slots, against trying every timing.
@Suite("Whether a participant's meetings can run back to back, against brute force")
struct CompactRunTests {
    @Test("random meetings with random allowed slots, 1 to 5 meetings over 8 slots")
    func againstEveryTiming() {
        var random = SeededGenerator(seed: 5, stream: 47, index: 0)
        var fits = 0, cases = 0
        for _ in 0..<3_000 {
            let count = 1 + random.below(5)
            let choices = (0..<count).map { _ in (1...8).filter { _ in random.chance(0.35) } }
            let expected = Self.someTimingRuns(choices)
            #expect(CompactRun.exists(choices) == expected, "\(choices)")
            if expected { fits += 1 }
            cases += 1
        }
        #expect(fits > cases / 10 && fits < cases * 9 / 10, "\(fits) of \(cases) fit: too few cases of one kind")
    }

    /// Whether some timing gives each meeting its own slot, all of them consecutive.
    private static func someTimingRuns(_ choices: [[Int]], taken: [Int] = []) -> Bool {
        guard taken.count < choices.count else {
            return taken.max()! - taken.min()! + 1 == taken.count
        }
        return choices[taken.count].contains { slot in
            !taken.contains(slot) && someTimingRuns(choices, taken: taken + [slot])
        }
    }
}
