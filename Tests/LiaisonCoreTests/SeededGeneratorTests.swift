import LiaisonCore
import Testing

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("is SplitMix64: the published first outputs for seed 0")
    func splitMix64Reference() {
        var random = SeededGenerator(seed: 0)
        #expect([random.next(), random.next(), random.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("the same seed, stream and index give the same sequence; a different one another")
    func streamsAreIndependent() {
        func sequence(_ seed: UInt64, _ stream: UInt64, _ index: UInt64) -> [UInt64] {
            var random = SeededGenerator(seed: seed, stream: stream, index: index)
            return (0..<8).map { _ in random.next() }
        }
        #expect(sequence(1, 2, 3) == sequence(1, 2, 3))
        #expect(sequence(1, 2, 3) != sequence(1, 2, 4))
        #expect(sequence(1, 2, 3) != sequence(1, 3, 3))
        #expect(sequence(1, 2, 3) != sequence(2, 2, 3))
    }

    @Test("below, unit and index(weightedBy:) stay in range")
    func ranges() {
        var random = SeededGenerator(seed: 99)
        for bound in [1, 2, 3, 10, 1000] {
            for _ in 0..<200 {
                #expect((0..<bound).contains(random.below(bound)))
            }
        }
        for _ in 0..<1000 {
            let unit = random.unit()
            #expect(unit >= 0 && unit < 1)
        }
        let weights: [Double] = [0, 3, 0, 1, 0]
        let drawn = Set((0..<500).map { _ in random.index(weightedBy: weights) })
        #expect(drawn == [1, 3])
    }
}
