import LiaisonKernel

/// One `liaison match` request: whom should this company (or this profile) meet?
public struct MatchQuery: Sendable {
    /// Who the matches are for.
    public enum Subject: Sendable {
        /// A stored company, by id.
        case company(String)
        /// A profile that is not stored: sectors in the text form `sector:weight;sector`.
        case profile(offers: String, seeks: String, languages: [String], size: CompanySize?)
    }

    public var subject: Subject
    public var target: MatchTarget
    public var top: Int
    public var minimumScore: Double?

    public init(subject: Subject, target: MatchTarget = .any, top: Int = 10, minimumScore: Double? = nil) {
        self.subject = subject
        self.target = target
        self.top = top
        self.minimumScore = minimumScore
    }

    /// The answer: the subject as matched, and its matches best first.
    public struct Answer: Sendable {
        /// The subject's country, nil for an ad-hoc profile.
        public var country: String?
        public var size: CompanySize?
        public var matches: [Matcher.Match]

        public init(country: String?, size: CompanySize?, matches: [Matcher.Match]) {
            self.country = country
            self.size = size
            self.matches = matches
        }
    }

    /// Runs the query against `table` with `weights`.
    public func run(table: FeatureTable, weights: ScoreWeights, taxonomy: Taxonomy,
                    threads: Int = TopK.defaultThreads) throws -> Answer {
        let matcher = Matcher(table: table, weights: weights)
        let features: CompanyFeatures, row: Int?, country: String?
        switch subject {
        case .company(let id):
            guard let found = table.row(ofID: id) else { throw MatchError.unknownCompany(id) }
            (features, row, country) = (table.features(ofRow: found), found, table.countries[found])
        case .profile(let offers, let seeks, let languages, let size):
            features = try Self.features(offers: offers, seeks: seeks, languages: languages, size: size,
                                         taxonomy: taxonomy, table: table)
            (row, country) = (nil, nil)
        }
        let ranges = try matcher.candidateRanges(forCountry: country, target: target)
        guard !ranges.isEmpty else { throw MatchError.emptySide(target.description) }
        let matches = matcher.matches(for: features, subjectRow: row, in: ranges, top: top,
                                      minimumScore: minimumScore, threads: threads)
        return Answer(country: country, size: features.size, matches: matches)
    }

    /// The features of an ad-hoc profile; unknown sectors, bad weights and unknown languages are errors.
    static func features(offers: String, seeks: String, languages: [String], size: CompanySize?,
                         taxonomy: Taxonomy, table: FeatureTable) throws(FieldIssues) -> CompanyFeatures {
        var issues: [FieldIssue] = []
        func profile(_ text: String, _ field: String) -> SectorProfile {
            do {
                return SectorProfile.resolving(try ProfileEntry.parseList(text, field: field), field: field,
                                               taxonomy: taxonomy, issues: &issues)
            } catch {
                issues.append(error)
                return SectorProfile()
            }
        }
        let company = Company(id: "ad-hoc", name: "ad-hoc profile", country: "", size: size,
                              languages: ISOCodes.languageList(languages, issues: &issues),
                              offers: profile(offers, "offers"), seeks: profile(seeks, "seeks"))
        if issues.isEmpty, company.offers.isEmpty, company.seeks.isEmpty {
            issues.append(FieldIssue(field: "offers", message: "the profile is empty: give --offers and/or --seeks"))
        }
        guard issues.isEmpty else { throw FieldIssues(issues: issues) }
        return CompanyFeatures(company, taxonomy: taxonomy, languages: table.languages)
    }
}

extension MatchTarget: CustomStringConvertible {
    public var description: String {
        switch self {
        case .any: "other-side"
        case .country(let code): code
        }
    }
}
