import LiaisonCore
import LiaisonScheduling

/// The scores of an event's possible meetings, ready for participants' pages: each participant's
/// features and the score model in force, so a page's suggestions are computed in memory.
///
/// Scores are the exact scores the scheduler uses (``ScoreModel/score(_:_:)`` on the same
/// features), computed on a table of the event's participants only. A board is valid while its
/// ``key`` is the one ``LiaisonDatabase/eventMatchboardKey(_:)`` reads: the web keeps one per
/// event and rebuilds it when a profile, the weights or the participants change.
public struct EventMatchboard: Sendable {
    /// What the board was computed from.
    public struct Key: Hashable, Sendable {
        var catalogVersion: Int64
        var weights: ScoreWeights
        /// Who may meet whom.
        var pairing: Pairing
        /// Participants and sides (`side:company`), one a line, by company.
        var participants: String
    }

    /// A possible meeting for a participant, with why.
    public struct Suggestion: Sendable, Hashable {
        public var company: String
        public var name: String
        public var country: String
        public var city: String
        public var score: Double
        /// Why, seen from the participant the suggestion is for.
        public var reasons: [MatchReason]
    }

    public let event: String
    public let key: Key
    private let model: ScoreModel
    private let explanation: MatchExplanation
    private let features: [String: CompanyFeatures]
    private let sides: [String: Side]
    /// For each side, the participants its participants may meet (those of the other side, or in
    /// an open event every participant) with their features, by id, in the order ties are broken.
    private let candidates: [Side: [(id: String, features: CompanyFeatures)]]
    private let companies: [String: Company]

    init(event: String, key: Key, participants: [Participant], companies: [String: StoredCompany], weights: ScoreWeights,
         taxonomy: Taxonomy) {
        self.event = event
        self.key = key
        let present = participants.compactMap { companies[$0.company] }
        let table = FeatureTable(companies: present.map { ($0.company, $0.revision) }, taxonomy: taxonomy)
        model = ScoreModel(weights: weights, layout: table.layout)
        explanation = MatchExplanation(taxonomy: taxonomy, languages: table.languages)
        var features: [String: CompanyFeatures] = [:]
        for row in 0..<table.count { features[table.ids[row]] = table.features(ofRow: row) }
        self.features = features
        let sides = Dictionary(participants.map { ($0.company, $0.side) }, uniquingKeysWith: { a, _ in a })
        self.sides = sides
        let order = participants.map(\.company).sorted()
        var candidates: [Side: [(id: String, features: CompanyFeatures)]] = [:]
        for side in Set(sides.values) {
            candidates[side] = order.compactMap { other in
                guard let otherSide = sides[other], key.pairing.allows(side, otherSide), let features = features[other] else { return nil }
                return (other, features)
            }
        }
        self.candidates = candidates
        self.companies = companies.mapValues(\.company)
    }

    /// The best `limit` participants `company` may meet (the other side's; in an open event, any
    /// other), best first (ties to the lower id), leaving out `excluded` (blocked pairs, say).
    public func suggestions(for company: String, excluding excluded: Set<String> = [], limit: Int) -> [Suggestion] {
        guard limit > 0, let subject = features[company], let side = sides[company] else { return [] }
        // The best `limit` kept in order while scanning by id: a later candidate with an equal
        // score has the higher id, so it only enters when strictly better than the last kept.
        var best: [(id: String, features: CompanyFeatures, score: Double)] = []
        best.reserveCapacity(limit + 1)
        for candidate in candidates[side] ?? [] where candidate.id != company {
            let score = model.score(subject, candidate.features)
            guard best.count < limit || score > best[best.count - 1].score else { continue }
            guard excluded.isEmpty || !excluded.contains(candidate.id) else { continue }
            let position = best.firstIndex { $0.score < score } ?? best.count
            best.insert((candidate.id, candidate.features, score), at: position)
            if best.count > limit { best.removeLast() }
        }
        return best.map { other, them, score in
            let info = companies[other]
            return Suggestion(company: other, name: info?.name ?? other, country: info?.country ?? "", city: info?.city ?? "", score: score,
                              reasons: explanation.reasons(model.breakdown(subject, them), subjectSize: subject.size, matchSize: them.size))
        }
    }

    /// The exact score of two participants (0 when one has no profile).
    public func score(_ a: String, _ b: String) -> Double {
        guard let x = features[a], let y = features[b] else { return 0 }
        return model.score(x, y)
    }
}
