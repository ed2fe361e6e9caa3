import LiaisonCore

/// The score formula of DESIGN.md computed directly from company profiles, independently of the
/// model's stacked rows: what the score model is checked against.
enum ReferenceScore {
    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let dot = a.reduce(0) { $0 + $1.value * (b[$1.key] ?? 0) }
        let norms = a.values.reduce(0) { $0 + $1 * $1 }.squareRoot() * b.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norms == 0 ? 0 : dot / norms
    }

    static func sizeFit(_ a: CompanySize?, _ b: CompanySize?) -> Double {
        let bands = CompanySize.allCases
        let left = a.map { [$0] } ?? bands, right = b.map { [$0] } ?? bands
        let fits = left.flatMap { x in right.map { y in 1 - Double(abs(x.rank - y.rank)) / 4 } }
        return fits.reduce(0, +) / Double(fits.count)
    }

    static func components(_ a: Company, _ b: Company, weights: ScoreWeights = .defaults) -> [ScoreTerm: Double] {
        let shared = Set(a.languages).intersection(b.languages).count
        let languages = a.languages.isEmpty || b.languages.isEmpty
            ? 0 : Double(shared) / (Double(a.languages.count) * Double(b.languages.count)).squareRoot()
        return [
            .sector: weights[.sector] * cosine(a.offers.weights, b.offers.weights),
            .complementarity: weights[.complementarity] / 2
                * (cosine(a.seeks.weights, b.offers.weights) + cosine(a.offers.weights, b.seeks.weights)),
            .language: weights[.language] * languages,
            .size: weights[.size] * sizeFit(a.size, b.size),
        ]
    }

    static func score(_ a: Company, _ b: Company, weights: ScoreWeights = .defaults) -> Double {
        components(a, b, weights: weights).values.reduce(0, +)
    }
}

/// Random companies over ``TestTaxonomy``, from a seeded generator so failures repeat.
struct RandomCompanies {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    mutating func profile(maximumSectors: Int) -> SectorProfile {
        var weights: [String: Double] = [:]
        for _ in 0..<random.below(maximumSectors + 1) {
            weights[random.pick(TestTaxonomy.sectors).id] = Double(1 + random.below(20)) / 10
        }
        return SectorProfile(weights)
    }

    mutating func company(id: String, country: String) -> Company {
        var offers = profile(maximumSectors: 3)
        if offers.isEmpty { offers = SectorProfile([TestTaxonomy.sectors[random.below(5)].id: 1]) }
        let languages = ["en", "zh", "fr"].filter { _ in random.chance(0.5) }
        return Company(id: id, name: "Company \(id)", country: country,
                       size: random.chance(0.2) ? nil : CompanySize.allCases[random.below(5)],
                       languages: languages, offers: offers, seeks: profile(maximumSectors: 2))
    }

    /// `count` companies per country, ids `CC-0001` …
    mutating func companies(_ counts: [String: Int]) -> [Company] {
        counts.sorted { $0.key < $1.key }.flatMap { country, count in
            (1...max(count, 1)).prefix(count).map { company(id: "\(country)-\(String(1000 + $0).dropFirst())", country: country) }
        }
    }
}
