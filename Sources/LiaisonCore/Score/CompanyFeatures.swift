/// What the score sees of one company, independent of the weights: its profiles scaled to unit
/// length (so inner products are cosines), its languages and its size band.
public struct CompanyFeatures: Hashable, Sendable {
    /// Offers: (sector position, weight), sorted by position, of unit Euclidean length.
    public var offers: [SparseEntry]
    /// Seeks, like `offers`.
    public var seeks: [SparseEntry]
    /// Positions of the company's languages in the table's language list, sorted.
    public var languages: [Int]
    /// How many languages the company speaks, those outside the table's list included: a
    /// language no one else speaks still dilutes the ones that are shared.
    public var spokenLanguageCount: Int
    public var size: CompanySize?

    public init(offers: [SparseEntry], seeks: [SparseEntry], languages: [Int], spokenLanguageCount: Int? = nil,
                size: CompanySize?) {
        self.offers = offers
        self.seeks = seeks
        self.languages = languages
        self.spokenLanguageCount = spokenLanguageCount ?? languages.count
        self.size = size
    }

    /// The features of `company`, with sector positions from `taxonomy` and language positions
    /// from `languages` (languages not in that list cannot be shared, and are dropped).
    public init(_ company: Company, taxonomy: Taxonomy, languages: [String]) {
        func unit(_ profile: SectorProfile) -> [SparseEntry] {
            // Scaled by the largest weight first, so any finite positive weights (1e-300 or 1e300)
            // neither underflow nor overflow the sum of squares.
            let largest = profile.weights.values.max() ?? 1
            let entries = profile.entries.compactMap { entry in
                taxonomy.index(ofID: entry.sector).map { SparseEntry(position: $0, weight: entry.weight / largest) }
            }
            let norm = entries.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            return entries.map { SparseEntry(position: $0.position, weight: $0.weight / norm) }.sorted { $0.position < $1.position }
        }
        offers = unit(company.offers)
        seeks = unit(company.seeks)
        self.languages = company.languages.compactMap { languages.firstIndex(of: $0) }.sorted()
        spokenLanguageCount = company.languages.count
        size = company.size
    }
}

/// One non-zero entry of a sparse vector.
public struct SparseEntry: Hashable, Sendable {
    public var position: Int
    public var weight: Double

    public init(position: Int, weight: Double) {
        self.position = position
        self.weight = weight
    }
}
