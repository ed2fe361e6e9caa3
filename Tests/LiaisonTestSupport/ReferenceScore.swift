import Foundation
import LiaisonCore

/// The score formula written out from its definition, independently of the library's
/// `ScoreModel`, in double precision: what the tests check the library's scores against.
///
/// Each term's contribution to the score of `a` (the subject) with `b`:
/// - sector: w · cos(offers_a, offers_b)
/// - complementarity: w/2 · [cos(seeks_a, offers_b) + cos(offers_a, seeks_b)]
/// - language: w · |A ∩ B| / √(|A|·|B|) over the sets of languages (0 when either is empty)
/// - size: w · (1 − |rank(a) − rank(b)|/4), averaged over the bands of an unknown size.
///
/// Profiles are scaled by their largest weight before they are normalised, so extreme weights
/// neither overflow nor underflow. For tests and benchmarks only.
///
///     let reference = ReferenceScore()
///     let score = reference.score(ReferenceScore.Profile(delegate), ReferenceScore.Profile(firm))
public struct ReferenceScore: Sendable {
    /// The default weights as the README states them, written out here rather than read from the
    /// library, so that a change of the library's defaults fails the tests that rely on them.
    public static let defaultWeights: [String: Double] = ["sector": 0.20, "complementarity": 0.60, "language": 0.10, "size": 0.10]

    /// The size bands from smallest to largest.
    public static let sizeBands = ["micro", "small", "medium", "large", "enterprise"]

    /// The weight of each term, by name.
    public let weights: [String: Double]
    private let sector: Double, complementarity: Double, language: Double, size: Double

    /// A formula with `weights`, which must name every term.
    public init(weights: [String: Double] = defaultWeights) {
        self.weights = weights
        (sector, complementarity, language, size) = (weights["sector"]!, weights["complementarity"]!, weights["language"]!, weights["size"]!)
    }

    /// A formula with the library's weights (the values only: nothing of the model is used).
    public init(_ weights: ScoreWeights) {
        self.init(weights: Dictionary(uniqueKeysWithValues: ScoreTerm.allCases.map { ($0.rawValue, weights[$0]) }))
    }

    /// Each term's weighted contribution to the score of `a` (the subject) with `b`.
    public func components(_ a: Profile, _ b: Profile) -> Components {
        Components(sector: sector * a.unitOffers.dot(b.unitOffers),
                   complementarity: complementarity / 2 * (a.unitSeeks.dot(b.unitOffers) + a.unitOffers.dot(b.unitSeeks)),
                   language: language * Self.languageCosine(a.languageSet, b.languageSet),
                   size: size * Self.sizeFit(rank: a.sizeRank, rank: b.sizeRank))
    }

    /// The score of `a` (the subject) with `b`: the sum of the components.
    public func score(_ a: Profile, _ b: Profile) -> Double {
        components(a, b).total
    }

    /// The `top` best of `candidates` for `subject`, best first, equal scores by id.
    public func ranking(_ subject: Profile, among candidates: [(id: String, profile: Profile)], top: Int) -> [(id: String, score: Double)] {
        let scored = candidates.map { (id: $0.id, score: score(subject, $0.profile)) }
        return Array(scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(top))
    }
}

// MARK: - Companies

extension ReferenceScore {
    /// The components of `a` with `b` under `weights`.
    public static func components(_ a: Company, _ b: Company, weights: ScoreWeights = .defaults) -> Components {
        ReferenceScore(weights).components(Profile(a), Profile(b))
    }

    /// The score of `a` with `b` under `weights`.
    public static func score(_ a: Company, _ b: Company, weights: ScoreWeights = .defaults) -> Double {
        components(a, b, weights: weights).total
    }
}

// MARK: - Terms

extension ReferenceScore {
    /// The weighted contribution of each term.
    public struct Components: Sendable, Equatable {
        /// Same-industry peers: w · cos(offers_a, offers_b).
        public var sector: Double
        /// Each offers what the other seeks: w/2 · [cos(seeks_a, offers_b) + cos(offers_a, seeks_b)].
        public var complementarity: Double
        /// Shared working languages.
        public var language: Double
        /// How close the size bands are.
        public var size: Double

        /// The score: the four terms added.
        public var total: Double { sector + complementarity + language + size }

        /// The term named `name` (`sector`, `complementarity`, `language` or `size`).
        public subscript(name: String) -> Double {
            switch name {
            case "sector": sector
            case "complementarity": complementarity
            case "language": language
            case "size": size
            default: preconditionFailure("no score term \(name)")
            }
        }

        /// The term `term`.
        public subscript(term: ScoreTerm) -> Double { self[term.rawValue] }

        /// The four terms by name.
        public var byName: [String: Double] {
            ["sector": sector, "complementarity": complementarity, "language": language, "size": size]
        }
    }

    /// cos(a, b) of two sector profiles (0 when either is empty).
    public static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        UnitVector(a).dot(UnitVector(b))
    }

    /// The cosine of two sets of languages: shared / √(|a|·|b|), 0 when either is empty.
    public static func languageCosine(_ a: [String], _ b: [String]) -> Double {
        languageCosine(Set(a), Set(b))
    }

    static func languageCosine(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var shared = 0
        for language in a where b.contains(language) { shared += 1 }
        return Double(shared) / (Double(a.count) * Double(b.count)).squareRoot()
    }

    /// 1 − |rank(a) − rank(b)|/4 for sizes named as in ``sizeBands``, averaged over every band for
    /// an unknown size.
    public static func sizeFit(_ a: String?, _ b: String?) -> Double {
        sizeFit(rank: a.map { sizeBands.firstIndex(of: $0)! }, rank: b.map { sizeBands.firstIndex(of: $0)! })
    }

    /// The size fit of two of the library's size bands, by their names.
    public static func sizeFit(_ a: CompanySize?, _ b: CompanySize?) -> Double {
        sizeFit(a?.rawValue, b?.rawValue)
    }

    static func sizeFit(rank a: Int?, rank b: Int?) -> Double {
        let left = a.map { [$0] } ?? Array(sizeBands.indices), right = b.map { [$0] } ?? Array(sizeBands.indices)
        var total = 0.0
        for x in left {
            for y in right { total += 1 - Double(abs(x - y)) / 4 }
        }
        return total / Double(left.count * right.count)
    }
}

// MARK: - Profiles

extension ReferenceScore {
    /// What the formula needs of a company: its sector profiles, languages and size, with the
    /// unit vectors worked out once so that scoring many pairs stays fast.
    public struct Profile: Sendable, Hashable {
        /// Offered sectors and their weights (any scale).
        public var offers: [String: Double] { didSet { unitOffers = UnitVector(offers) } }
        /// Sought sectors and their weights (any scale).
        public var seeks: [String: Double] { didSet { unitSeeks = UnitVector(seeks) } }
        /// Working languages.
        public var languages: [String] { didSet { languageSet = Set(languages) } }
        /// A size band of ``ReferenceScore/sizeBands``, nil when unknown.
        public var size: String? { didSet { sizeRank = Self.rank(size) } }

        fileprivate private(set) var unitOffers: UnitVector
        fileprivate private(set) var unitSeeks: UnitVector
        fileprivate private(set) var languageSet: Set<String>
        fileprivate private(set) var sizeRank: Int?

        /// A profile from its parts.
        public init(offers: [String: Double], seeks: [String: Double] = [:], languages: [String] = [], size: String? = nil) {
            (self.offers, self.seeks, self.languages, self.size) = (offers, seeks, languages, size)
            (unitOffers, unitSeeks, languageSet, sizeRank) = (UnitVector(offers), UnitVector(seeks), Set(languages), Self.rank(size))
        }

        /// The profile of a library company.
        public init(_ company: Company) {
            self.init(offers: company.offers.weights, seeks: company.seeks.weights, languages: company.languages, size: company.size?.rawValue)
        }

        private static func rank(_ size: String?) -> Int? {
            size.map { size in
                guard let rank = ReferenceScore.sizeBands.firstIndex(of: size) else { preconditionFailure("no size band \(size)") }
                return rank
            }
        }

        /// Equal profiles score the same with everyone: the same sectors, language set and size.
        public static func == (a: Profile, b: Profile) -> Bool {
            (a.offers, a.seeks, a.languageSet, a.size) == (b.offers, b.seeks, b.languageSet, b.size)
        }

        /// Hashes what ``==`` compares.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(offers)
            hasher.combine(seeks)
            hasher.combine(languageSet)
            hasher.combine(size)
        }
    }
}

/// A sector profile scaled to unit length, as parallel arrays sorted by sector number: a dot
/// product is one merge, without hashing.
struct UnitVector: Sendable {
    private var sectors: [Int] = []
    private var values: [Double] = []

    init(_ weights: [String: Double]) {
        // Scaled by the largest weight first, so that extreme weights neither overflow nor underflow.
        guard let largest = weights.values.max(), largest > 0 else { return }
        let scaled = weights.mapValues { $0 / largest }
        let norm = scaled.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        for (sector, value) in scaled.map({ (SectorNumbers.shared.number($0.key), $0.value / norm) }).sorted(by: { $0.0 < $1.0 }) {
            sectors.append(sector)
            values.append(value)
        }
    }

    func dot(_ other: UnitVector) -> Double {
        var (i, j, total) = (0, 0, 0.0)
        while i < sectors.count, j < other.sectors.count {
            if sectors[i] < other.sectors[j] {
                i += 1
            } else if sectors[i] > other.sectors[j] {
                j += 1
            } else {
                total += values[i] * other.values[j]
                (i, j) = (i + 1, j + 1)
            }
        }
        return total
    }
}

/// Sector ids numbered in the order they are first seen, shared by every profile of the process.
private final class SectorNumbers: @unchecked Sendable {
    static let shared = SectorNumbers()
    private let lock = NSLock()
    private var numbers: [String: Int] = [:]

    func number(_ id: String) -> Int {
        lock.withLock {
            if let number = numbers[id] { return number }
            numbers[id] = numbers.count
            return numbers.count - 1
        }
    }
}
