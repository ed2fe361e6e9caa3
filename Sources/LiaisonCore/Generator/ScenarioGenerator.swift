/// Generates plausible, plainly fictional companies for the trade-delegation story: Chinese
/// delegates and US and Canadian host firms, with profiles that follow who buys from whom.
///
/// Every company depends only on `(seed, side, index)`, so the same seed always gives the same
/// companies, and asking for more firms of one side never changes the others.
///
///     let generator = ScenarioGenerator(seed: 2025, taxonomy: taxonomy)
///     let delegates = generator.companies(of: .delegates, count: 80)
public struct ScenarioGenerator: Sendable {
    /// The three sides of the story.
    public enum Side: String, CaseIterable, Sendable {
        /// Chinese companies of the visiting delegation.
        case delegates = "CN"
        /// US host firms.
        case unitedStates = "US"
        /// Canadian host firms.
        case canada = "CA"

        var story: ScenarioStory.Side {
            switch self {
            case .delegates: ScenarioStory.delegation
            case .unitedStates: ScenarioStory.unitedStates
            case .canada: ScenarioStory.canada
            }
        }
    }

    public let seed: UInt64
    public let taxonomy: Taxonomy
    private let suppliers: [String: [String]]

    public init(seed: UInt64, taxonomy: Taxonomy) {
        self.seed = seed
        self.taxonomy = taxonomy
        var suppliers: [String: [String]] = [:]
        for (supplier, customers) in ScenarioStory.customers.sorted(by: { $0.key < $1.key }) {
            for customer in customers { suppliers[customer, default: []].append(supplier) }
        }
        self.suppliers = suppliers
    }

    /// The first `count` companies of a side, ids numbered from 1 with at least four digits
    /// (`CN-0001` … `CN-9999`, `CN-10000` …), so a company's id never depends on `count`.
    public func companies(of side: Side, count: Int) -> [Company] {
        companies(of: side, in: 0..<count)
    }

    /// Companies `range` of a side (0-based: index 0 is `CN-0001`), for producing many in parts.
    public func companies(of side: Side, in range: Range<Int>) -> [Company] {
        let weights = sectorWeights(side)
        return range.map { company(of: side, index: $0, sectorWeights: weights) }
    }

    private func sectorWeights(_ side: Side) -> [Double] {
        taxonomy.sectors.map { side.story.sectorWeights[$0.id] ?? ScenarioStory.backgroundWeight }
    }

    private func company(of side: Side, index: Int, sectorWeights: [Double]) -> Company {
        let story = side.story
        var random = SeededGenerator(seed: seed, stream: StableHash.fnv1a(side.rawValue.utf8), index: UInt64(index))
        let city = story.cities[random.index(weightedBy: story.cities.map(\.share))]
        let primary = taxonomy.sectors[random.index(weightedBy: sectorWeights)]

        // Secondary offers mostly stay in the primary sector's group (a food firm also in beverages).
        var offers = [primary.id: 1.0]
        let sameGroup = sectorWeights.indices.map { taxonomy.sectors[$0].group == primary.group ? sectorWeights[$0] : 0 }
        for _ in 0..<random.below(3) {
            let secondary = taxonomy.sectors[random.index(weightedBy: random.chance(0.7) ? sameGroup : sectorWeights)].id
            if offers[secondary] == nil { offers[secondary] = Self.roundedWeight(0.3 + 0.5 * random.unit()) }
        }

        var seeks: [String: Double] = [:]
        let partners = side == .delegates || random.chance(0.35)
            ? ScenarioStory.customers[primary.id] ?? ["wholesale-trade", "retail"]
            : suppliers[primary.id] ?? ["supply-chain-services", "logistics-transportation"]
        for (rank, partner) in partners.shuffledPrefix(1 + random.below(2), using: &random).enumerated()
        where offers[partner] == nil {
            seeks[partner] = rank == 0 ? 1 : Self.roundedWeight(0.4 + 0.4 * random.unit())
        }
        if side == .delegates {
            for extra in ScenarioStory.delegateExtras where random.chance(extra.chance) && offers[extra.sector] == nil {
                seeks[extra.sector] = Self.roundedWeight(0.3 + 0.4 * random.unit())
            }
        }

        let sizes = side == .delegates ? ScenarioStory.delegateSizes : ScenarioStory.firmSizes
        let size = CompanySize.allCases[random.index(weightedBy: sizes)]
        var languages = side == .delegates ? ["zh"] : city.extraLanguages + ["en"]
        if random.chance(story.secondLanguageChance) { languages.append(side == .delegates ? "en" : "zh") }
        let naics = !primary.naicsPrefixes.isEmpty && random.chance(0.5) ? random.pick(primary.naicsPrefixes) : nil

        let name = [random.pick(ScenarioStory.firstWords), random.pick(ScenarioStory.secondWords),
                    Self.tradeWord(primary), random.pick(story.nameSuffixes)].joined(separator: " ")
        let number = String(index + 1)
        let id = story.idPrefix + "-" + String(repeating: "0", count: max(0, 4 - number.count)) + number
        let seeking = seeks.keys.sorted().compactMap { taxonomy.index(ofID: $0).map { taxonomy.sectors[$0].name.lowercased() } }
        let description = "Fictional \(size.rawValue) \(primary.name.lowercased()) company in \(city.name)"
            + (seeking.isEmpty ? "." : ", looking for partners in \(seeking.joined(separator: ", ")).")

        return Company(
            id: id, name: name, country: story.country, region: city.region, city: city.name, size: size,
            languages: languages, naics: naics, description: description,
            offers: SectorProfile(offers), seeks: SectorProfile(seeks.filter { taxonomy.index(ofID: $0.key) != nil }))
    }

    /// A weight rounded to a multiple of 0.05, so files stay readable.
    private static func roundedWeight(_ weight: Double) -> Double {
        (weight * 20).rounded() / 20
    }

    /// The word of a firm's name that says its trade: from the story's list, else the first word
    /// of its primary sector's name.
    private static func tradeWord(_ sector: Sector) -> String {
        if let word = ScenarioStory.tradeWords[sector.id] { return word }
        let word = sector.name.split(whereSeparator: { $0 == " " || $0 == "&" || $0 == "," }).first.map(String.init) ?? sector.name
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}

extension Array {
    /// The first `count` elements of a seeded shuffle (a partial Fisher–Yates).
    func shuffledPrefix(_ count: Int, using random: inout SeededGenerator) -> ArraySlice<Element> {
        var items = self
        let count = Swift.min(count, items.count)
        for i in 0..<count {
            items.swapAt(i, i + random.below(items.count - i))
        }
        return items.prefix(count)
    }
}
