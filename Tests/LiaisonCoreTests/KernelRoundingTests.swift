@testable import LiaisonCore
import LiaisonKernel
import Testing

/// Rankings must not depend on how the BLAS kernel rounds: twins (companies identical to a query's
/// eyes) tie exactly, but a kernel may score them an ulp apart depending on where they sit in a
/// tile, which differs between processors. These tests perturb the kernel's scores on purpose,
/// within its tolerance, through ``KernelPerturbation``, with tie groups larger than a list's
/// reserve at both cuts (the `k` published and the `depth` kept).
@Suite("Rankings whatever the kernel's rounding")
struct KernelRoundingTests {
    static let hosts = ["CA", "US"]

    /// How the kernel's scores are perturbed: rising with the candidate's index (the higher-index
    /// twin scores higher: the opposite of the exact tie break), or scrambled.
    enum Rounding: String, CaseIterable, CustomTestStringConvertible {
        case rising, scrambled

        var perturbation: KernelPerturbation {
            switch self {
            case .rising: KernelPerturbation { 1 + Float($0 % 64) * 0x1p-22 }
            case .scrambled: KernelPerturbation { 1 + Float(($0 &* 37 &+ 11) % 64) * 0x1p-22 }
            }
        }

        var testDescription: String { rawValue }
    }

    /// A profile that every delegate seeking retail ranks first: offers retail only.
    static func star(_ company: inout Company) {
        (company.offers, company.seeks, company.languages, company.size) = (SectorProfile(["retail": 1]), SectorProfile(), ["en", "zh"], .medium)
    }

    /// 40 delegates who all seek retail (30 of them twins), 69 US firms of which 46 are twins of
    /// ``star(_:)``, 30 Canadian firms of which 25 are: the delegates' lists hold tie groups of
    /// more than `depth` firms, and the firms' lists one of 30 delegates.
    static func catalog() -> RerankCatalog {
        var catalog = RerankCatalog(seed: 81)
        for index in 0..<40 {
            let id = catalog.add(country: "CN", duplicate: 0)
            catalog.update(id) { company, _ in
                company.seeks = SectorProfile(["retail": 1])
                if index < 30 {
                    (company.offers, company.languages, company.size) = (SectorProfile(["utilities": 1]), ["en"], .large)
                }
            }
        }
        for (country, count, twins) in [("US", 69, 46), ("CA", 30, 25)] {
            for index in 0..<count {
                let id = catalog.add(country: country, duplicate: 0)
                if index % 3 != 2 || index >= 3 * (count - twins) {  // twins spread among the others
                    catalog.update(id) { company, _ in star(&company) }
                }
            }
        }
        return catalog
    }

    @Test("a full run and an incremental one give the exact lists, tie groups larger than the reserve at both cuts",
          arguments: Rounding.allCases)
    func rerankWhateverTheRounding(rounding: Rounding) {
        var catalog = Self.catalog()
        let k = 4
        func reranker(perturbed: Bool) -> Reranker {
            var reranker = Reranker(table: catalog.table, weights: .defaults, k: k, countries: Self.hosts, threads: 2)
            if perturbed { reranker.kernelPerturbation = rounding.perturbation }
            return reranker
        }
        let plain = reranker(perturbed: false).full().lists
        let perturbed = reranker(perturbed: true).full().lists
        RankingCheck.expectExact(perturbed, companies: catalog.companies, full: true, "full, \(rounding)")
        RankingCheck.expectLive(perturbed, table: catalog.table, "full, \(rounding)")
        #expect(perturbed == plain, "a full run is the same whatever the rounding")

        // Fifty new twins with ids below every listed one: more changed candidates above each
        // floor than a list keeps. Some listed twins leave, or stop being twins; a delegate
        // changes, and a new one twins the others.
        for index in 0..<50 {
            var twin = Company(id: "US-0000-\(String(100 + index).dropFirst())", name: "New twin \(index)", country: "US")
            Self.star(&twin)
            catalog.insert(twin)
        }
        let us = catalog.ids(of: "US").filter { !$0.hasPrefix("US-0000-") }
        for id in us.prefix(3) { catalog.remove(id) }
        for id in us[3..<5] { catalog.update(id) { company, _ in company.size = .small } }
        catalog.update(catalog.ids(of: "CN")[2]) { company, _ in company.languages = ["fr"] }
        var delegate = catalog.entries[catalog.ids(of: "CN")[0]]!.company
        (delegate.id, delegate.name) = ("CN-0000", "New twin delegate")
        catalog.insert(delegate)
        catalog.update(catalog.ids(of: "CA")[1]) { company, _ in company.offers = SectorProfile(["clean-energy": 1]) }

        var lists = perturbed
        for round in 1...2 {
            if round == 2 { catalog.editAtRandom() }
            let incremental = reranker(perturbed: true).incremental(from: lists).lists
            let full = reranker(perturbed: false).full().lists
            let comment: Comment = "incremental round \(round), \(rounding)"
            RankingCheck.expectSamePublished(incremental, full, table: catalog.table, comment)
            RankingCheck.expectExact(incremental, companies: catalog.companies, comment)
            RankingCheck.expectLive(incremental, table: catalog.table, comment)
            lists = incremental
        }
    }

    @Test("live matching answers the lowest ids of a tie group far larger than its margin, whatever the rounding",
          arguments: [nil] + Rounding.allCases.map(Optional.some))
    func liveMatchWhateverTheRounding(rounding: Rounding?) throws {
        var catalog = RerankCatalog(seed: 82)
        let subject = catalog.add(country: "CN", duplicate: 0)
        catalog.update(subject) { company, _ in
            (company.offers, company.seeks) = (SectorProfile(["retail": 1]), SectorProfile(["retail": 1]))
            (company.languages, company.size) = (["en", "zh"], .medium)
        }
        // 300 firms in both host countries, 200 of them twins of the best match there can be
        // (seeking nothing, the others cannot beat it).
        for index in 0..<300 {
            let id = catalog.add(country: index % 4 == 0 ? "CA" : "US", duplicate: 0)
            catalog.update(id) { company, _ in
                if index % 3 != 0 { Self.star(&company) } else { company.seeks = SectorProfile() }
            }
        }
        let table = catalog.table
        var matcher = Matcher(table: table, weights: .defaults)
        matcher.kernelPerturbation = rounding?.perturbation
        let row = try #require(table.row(ofID: subject))
        let features = table.features(ofRow: row)
        for ranges in [[table.rows(ofCountry: "US")], [table.rows(ofCountry: "CA"), table.rows(ofCountry: "US")]] {
            // The exact answer, by brute force: every candidate scored exactly, ties to the lower id.
            let ranked = ranges.flatMap { $0 }.map { (id: table.ids[$0], score: matcher.model.score(features, table.features(ofRow: $0))) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            let twinScore = ranked[0].score
            #expect(ranked.filter { $0.score == twinScore }.count > 100, "the tie group is at the top")
            for (top, minimum) in [(5, nil), (60, nil), (150, nil), (5, twinScore), (400, twinScore)] as [(Int, Double?)] {
                let answer = matcher.matches(for: features, subjectRow: row, in: ranges, top: top, minimumScore: minimum, threads: 2)
                let expected = ranked.filter { $0.score >= minimum ?? -.infinity }.prefix(top)
                #expect(answer.map(\.id) == expected.map(\.id), "top \(top), minimum \(String(describing: minimum)), \(ranges.count) countries")
                #expect(answer.map(\.score) == expected.map(\.score))
            }
        }
    }
}
