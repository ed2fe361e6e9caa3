/// Where each feature sits in a row: the one place that knows the column layout shared by
/// feature tables (right rows) and the score model (left rows).
///
/// Columns: offers (one per sector), seeks (one per sector), languages (one per language of the
/// table), size bands (one per band), then zero padding to a multiple of ``alignment``.
public struct FeatureLayout: Hashable, Sendable {
    public let sectorCount: Int
    public let languageCount: Int

    /// Row widths are padded to a multiple of this, which suits SIMD loads in BLAS kernels.
    public static let alignment = 8

    public init(sectorCount: Int, languageCount: Int) {
        self.sectorCount = sectorCount
        self.languageCount = languageCount
    }

    public var offers: Range<Int> { 0..<sectorCount }
    public var seeks: Range<Int> { sectorCount..<2 * sectorCount }
    public var languages: Range<Int> { 2 * sectorCount..<2 * sectorCount + languageCount }
    public var sizes: Range<Int> { languages.upperBound..<languages.upperBound + CompanySize.allCases.count }

    /// The row width, padding included.
    public var width: Int {
        (sizes.upperBound + Self.alignment - 1) / Self.alignment * Self.alignment
    }

    /// The right row of `b`: `[ô_b, ŝ_b, lang_b, sel(size_b)]`, as (column, value) entries in column order.
    func rightEntries(_ b: CompanyFeatures) -> [(column: Int, value: Double)] {
        var entries = b.offers.map { (column: offers.lowerBound + $0.position, value: $0.weight) }
        entries += b.seeks.map { (column: seeks.lowerBound + $0.position, value: $0.weight) }
        let language = b.languageNorm
        entries += b.languages.map { (column: languages.lowerBound + $0, value: language) }
        for (band, value) in SizeCompatibility.selector(b.size).enumerated() where value != 0 {
            entries.append((column: sizes.lowerBound + band, value: value))
        }
        return entries
    }

    /// The features a right row was made from.
    func features(fromRight entries: [(column: Int, value: Double)]) -> CompanyFeatures {
        var features = CompanyFeatures(offers: [], seeks: [], languages: [], size: nil)
        var bands: [Int] = []
        for entry in entries {
            if offers.contains(entry.column) {
                features.offers.append(SparseEntry(position: entry.column - offers.lowerBound, weight: entry.value))
            } else if seeks.contains(entry.column) {
                features.seeks.append(SparseEntry(position: entry.column - seeks.lowerBound, weight: entry.value))
            } else if languages.contains(entry.column) {
                features.languages.append(entry.column - languages.lowerBound)
                // Each language column holds 1/√(languages spoken), counting any outside the table.
                let spoken = (1 / (entry.value * entry.value)).rounded()
                if spoken.isFinite, spoken >= 1, spoken <= Double(Int32.max) { features.spokenLanguageCount = Int(spoken) }
            } else if sizes.contains(entry.column) {
                bands.append(entry.column - sizes.lowerBound)
            }
        }
        features.spokenLanguageCount = max(features.spokenLanguageCount, features.languages.count)
        features.size = bands.count == 1 ? CompanySize.allCases[bands[0]] : nil
        return features
    }
}

extension CompanyFeatures {
    /// 1/√(number of languages spoken): the language indicator scaled to unit length.
    var languageNorm: Double {
        spokenLanguageCount == 0 ? 0 : 1 / Double(spokenLanguageCount).squareRoot()
    }
}
