import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison match`: the best matches for one company, or for an ad-hoc profile.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rank the companies a company (or an ad-hoc profile) should meet, with the reasons.",
            discussion: """
                A Chinese delegate is matched with US and/or Canadian firms; a US or Canadian firm with \
                Chinese delegates. With --offers/--seeks instead of an id, the profile is matched without \
                being stored.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: "The company's id (omit it to match an ad-hoc profile).")
        var id: String?

        @Option(help: "Whose companies to rank: US, CA, CN or any.")
        var country: MatchTarget = .any

        // Unconditional: `--top -1` reaches validation, instead of reading "-1" as an option.
        @Option(parsing: .unconditional, help: "How many matches to list.")
        var top: Int = 10

        @Flag(help: "Add one line of reasons under each match.")
        var explain = false

        @Option(parsing: .unconditional, help: "Leave out matches scoring below this.")
        var minScore: Double?

        @Option(help: "A JSON file of weights (term → value) overriding the stored ones for this run.")
        var weights: String?

        @Flag(help: "Compute live even when the current rerank run's rankings are up to date.")
        var live = false

        @Option(help: "Ad-hoc profile: what the company offers, as sector:weight;sector.")
        var offers: String?

        @Option(help: "Ad-hoc profile: what the company seeks, as sector:weight;sector.")
        var seeks: String?

        @Option(help: "Ad-hoc profile: its languages (ISO 639-1), e.g. en,zh.")
        var languages: String?

        @Option(help: "Ad-hoc profile: its size (micro, small, medium, large, enterprise).")
        var size: CompanySize?

        func validate() throws {
            guard top >= 1 else { throw ValidationError("--top must be at least 1, not \(top)") }
            if let minScore, !minScore.isFinite { throw ValidationError("--min-score must be a number") }
            let adHoc = offers != nil || seeks != nil
            if id != nil && adHoc { throw ValidationError("give either a company id or --offers/--seeks, not both") }
            if id == nil && !adHoc { throw ValidationError("give a company id, or an ad-hoc profile with --offers and/or --seeks") }
            if id != nil && (languages != nil || size != nil) { throw ValidationError("--languages and --size describe an ad-hoc profile; a stored company has its own") }
        }

        func run() throws {
            let db = try database.open()
            let override = try weights.map { try WeightsFile.read($0, over: try db.scoreWeights()) }
            if let warning = override?.sumWarning { Output.note("warning: \(weights!): \(warning)") }
            let subject: MatchQuery.Subject = if let id {
                .company(id)
            } else {
                .profile(offers: offers ?? "", seeks: seeks ?? "",
                         languages: (languages ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map(String.init),
                         size: size)
            }
            let answer = try db.match(MatchQuery(subject: subject, target: country, top: top, minimumScore: minScore),
                                      weights: override, live: live)
            let details = try db.companies(ids: answer.matches.map(\.id))
            let explanation = MatchExplanation(taxonomy: db.taxonomy, languages: answer.languages)
            let rows = answer.matches.enumerated().map { rank, match in
                MatchRow(rank: rank + 1, match: match, company: details[match.id]?.company, subjectSize: answer.size,
                         explanation: explanation)
            }
            let source = switch answer.source {
            case .live: "live"
            case .rankings(let run): "rankings of run \(run.id) (\(run.startedAt)); nothing has changed since"
            }
            try output.print(MatchDocument(subject: id, source: source, matches: rows, explain: explain))
        }
    }
}

extension CompanySize: ExpressibleByArgument {}

extension MatchTarget: ExpressibleByArgument {
    /// `US`, `CA`, `CN` or `any`, in any case.
    public init?(argument: String) {
        self.init(argument)
    }

    public var defaultValueDescription: String { description == "other-side" ? "any" : description }
}
