import LiaisonKernel

/// The score of a pair of companies as one inner product of a "left" and a "right" row, so that a
/// whole score matrix is one matrix product, and its explanation term by term.
///
/// Written term by term, the score stacks left `[w_s·ô_a, ½w_c·ŝ_a, ½w_c·ô_a, w_l·lang_a, w_z·M[size_a]]`
/// against right `[ô_b, ô_b, ŝ_b, lang_b, sel(size_b)]`. The first two right blocks are the same vector, so
/// their left blocks are summed: left `[w_s·ô_a + ½w_c·ŝ_a, ½w_c·ô_a, w_l·lang_a, w_z·M[size_a]]`,
/// right `[ô_b, ŝ_b, lang_b, sel(size_b)]` (``FeatureLayout``) — the same score, a third less work.
/// Right rows do not depend on the weights: a ``FeatureTable`` holds them.
public struct ScoreModel: Sendable {
    public let weights: ScoreWeights
    public let layout: FeatureLayout

    /// The weights as plain numbers: exact scores are computed millions of times per rerank.
    private let sectorWeight: Double, halfComplementarityWeight: Double, languageWeight: Double, sizeWeight: Double

    public init(weights: ScoreWeights, layout: FeatureLayout) {
        self.weights = weights
        self.layout = layout
        sectorWeight = weights[.sector]
        halfComplementarityWeight = weights[.complementarity] / 2
        languageWeight = weights[.language]
        sizeWeight = weights[.size]
    }

    /// The left row of `a`, dense, ``FeatureLayout/width`` wide.
    public func leftRow(_ a: CompanyFeatures) -> [Float] {
        var row = [Float](repeating: 0, count: layout.width)
        let halfComplementarity = weights[.complementarity] / 2
        for entry in a.offers {
            row[layout.offers.lowerBound + entry.position] += Float(weights[.sector] * entry.weight)
            row[layout.seeks.lowerBound + entry.position] = Float(halfComplementarity * entry.weight)
        }
        for entry in a.seeks {
            row[layout.offers.lowerBound + entry.position] += Float(halfComplementarity * entry.weight)
        }
        let language = Float(weights[.language] * a.languageNorm)
        for position in a.languages { row[layout.languages.lowerBound + position] = language }
        for (band, value) in SizeCompatibility.row(a.size).enumerated() {
            row[layout.sizes.lowerBound + band] = Float(weights[.size] * value)
        }
        return row
    }

    /// Left rows of several companies, as a matrix.
    public func leftMatrix(_ features: [CompanyFeatures]) -> Matrix {
        Matrix(rows: features.count, columns: layout.width, elements: features.flatMap(leftRow))
    }

    /// The score of `a` with `b` that every ranking orders by: the sum of its ``components(_:_:)``
    /// in double precision. It depends on the two companies only — not on the kernel, the shape
    /// of a matrix product or the order candidates arrive in — so live matching, a full rerank
    /// and an incremental one score each pair identically, and ties of it are exact.
    public func score(_ a: CompanyFeatures, _ b: CompanyFeatures) -> Double {
        components(a, b).total
    }

    /// Each term's contribution to the score of `a` with `b`, in double precision, without the
    /// per-sector detail: what stored rankings keep for every entry.
    public func components(_ a: CompanyFeatures, _ b: CompanyFeatures) -> ScoreComponents {
        ScoreComponents(
            sector: sectorWeight * Self.dot(a.offers, b.offers),
            complementarity: halfComplementarityWeight * (Self.dot(a.seeks, b.offers) + Self.dot(a.offers, b.seeks)),
            language: languageWeight * Double(Self.shared(a.languages, b.languages)) * a.languageNorm * b.languageNorm,
            size: sizeWeight * SizeCompatibility.fit(a.size, b.size))
    }

    private static func dot(_ x: [SparseEntry], _ y: [SparseEntry]) -> Double {
        var sum = 0.0, i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i].position == y[j].position {
                sum += x[i].weight * y[j].weight
                i += 1
                j += 1
            } else if x[i].position < y[j].position { i += 1 } else { j += 1 }
        }
        return sum
    }

    private static func shared(_ x: [Int], _ y: [Int]) -> Int {
        var count = 0, i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i] == y[j] { count += 1; i += 1; j += 1 } else if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return count
    }

    /// The score of `a` with `b` in double precision, term by term, with each sector's share of
    /// the sector and complementarity terms: what explanations are made of.
    public func breakdown(_ a: CompanyFeatures, _ b: CompanyFeatures) -> ScoreBreakdown {
        var breakdown = ScoreBreakdown()
        for (position, product) in Self.products(a.offers, b.offers) where product > 0 {
            breakdown.add(SectorContribution(term: .sector, sector: position, direction: .both, value: weights[.sector] * product))
        }
        let half = weights[.complementarity] / 2
        for (position, product) in Self.products(a.seeks, b.offers) where product > 0 {
            breakdown.add(SectorContribution(term: .complementarity, sector: position, direction: .youSeekTheyOffer, value: half * product))
        }
        for (position, product) in Self.products(a.offers, b.seeks) where product > 0 {
            breakdown.add(SectorContribution(term: .complementarity, sector: position, direction: .theySeekYouOffer, value: half * product))
        }
        breakdown.sharedLanguages = Set(a.languages).intersection(b.languages).sorted()
        // The terms themselves are the score's, not sums of the sectors' shares (which may round
        // otherwise): they are the numbers stored rankings keep, and they sum to the score.
        let terms = components(a, b)
        breakdown.components = [.sector: terms.sector, .complementarity: terms.complementarity, .language: terms.language, .size: terms.size]
        return breakdown
    }

    /// Products of two sparse vectors sorted by position, position by position.
    private static func products(_ x: [SparseEntry], _ y: [SparseEntry]) -> [(Int, Double)] {
        var result: [(Int, Double)] = []
        var i = 0, j = 0
        while i < x.count && j < y.count {
            if x[i].position == y[j].position {
                result.append((x[i].position, x[i].weight * y[j].weight))
                i += 1
                j += 1
            } else if x[i].position < y[j].position {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}

/// Each term's contribution to one score.
public struct ScoreComponents: Hashable, Sendable {
    public var sector: Double
    public var complementarity: Double
    public var language: Double
    public var size: Double

    public init(sector: Double, complementarity: Double, language: Double, size: Double) {
        self.sector = sector
        self.complementarity = complementarity
        self.language = language
        self.size = size
    }

    public var total: Double { sector + complementarity + language + size }
}

/// A score taken apart: each term's contribution, and the sectors behind the sector terms.
public struct ScoreBreakdown: Sendable {
    /// Contribution of each term; they sum to ``total``, the score, in the order of ``ScoreComponents/total``.
    public var components: [ScoreTerm: Double] = [.sector: 0, .complementarity: 0, .language: 0, .size: 0]
    /// Per-sector contributions to the sector and complementarity terms, largest first.
    public private(set) var sectors: [SectorContribution] = []
    /// Positions of the languages both speak.
    public var sharedLanguages: [Int] = []

    /// The terms' sum, added as the score adds them: sector, complementarity, language, size.
    public var total: Double {
        ScoreComponents(sector: components[.sector] ?? 0, complementarity: components[.complementarity] ?? 0,
                        language: components[.language] ?? 0, size: components[.size] ?? 0).total
    }

    mutating func add(_ contribution: SectorContribution) {
        components[contribution.term, default: 0] += contribution.value
        let index = sectors.firstIndex { $0.value < contribution.value } ?? sectors.endIndex
        sectors.insert(contribution, at: index)
    }
}

/// One sector's share of a sector term.
public struct SectorContribution: Hashable, Sendable {
    /// Which way a sector contributes.
    public enum Direction: String, Sendable, Codable {
        /// Both offer it (the sector term).
        case both
        /// The subject seeks it and the match offers it.
        case youSeekTheyOffer = "you-seek-they-offer"
        /// The match seeks it and the subject offers it.
        case theySeekYouOffer = "they-seek-you-offer"
    }

    public var term: ScoreTerm
    public var sector: Int
    public var direction: Direction
    public var value: Double
}
