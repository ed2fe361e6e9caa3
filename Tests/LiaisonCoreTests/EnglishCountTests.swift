import LiaisonCore
import Testing

@Suite("Counts in English")
struct EnglishCountTests {
    @Test("one takes the singular; zero and more the plural, regular or given")
    func counts() {
        #expect(EnglishCount.of(1, "slot") == "1 slot" && EnglishCount.of(0, "slot") == "0 slots" && EnglishCount.of(16, "slot") == "16 slots")
        #expect(EnglishCount.of(1, "company", plural: "companies") == "1 company" && EnglishCount.of(2, "company", plural: "companies") == "2 companies")
    }
}
