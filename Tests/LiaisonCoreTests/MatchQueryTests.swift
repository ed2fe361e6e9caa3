import LiaisonCore
import LiaisonTestSupport
import Testing

@Suite("Match queries") struct MatchQueryTests {
    private let companies: [Company] = {
        var random = RandomCompanies(seed: 17)
        return random.companies(["CN": 40, "US": 60, "CA": 50, "DE": 3])
    }()

    private var table: FeatureTable {
        FeatureTable(companies: companies.filter { MatchSides.takesPart($0.country) }.map { ($0, 1) }, taxonomy: TestTaxonomy.taxonomy)
    }

    /// The reference ranking: every allowed candidate scored by the formula, best first, then by id.
    private func reference(for subject: Company, countries: Set<String>, top: Int) -> [(id: String, score: Double)] {
        companies.filter { countries.contains($0.country) }
            .map { (id: $0.id, score: ReferenceScore.score(subject, $0)) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            .prefix(top).map { $0 }
    }

    private func expectSame(_ answer: MatchQuery.Answer, _ expected: [(id: String, score: Double)],
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(answer.matches.count == expected.count, sourceLocation: sourceLocation)
        for (match, wanted) in zip(answer.matches, expected) {
            #expect(abs(match.score - wanted.score) < 1e-5, sourceLocation: sourceLocation)
            #expect(abs(match.breakdown.total - match.score) < 1e-5, "components sum to the score", sourceLocation: sourceLocation)
            // Only a near-tie may swap places: a different id must score (by the formula) what the reference's does.
            if match.id != wanted.id, let expected = expected.first(where: { $0.id == match.id }) {
                #expect(abs(expected.score - wanted.score) < 1e-5, "\(match.id) swapped with \(wanted.id)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("a delegate gets the best hosts of the asked country, as the formula ranks them",
          arguments: [("US", Set(["US"])), ("CA", Set(["CA"])), ("any", Set(["US", "CA"]))])
    func delegate(target: String, countries: Set<String>) throws {
        for subject in companies.filter({ $0.country == "CN" }).prefix(8) {
            let answer = try MatchQuery(subject: .company(subject.id), target: MatchTarget(target)!, top: 7)
                .run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy, threads: 2)
            #expect(answer.country == "CN")
            expectSame(answer, reference(for: subject, countries: countries, top: 7))
        }
    }

    @Test("a host firm gets the best delegates; the minimum score filters")
    func host() throws {
        let subject = companies.first { $0.country == "US" }!
        let all = try MatchQuery(subject: .company(subject.id), top: 40).run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        expectSame(all, reference(for: subject, countries: ["CN"], top: 40))
        let threshold = all.matches[10].score
        let some = try MatchQuery(subject: .company(subject.id), top: 40, minimumScore: threshold)
            .run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        #expect(some.matches.allSatisfy { $0.score >= threshold - 1e-6 } && some.matches.count >= 11)
    }

    @Test("an ad-hoc profile is matched without being stored")
    func adHoc() throws {
        let query = MatchQuery(subject: .profile(offers: "logistics:1;clean energy:0.5", seeks: "retail", languages: ["en"], size: .medium),
                               target: .country("CA"), top: 5)
        let answer = try query.run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        let subject = Company(id: "x", name: "x", country: "", size: .medium, languages: ["en"],
                              offers: SectorProfile(["logistics-transportation": 1, "clean-energy": 0.5]),
                              seeks: SectorProfile(["retail": 1]))
        #expect(answer.country == nil)
        expectSame(answer, reference(for: subject, countries: ["CA"], top: 5))
    }

    @Test("a match's score is the score of the two companies' own profiles, to the last bit, not of rows rounded for the kernel")
    func exactScores() throws {
        let table = table
        let model = ScoreModel(weights: .defaults, layout: table.layout)
        func features(_ company: Company) -> CompanyFeatures {
            CompanyFeatures(company, taxonomy: TestTaxonomy.taxonomy, languages: table.languages)
        }
        let byID = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0) })
        for subject in companies.filter({ $0.country == "CN" }).prefix(6) + companies.filter({ $0.country == "US" }).prefix(3) {
            let answer = try MatchQuery(subject: .company(subject.id), top: 12)
                .run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy, threads: 2)
            for match in answer.matches {
                let own = model.score(features(subject), features(byID[match.id]!))
                #expect(match.score == own, "\(subject.id) with \(match.id): \(match.score) against \(own)")
                let breakdown = model.breakdown(features(subject), features(byID[match.id]!))
                #expect(match.breakdown.components == breakdown.components && match.breakdown.sectors == breakdown.sectors)
            }
        }
        // Two firms that offer and seek the same sectors (in weights a single-precision float cannot
        // hold), speak the same languages and are of one size score 1.
        let mix = SectorProfile(["logistics-transportation": 1, "retail": 2, "clean-energy": 3])
        let thirds = Company(id: "CN-900", name: "x", country: "CN", size: .medium, languages: ["en", "zh"], offers: mix, seeks: mix)
        var twin = thirds
        (twin.id, twin.country) = ("US-900", "US")
        let pair = FeatureTable(companies: [(thirds, 1), (twin, 1)], taxonomy: TestTaxonomy.taxonomy)
        let best = try MatchQuery(subject: .company("CN-900"), top: 1).run(table: pair, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        #expect(best.matches.map(\.id) == ["US-900"])
        #expect(abs(best.matches[0].score - 1) <= 1e-12, "scored \(best.matches[0].score)")
    }

    @Test("wrong sides, unknown ids and bad ad-hoc profiles are refused")
    func refusals() {
        let table = table
        func run(_ query: MatchQuery) throws { _ = try query.run(table: table, weights: .defaults, taxonomy: TestTaxonomy.taxonomy) }
        #expect(throws: MatchError.wrongSide(country: "CN", target: "CN", allowed: MatchSides.hosts)) {
            try run(MatchQuery(subject: .company("CN-001"), target: .country("CN")))
        }
        #expect(throws: MatchError.unknownCompany("DE-001")) { try run(MatchQuery(subject: .company("DE-001"))) }
        let onlyDelegates = FeatureTable(companies: companies.filter { $0.country == "CN" }.map { ($0, 1) }, taxonomy: TestTaxonomy.taxonomy)
        #expect(throws: MatchError.emptySide("other-side")) {
            _ = try MatchQuery(subject: .company("CN-001")).run(table: onlyDelegates, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        }
        #expect(throws: MatchError.emptySide("CA")) {
            _ = try MatchQuery(subject: .profile(offers: "retail", seeks: "", languages: [], size: nil), target: .country("CA"))
                .run(table: onlyDelegates, weights: .defaults, taxonomy: TestTaxonomy.taxonomy)
        }
        #expect(MatchTarget("DE") == nil && MatchTarget("any") == .any && MatchTarget("ca") == .country("CA"))
        for (offers, seeks, languages, field) in [("retial", "", [String](), "offers"), ("retail:-1", "", [], "offers"),
                                                  ("retail", "logistics:x", [], "seeks"), ("retail", "", ["xx"], "languages"),
                                                  ("", "", [], "offers")] {
            #expect {
                try run(MatchQuery(subject: .profile(offers: offers, seeks: seeks, languages: languages, size: nil)))
            } throws: { error in
                (error as? FieldIssues)?.issues.first?.field == field
            }
        }
    }

    @Test("reasons name the sectors both ways, shared languages and sizes, largest first")
    func explanation() {
        let layout = FeatureLayout(sectorCount: 5, languageCount: 3)
        let a = Company(id: "a", name: "a", country: "CN", size: .medium, languages: ["en", "zh"],
                        offers: SectorProfile(["logistics-transportation": 1]), seeks: SectorProfile(["clean-energy": 1]))
        let b = Company(id: "b", name: "b", country: "CA", size: .medium, languages: ["en", "fr"],
                        offers: SectorProfile(["logistics-transportation": 1, "clean-energy": 1]), seeks: SectorProfile(["retail": 1]))
        let vocabulary = ["en", "fr", "zh"]
        let model = ScoreModel(weights: .defaults, layout: layout)
        let breakdown = model.breakdown(CompanyFeatures(a, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary),
                                        CompanyFeatures(b, taxonomy: TestTaxonomy.taxonomy, languages: vocabulary))
        let explanation = MatchExplanation(taxonomy: TestTaxonomy.taxonomy, languages: vocabulary)
        let reasons = explanation.reasons(breakdown, subjectSize: .medium, matchSize: .medium)
        // 0.30 · cos = 0.21 for what a seeks and b offers; 0.20 · cos = 0.14 for the shared sector.
        #expect(reasons.map(\.kind) == [.youSeekTheyOffer, .bothOffer, .sizes, .sharedLanguages])
        #expect(reasons.map(\.sector) == ["clean-energy", "logistics-transportation", nil, nil])
        #expect(reasons[2].subjectSize == .medium && reasons[2].matchSize == .medium && reasons[3].languages == ["en"])
        #expect(abs(reasons[0].contribution - 0.3 * 0.5.squareRoot()) < 1e-12 && abs(reasons[1].contribution - 0.2 * 0.5.squareRoot()) < 1e-12)
        // Told to b, what a seeks is what "they" seek.
        #expect(reasons.map(\.seenFromMatch.kind) == [.theySeekYouOffer, .bothOffer, .sizes, .sharedLanguages])
    }
}
