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

    /// The best match there can be for a delegate that seeks retail, among firms that seek
    /// nothing: it offers retail only.
    static func star(_ company: inout Company) {
        (company.offers, company.seeks, company.languages, company.size) = (SectorProfile(["retail": 1]), SectorProfile(), ["en", "zh"], .medium)
    }

    /// A firm that every ``blind(_:variant:)`` delegate scores the same: it offers retail, and
    /// seeks logistics and clean energy, which such a delegate does not offer, in one of 45
    /// proportions. Variants are distinct rows for the kernel; firms of one variant are twins.
    static func star(_ company: inout Company, variant: Int) {
        company.offers = SectorProfile(["retail": 1])
        company.seeks = SectorProfile(["logistics-transportation": 1, "clean-energy": 0.1 * Double(variant % 45 + 1)])
        (company.languages, company.size) = (["en", "zh"], .medium)
    }

    /// A delegate that every ``star(_:variant:)`` firm scores the same: it seeks retail, and
    /// offers utilities and digital technology, which such a firm neither offers nor seeks, in
    /// one of 40 proportions.
    static func blind(_ company: inout Company, variant: Int) {
        company.offers = SectorProfile(["utilities": 1, "digital-technology": 0.1 * Double(variant % 40 + 1)])
        (company.seeks, company.languages, company.size) = (SectorProfile(["retail": 1]), ["en"], .large)
    }

    /// 60 delegates, 45 of them blind; 120 US firms, 90 of them stars; 60 Canadian firms, 45 of
    /// them stars. A blind delegate's US list holds a tie group of 90 firms in 45 distinct rows, a
    /// star's list one of 45 delegates in 40: at both cuts, and more distinct rows than the kernel
    /// is first asked for.
    static func catalog() -> RerankCatalog {
        var catalog = RerankCatalog(seed: 81)
        for index in 0..<60 {
            let id = catalog.add(country: "CN", duplicate: 0)
            catalog.update(id) { company, _ in
                if index % 4 != 3 { blind(&company, variant: index) } else { company.seeks = SectorProfile(["retail": 1]) }
            }
        }
        for (country, count) in [("US", 120), ("CA", 60)] {
            for index in 0..<count {
                let id = catalog.add(country: country, duplicate: 0)
                if index % 4 != 3 { catalog.update(id) { company, _ in star(&company, variant: index) } }
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
        let (perturbed, statistics) = reranker(perturbed: true).full()
        #expect(statistics.listsRescanned > 0, "the kernel's first answer leaves tie groups undecided")
        RankingCheck.expectExact(perturbed, companies: catalog.companies, full: true, "full, \(rounding)")
        RankingCheck.expectLive(perturbed, table: catalog.table, "full, \(rounding)")
        #expect(perturbed == plain, "a full run is the same whatever the rounding")

        // Fifty new stars with ids below every listed one: more changed candidates above each
        // floor (in more distinct rows) than a list keeps. Some listed stars leave, or stop being
        // stars; a delegate changes, and a new one twins the others.
        for index in 0..<50 {
            var twin = Company(id: "US-0000-\(String(100 + index).dropFirst())", name: "New star \(index)", country: "US")
            Self.star(&twin, variant: index)
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
            let (incremental, statistics) = reranker(perturbed: true).incremental(from: lists)
            if round == 1 { #expect(statistics.listsRescanned > 0, "tie groups of changed firms are searched again") }
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
