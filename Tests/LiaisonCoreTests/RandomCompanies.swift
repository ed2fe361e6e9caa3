import LiaisonCore

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
