import LiaisonKernel

/// Answers "whom should this company meet?": the best-scoring companies of the other side,
/// each with the breakdown of its score.
///
/// The table must list companies grouped by ``MatchSides/order(_:_:)``; rows in a country are
/// sorted by id, so ties go to the lower id.
public struct Matcher: Sendable {
    public let table: FeatureTable
    public let model: ScoreModel
    /// A testing seam: the kernel's scores perturbed, as another processor's rounding could.
    var kernelPerturbation: KernelPerturbation?

    public init(table: FeatureTable, weights: ScoreWeights) {
        self.table = table
        model = ScoreModel(weights: weights, layout: table.layout)
    }

    /// One match: the company, its score, and why.
    public struct Match: Sendable {
        /// The match's row in the feature table it was found in; nil when it was read from stored
        /// rankings rather than found in a table.
        public var row: Int?
        public var id: String
        /// The exact score (``ScoreModel/score(_:_:)``): what the match was ranked by.
        public var score: Double
        public var breakdown: ScoreBreakdown

        public init(row: Int?, id: String, score: Double, breakdown: ScoreBreakdown) {
            self.row = row
            self.id = id
            self.score = score
            self.breakdown = breakdown
        }
    }

    /// The row ranges, one per country, a company of `country` may be matched with; for an
    /// ad-hoc profile (`country` nil), the target country's rows, or every country's.
    public func candidateRanges(forCountry country: String?, target: MatchTarget) throws(MatchError) -> [Range<Int>] {
        try MatchSides.countries(matchedWith: country, target: target).map { table.rows(ofCountry: $0) }.filter { !$0.isEmpty }
    }

    /// The best `top` companies in `ranges` for a subject, best first by the exact score
    /// (``ScoreModel/score(_:_:)``), ties to the lower id, whatever the kernel's rounding (see
    /// ``ExactTopK``); the subject's own row (when it has one) never among them.
    public func matches(for subject: CompanyFeatures, subjectRow: Int?, in ranges: [Range<Int>], top: Int,
                        minimumScore: Double? = nil, threads: Int = TopK.defaultThreads) -> [Match] {
        let query = model.leftRow(subject)
        // Each country's exact best `top` (whatever the kernel's rounding), then the best of those.
        let exact = ExactTopK(model: model, perturbation: kernelPerturbation)
        let found = ranges.flatMap { range in
            let exclusions = subjectRow.map { ExclusionList(queryCount: 1, pairs: [(0, $0 - range.lowerBound)]) } ?? .none
            let kernel = exact.kernel(query: query, rows: table.rows, in: range, excluding: exclusions, threads: threads)
            return exact.best(queries: 1, keep: top, candidates: range.count, minimums: minimumScore.map { [$0] }, kernel: kernel) { _ in
                { model.score(subject, table.features(ofRow: $0)) }
            }.lists[0].map { (row: $0.row, id: table.ids[$0.row], score: $0.score) }
        }
        let best = found.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(top)
        return best.map { match in
            Match(row: match.row, id: match.id, score: match.score, breakdown: model.breakdown(subject, table.features(ofRow: match.row)))
        }
    }
}

/// Why a match was refused.
public enum MatchError: Error, Equatable, CustomStringConvertible {
    case notMatched(String)
    case wrongSide(country: String, target: String, allowed: [String])
    case emptySide(String)
    case unknownCompany(String)
    /// A stored company of a country that is neither the delegation's nor a host's.
    case companyNotMatched(id: String, country: String)

    /// What happened, without what to do about it where that is a command: the part every front
    /// end says alike, each then saying what to do in its own terms (the CLI an option, the
    /// console a field).
    public var fact: String {
        switch self {
        case .wrongSide(let country, let target, let allowed):
            "\(country.isEmpty ? "this profile" : "a company of \(country)") is matched with \(allowed.joined(separator: " or ")) companies, not \(target)"
        case .unknownCompany(let id):
            "no company with id \(CompanyText.quoted(id)) among the matched companies (\(MatchSides.delegation), \(MatchSides.hosts.joined(separator: ", ")))"
        default: description
        }
    }

    /// The ``fact`` and what to do about it at the terminal.
    public var description: String {
        switch self {
        case .notMatched(let country):
            "companies of \(country) are not matched; Liaison pairs \(MatchSides.delegation) delegates with \(MatchSides.hosts.joined(separator: " and ")) firms"
        case .wrongSide(_, _, let allowed):
            fact + "; use --country \(allowed.first ?? "any") or any"
        case .emptySide(let what):
            "there are no \(what) companies to match with; import some first"
        case .companyNotMatched(let id, let country):
            "\(CompanyText.quoted(id)) is a company of \(country), and " + MatchError.notMatched(country).description
        case .unknownCompany:
            fact + "; `liaison companies list` shows the ids"
        }
    }
}
