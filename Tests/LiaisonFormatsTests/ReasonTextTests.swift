import LiaisonCore
import LiaisonFormats
import Testing

@Suite("Reasons in words")
struct ReasonTextTests {
    @Test("reasons name the sectors both ways, shared languages and sizes, largest first")
    func explanation() {
        let taxonomy = TaxonomyFile.builtIn
        let layout = FeatureLayout(sectorCount: taxonomy.count, languageCount: 3)
        let a = Company(id: "a", name: "a", country: "CN", size: .medium, languages: ["en", "zh"],
                        offers: SectorProfile(["logistics-transportation": 1]), seeks: SectorProfile(["clean-energy": 1]))
        let b = Company(id: "b", name: "b", country: "CA", size: .medium, languages: ["en", "fr"],
                        offers: SectorProfile(["logistics-transportation": 1, "clean-energy": 1]), seeks: SectorProfile(["retail": 1]))
        let vocabulary = ["en", "fr", "zh"]
        let model = ScoreModel(weights: .defaults, layout: layout)
        let breakdown = model.breakdown(CompanyFeatures(a, taxonomy: taxonomy, languages: vocabulary),
                                        CompanyFeatures(b, taxonomy: taxonomy, languages: vocabulary))
        let reasons = MatchExplanation(taxonomy: taxonomy, languages: vocabulary).reasons(breakdown, subjectSize: .medium, matchSize: .medium)
        let words = ReasonText(taxonomy: taxonomy)
        // 0.30 · cos = 0.21 for what a seeks and b offers; 0.20 · cos = 0.14 for the shared sector.
        #expect(reasons.map(words.text) == ["you seek clean energy, they offer it", "both in logistics & transportation",
                                            "same size (medium)", "shared language en"])
        #expect(words.line(reasons).hasPrefix("you seek clean energy, they offer it +0.21; both in logistics & transportation +0.14"))
        #expect(ReasonText.contribution(0.305) == "0.31" && ReasonText.contribution(0.05) == "0.05" && ReasonText.contribution(1) == "1.00")
        // Past what hundredths in an Int hold: written as printf does, never a trap.
        #expect(ReasonText.contribution(1e20) == "100000000000000000000.00")
    }
}
