/// The terms of the score: each a bilinear product of two companies' vectors, weighted.
public enum ScoreTerm: String, CaseIterable, Codable, Sendable, Comparable {
    /// Same-industry peers: cos(offers_a, offers_b).
    case sector
    /// Complementarity: ½[cos(seeks_a, offers_b) + cos(offers_a, seeks_b)].
    case complementarity
    /// A shared working language: cos(languages_a, languages_b).
    case language
    /// Size compatibility: `SizeCompatibility` of the two size bands.
    case size

    /// What the term rewards, in one sentence.
    public var sentence: String {
        switch self {
        case .sector: "Rewards companies that offer the same sectors (industry peers, cosine of their offers)."
        case .complementarity: "Rewards what one seeks and the other offers, both ways (half of each cosine)."
        case .language: "Rewards a shared working language (cosine of their language lists)."
        case .size: "Rewards compatible company sizes (1 for the same band, 0.25 less per band apart)."
        }
    }

    public static func < (a: ScoreTerm, b: ScoreTerm) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The weight of each score term. Each term lies in [0, 1], so with weights summing to 1 a
/// score lies in [0, 1] too.
public struct ScoreWeights: Hashable, Sendable, Codable {
    public private(set) var values: [ScoreTerm: Double]

    /// The defaults: complementarity first — a meeting is worth most when one has what the other
    /// seeks, so a buyer found (up to 0.30 each way) outweighs a same-industry peer (up to 0.20) —
    /// then language and size.
    public static let defaults = ScoreWeights(uncheckedValues: [.sector: 0.20, .complementarity: 0.60, .language: 0.10, .size: 0.10])

    private init(uncheckedValues: [ScoreTerm: Double]) {
        values = uncheckedValues
    }

    /// The largest weight: weights are relative, and a thousand times another is far beyond any
    /// use, while larger ones overflow what scores and their parts are computed and shown with.
    public static let largest = 1_000.0

    /// Weights for every term; each must be from 0 to ``largest``, and not all may be 0.
    public init(_ values: [ScoreTerm: Double]) throws(ScoreWeightsError) {
        var complete = Self.defaults.values
        for (term, value) in values {
            guard value.isFinite, value >= 0, value <= Self.largest else { throw .invalidValue(term, value) }
            complete[term] = value + 0  // -0 becomes 0
        }
        guard complete.values.contains(where: { $0 > 0 }) else { throw .allZero }
        self.values = complete
    }

    public subscript(term: ScoreTerm) -> Double { values[term] ?? 0 }

    /// The sum of the weights: with 1, every score lies in [0, 1].
    public var sum: Double { ScoreTerm.allCases.reduce(0) { $0 + self[$1] } }

    /// A warning when the weights do not sum to 1 (scores then do not lie in [0, 1] and thresholds
    /// such as `--min-score` change meaning), nil when they do.
    public var sumWarning: String? {
        let total = sum
        guard abs(total - 1) > 1e-9 else { return nil }
        let shown = (total * 1000).rounded() / 1000
        return "the weights sum to \(shown), not 1: scores then range up to \(shown) instead of 1"
    }

    /// These weights with some terms changed, by term name (as in a `--weights` JSON file).
    public func overriding(with named: [String: Double]) throws(ScoreWeightsError) -> ScoreWeights {
        var changed = values
        for (name, value) in named {
            guard let term = ScoreTerm(rawValue: name) else { throw .unknownTerm(name) }
            changed[term] = value
        }
        return try ScoreWeights(changed)
    }

    /// These weights with one term changed.
    public func setting(_ term: ScoreTerm, to value: Double) throws(ScoreWeightsError) -> ScoreWeights {
        var changed = values
        changed[term] = value
        return try ScoreWeights(changed)
    }
}

/// Why weights were refused.
public enum ScoreWeightsError: Error, Equatable, CustomStringConvertible {
    case invalidValue(ScoreTerm, Double)
    case unknownTerm(String)
    case allZero

    public var description: String {
        switch self {
        case .invalidValue(let term, let value):
            "weight of \(term.rawValue) must be a finite number of at least 0 and at most \(Int(ScoreWeights.largest)), not \(value)"
        case .unknownTerm(let name): "unknown score term '\(name)'; terms are \(ScoreTerm.allCases.map(\.rawValue).joined(separator: ", "))"
        case .allZero: "at least one weight must be above 0"
        }
    }
}

/// How well two size bands fit: 1 for the same band, 0.25 less for each band apart. Symmetric,
/// so the score stays symmetric. An unknown size counts as the average over bands.
public enum SizeCompatibility {
    public static func value(_ a: CompanySize, _ b: CompanySize) -> Double {
        1 - Double(abs(a.rank - b.rank)) / Double(CompanySize.allCases.count - 1)
    }

    /// How well sizes `a` and `b` fit; an unknown size fits as the average over every band. Each
    /// value of the matrix is a multiple of ¼, so the sum is exact and the one division rounds
    /// correctly: fits equal in exact arithmetic are equal here too.
    public static func fit(_ a: CompanySize?, _ b: CompanySize?) -> Double {
        switch (a, b) {
        case let (a?, b?): value(a, b)
        case let (known?, nil), let (nil, known?): averageFit[known.rank]
        case (nil, nil): averageFitOfUnknowns
        }
    }

    /// The fit of each band with an unknown size (the matrix is symmetric: either side).
    private static let averageFit = CompanySize.allCases.map { average([$0], CompanySize.allCases) }
    private static let averageFitOfUnknowns = average(CompanySize.allCases, CompanySize.allCases)

    private static func average(_ left: [CompanySize], _ right: [CompanySize]) -> Double {
        let sum = left.reduce(0.0) { total, x in right.reduce(total) { $0 + value(x, $1) } }
        return sum / Double(left.count * right.count)
    }

    /// Row `a` of the matrix; for an unknown size, the average row.
    static func row(_ size: CompanySize?) -> [Double] {
        let bands = CompanySize.allCases
        guard let size else {
            return bands.map { b in bands.reduce(0) { $0 + value($1, b) } / Double(bands.count) }
        }
        return bands.map { value(size, $0) }
    }

    /// The one-hot column selector of `b`; for an unknown size, the uniform average.
    static func selector(_ size: CompanySize?) -> [Double] {
        let bands = CompanySize.allCases
        guard let size else { return bands.map { _ in 1 / Double(bands.count) } }
        return bands.map { $0 == size ? 1 : 0 }
    }
}
