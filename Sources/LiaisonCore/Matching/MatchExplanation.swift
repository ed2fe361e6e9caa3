/// Turns a score breakdown into its reasons: each sector that adds to the sector terms, shared
/// languages and size fit, largest contribution first (words come from the formats that show
/// them, in the reader's language).
public struct MatchExplanation: Sendable {
    public let taxonomy: Taxonomy
    /// The language codes a breakdown's language positions refer to (the feature table's).
    public let languages: [String]

    /// Contributions smaller than this are left out of the reasons (they still count in the score).
    public static let smallestShown = 0.005

    public init(taxonomy: Taxonomy, languages: [String]) {
        self.taxonomy = taxonomy
        self.languages = languages
    }

    /// The reasons behind a score, seen from the subject, largest contribution first.
    public func reasons(_ breakdown: ScoreBreakdown, subjectSize: CompanySize?, matchSize: CompanySize?) -> [MatchReason] {
        var reasons = breakdown.sectors.map { contribution -> MatchReason in
            let kind: MatchReason.Kind = switch contribution.direction {
            case .both: .bothOffer
            case .youSeekTheyOffer: .youSeekTheyOffer
            case .theySeekYouOffer: .theySeekYouOffer
            }
            return MatchReason(kind: kind, sector: taxonomy.sectors[contribution.sector].id, contribution: contribution.value)
        }
        if let language = breakdown.components[.language], language > 0 {
            reasons.append(MatchReason(kind: .sharedLanguages, languages: breakdown.sharedLanguages.map { languages[$0] },
                                       contribution: language))
        }
        if let size = breakdown.components[.size], size > 0 {
            reasons.append(MatchReason(kind: .sizes, subjectSize: subjectSize, matchSize: matchSize, contribution: size))
        }
        // A stable sort: equal contributions keep the order above.
        return reasons.enumerated().filter { $0.element.contribution >= Self.smallestShown }
            .sorted { ($0.element.contribution, -$0.offset) > ($1.element.contribution, -$1.offset) }.map(\.element)
    }
}
