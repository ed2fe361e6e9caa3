/// Turns a score breakdown into words: "both in logistics & transportation +0.31; you seek clean
/// energy, they offer it +0.22; shared language en +0.05".
public struct MatchExplanation: Sendable {
    public let taxonomy: Taxonomy
    public let languages: [String]

    /// Contributions smaller than this are left out of the words (they still count in the score).
    public static let smallestShown = 0.005

    public init(taxonomy: Taxonomy, languages: [String]) {
        self.taxonomy = taxonomy
        self.languages = languages
    }

    /// One reason: what it says and how much it adds.
    public struct Reason: Hashable, Sendable {
        public var text: String
        public var contribution: Double
    }

    /// The reasons behind a score, largest contribution first.
    public func reasons(_ breakdown: ScoreBreakdown, subjectSize: CompanySize?, matchSize: CompanySize?) -> [Reason] {
        var reasons = breakdown.sectors.map { contribution -> Reason in
            let name = taxonomy.sectors[contribution.sector].name.lowercased()
            let text = switch contribution.direction {
            case .both: "both in \(name)"
            case .youSeekTheyOffer: "you seek \(name), they offer it"
            case .theySeekYouOffer: "they seek \(name), you offer it"
            }
            return Reason(text: text, contribution: contribution.value)
        }
        if let language = breakdown.components[.language], language > 0 {
            let codes = breakdown.sharedLanguages.map { languages[$0] }
            reasons.append(Reason(text: "shared language\(codes.count > 1 ? "s" : "") \(codes.joined(separator: ", "))", contribution: language))
        }
        if let size = breakdown.components[.size], size > 0 {
            let text = switch (subjectSize, matchSize) {
            case let (a?, b?) where a == b: "same size (\(a.rawValue))"
            case let (a?, b?): "sizes \(a.rawValue) and \(b.rawValue)"
            default: "size unknown (average fit)"
            }
            reasons.append(Reason(text: text, contribution: size))
        }
        return reasons.filter { $0.contribution >= Self.smallestShown }.sorted { $0.contribution > $1.contribution }
    }

    /// The reasons on one line, e.g. `both in logistics & transportation +0.31; shared language en +0.05`.
    public func line(_ reasons: [Reason]) -> String {
        reasons.map { "\($0.text) +\(Self.format($0.contribution))" }.joined(separator: "; ")
    }

    /// A contribution with two decimals, e.g. `0.31`.
    public static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
