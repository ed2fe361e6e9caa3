import LiaisonCore
import LiaisonKernel
import LiaisonTestSupport
import Testing

@Suite("The score model") struct ScoreModelTests {
    private func table(_ companies: [Company]) -> FeatureTable {
        FeatureTable(companies: companies.map { ($0, 1) }, taxonomy: TestTaxonomy.taxonomy)
    }

    private func languages(_ companies: [Company]) -> [String] {
        Set(companies.flatMap(\.languages)).sorted()
    }

    @Test("left · right rows equal the formula, term by term, for random pairs", arguments: [UInt64(1), 2, 3])
    func rowsEqualTheFormula(seed: UInt64) throws {
        var random = RandomCompanies(seed: seed)
        let companies = random.companies(["CN": 30, "US": 30])
        let table = table(companies)
        let weights = try ScoreWeights([.sector: 0.2, .complementarity: 0.6, .language: 0.15, .size: 0.05])
        let model = ScoreModel(weights: weights, layout: table.layout)
        let right = table.rows.dense(0..<table.count)
        for a in companies {
            let features = CompanyFeatures(a, taxonomy: TestTaxonomy.taxonomy, languages: table.languages)
            let left = model.leftRow(features)
            for b in companies {
                let row = try #require(table.row(ofID: b.id))
                let product = zip(left, right.row(row)).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let expected = ReferenceScore.components(a, b, weights: weights)
                #expect(abs(product - expected.total) < 1e-5, "\(a.id) · \(b.id)")
                let breakdown = model.breakdown(features, table.features(ofRow: row))
                for term in ScoreTerm.allCases {
                    #expect(abs((breakdown.components[term] ?? -1) - expected[term]) < 1e-6, "\(term) of \(a.id) · \(b.id)")
                }
                // The explained terms are the score's own, to the last bit, and add up to it as written.
                let exact = model.components(features, table.features(ofRow: row))
                #expect(breakdown.components == [.sector: exact.sector, .complementarity: exact.complementarity, .language: exact.language,
                                                 .size: exact.size], "\(a.id) · \(b.id)")
                let sum = (breakdown.components[.sector]! + breakdown.components[.complementarity]!) + breakdown.components[.language]!
                    + breakdown.components[.size]!
                #expect(sum == model.score(features, table.features(ofRow: row)) && breakdown.total == sum, "\(a.id) · \(b.id)")
            }
        }
    }

    @Test("the score is symmetric, each term within [0, its weight], and in [0, 1] with the defaults")
    func symmetricAndBounded() {
        var random = RandomCompanies(seed: 7)
        let companies = random.companies(["CN": 25, "CA": 25])
        let model = ScoreModel(weights: .defaults, layout: FeatureLayout(sectorCount: 5, languageCount: 3))
        let vocabulary = languages(companies)
        for a in companies {
            for b in companies {
                let x = model.breakdown(CompanyFeatures(a, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary),
                                        CompanyFeatures(b, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary))
                let y = model.breakdown(CompanyFeatures(b, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary),
                                        CompanyFeatures(a, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary))
                #expect(abs(x.total - y.total) < 1e-12)
                for term in ScoreTerm.allCases {
                    let value = x.components[term] ?? -1
                    #expect(value >= 0 && value <= ScoreWeights.defaults[term] + 1e-12, "\(term)")
                }
                #expect(x.total >= 0 && x.total <= 1 + 1e-12)
            }
        }
    }

    @Test("per-sector contributions add up to their terms, largest first")
    func sectorsAddUp() {
        var random = RandomCompanies(seed: 11)
        let companies = random.companies(["CN": 15, "US": 15])
        let vocabulary = languages(companies)
        let model = ScoreModel(weights: .defaults, layout: FeatureLayout(sectorCount: 5, languageCount: vocabulary.count))
        for (a, b) in zip(companies, companies.reversed()) {
            let breakdown = model.breakdown(CompanyFeatures(a, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary),
                                            CompanyFeatures(b, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary))
            for term in [ScoreTerm.sector, .complementarity] {
                let sum = breakdown.sectors.filter { $0.term == term }.reduce(0) { $0 + $1.value }
                #expect(abs(sum - breakdown.components[term]!) < 1e-12)
            }
            #expect(breakdown.sectors.map(\.value) == breakdown.sectors.map(\.value).sorted(by: >))
        }
    }

    @Test("an unknown size fits like the average band, from either side")
    func unknownSize() {
        for size in CompanySize.allCases {
            let average = CompanySize.allCases.reduce(0) { $0 + SizeCompatibility.value(size, $1) } / 5
            #expect(abs(ReferenceScore.sizeFit(size, nil) - average) < 1e-12)
        }
        let model = ScoreModel(weights: .defaults, layout: FeatureLayout(sectorCount: 5, languageCount: 0))
        let known = CompanyFeatures(offers: [], seeks: [], languages: [], size: .large)
        let unknown = CompanyFeatures(offers: [], seeks: [], languages: [], size: nil)
        let expected = 0.1 * ReferenceScore.sizeFit(.large, nil)
        #expect(abs(model.breakdown(known, unknown).components[.size]! - expected) < 1e-12)
        #expect(abs(model.breakdown(unknown, known).components[.size]! - expected) < 1e-12)
    }

    @Test("sizes rank from micro to enterprise, and fits the formula ties are exactly equal")
    func sizeRanksAndExactFits() {
        #expect(CompanySize.allCases.map(\.rank) == Array(0..<CompanySize.allCases.count))
        // Medium fits every band on average as well as a size no one knows: 0.5 in exact arithmetic.
        #expect(SizeCompatibility.fit(.enterprise, .medium) == SizeCompatibility.fit(.enterprise, nil))
        #expect(SizeCompatibility.fit(.medium, nil) == SizeCompatibility.fit(nil, .medium))
        for a in CompanySize.allCases as [CompanySize?] + [nil] {
            for b in CompanySize.allCases as [CompanySize?] + [nil] {
                let reference = ReferenceScore.sizeFit(a, b)
                #expect(abs(SizeCompatibility.fit(a, b) - reference) < 1e-12, "\(String(describing: a)), \(String(describing: b))")
                #expect(SizeCompatibility.fit(a, b) == SizeCompatibility.fit(b, a))
            }
        }
    }

    @Test("weights must be finite, from 0 to the largest, and not all zero; terms are named")
    func weightValidation() throws {
        #expect(throws: ScoreWeightsError.invalidValue(.sector, -0.1)) { try ScoreWeights([.sector: -0.1]) }
        #expect(throws: ScoreWeightsError.self) { try ScoreWeights([.size: .nan]) }
        #expect(throws: ScoreWeightsError.self) { try ScoreWeights([.size: .infinity]) }
        // Above the largest weight, scores' parts overflowed what shows them (a crash in `match`).
        #expect(throws: ScoreWeightsError.invalidValue(.size, 1e18)) { try ScoreWeights([.size: 1e18]) }
        #expect(try ScoreWeights([.size: ScoreWeights.largest])[.size] == 1_000)
        #expect(throws: ScoreWeightsError.allZero) {
            try ScoreWeights([.sector: 0, .complementarity: 0, .language: 0, .size: 0])
        }
        #expect(throws: ScoreWeightsError.unknownTerm("colour")) { try ScoreWeights.defaults.overriding(with: ["colour": 1]) }
        let changed = try ScoreWeights.defaults.overriding(with: ["language": 0.4])
        #expect(changed[.language] == 0.4 && changed[.sector] == ScoreWeights.defaults[.sector])
        #expect(ScoreTerm.allCases.map { ScoreWeights.defaults[$0] }.reduce(0, +) == 1)
    }
}
