import LiaisonCore

extension ReferenceScore {
    /// A catalog of companies scored by id with the reference formula, each company's profile
    /// worked out once: fast enough to score every pair of a catalog after every run.
    public struct Catalog: Sendable {
        /// The formula, with the catalog's weights.
        public let formula: ReferenceScore
        /// The companies, by id.
        public let companies: [String: Company]
        private let profiles: [String: Profile]
        /// Companies numbered by what they score with: twins share a number.
        private let profileNumbers: [String: Int]

        /// The catalog of `companies` (ids unique) under `weights`.
        public init(_ companies: [Company], weights: ScoreWeights = .defaults) {
            formula = ReferenceScore(weights)
            self.companies = Dictionary(uniqueKeysWithValues: companies.map { ($0.id, $0) })
            var profiles: [String: Profile] = [:], numbers: [Profile: Int] = [:], profileNumbers: [String: Int] = [:]
            for company in companies {
                let profile = Profile(company)
                profiles[company.id] = profile
                profileNumbers[company.id] = numbers[profile] ?? numbers.count
                if numbers[profile] == nil { numbers[profile] = numbers.count }
            }
            (self.profiles, self.profileNumbers) = (profiles, profileNumbers)
        }

        /// Each term's contribution to the score of `a` (the subject) with `b`.
        public func components(_ a: String, _ b: String) -> Components {
            formula.components(profiles[a]!, profiles[b]!)
        }

        /// The score of `a` (the subject) with `b`.
        public func score(_ a: String, _ b: String) -> Double {
            components(a, b).total
        }

        /// Whether two companies score the same with everyone: same sectors, languages and size.
        public func twins(_ a: String, _ b: String) -> Bool {
            profileNumbers[a]! == profileNumbers[b]!
        }
    }
}
