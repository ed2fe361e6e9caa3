/// One reason two companies match, in data rather than words: which term, which sector or
/// languages or sizes, and how much it adds to the score. Stored with scheduled meetings, so an
/// agenda explains a meeting as it was scored, and written out in each reader's language and from
/// each reader's side.
public struct MatchReason: Hashable, Sendable, Codable {
    /// What the reason is about, seen from the subject (the "you" of the words).
    public enum Kind: String, Hashable, Sendable, Codable {
        /// Both offer the sector (the sector term).
        case bothOffer = "both"
        /// The subject seeks the sector and the match offers it.
        case youSeekTheyOffer = "you-seek-they-offer"
        /// The match seeks the sector and the subject offers it.
        case theySeekYouOffer = "they-seek-you-offer"
        /// They share working languages.
        case sharedLanguages = "languages"
        /// Their sizes fit.
        case sizes = "size"
    }

    public var kind: Kind
    /// The sector's id, for the sector kinds.
    public var sector: String?
    /// The shared language codes, for ``Kind/sharedLanguages``.
    public var languages: [String]?
    /// The subject's then the match's size, for ``Kind/sizes`` (nil where unknown).
    public var subjectSize: CompanySize?
    public var matchSize: CompanySize?
    /// What the reason adds to the score.
    public var contribution: Double

    public init(kind: Kind, sector: String? = nil, languages: [String]? = nil, subjectSize: CompanySize? = nil,
                matchSize: CompanySize? = nil, contribution: Double) {
        self.kind = kind
        self.sector = sector
        self.languages = languages
        self.subjectSize = subjectSize
        self.matchSize = matchSize
        self.contribution = contribution
    }

    /// The same reason told to the match: "you seek" and "they seek" trade places, and so do the sizes.
    public var seenFromMatch: MatchReason {
        var reason = self
        switch kind {
        case .youSeekTheyOffer: reason.kind = .theySeekYouOffer
        case .theySeekYouOffer: reason.kind = .youSeekTheyOffer
        default: break
        }
        (reason.subjectSize, reason.matchSize) = (matchSize, subjectSize)
        return reason
    }
}
