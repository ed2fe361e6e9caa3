import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison rankings ID`
    struct Rankings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A company's stored matches from the current run.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The company's id.") var id: String
        @Option(help: "Only the list for this target country (a code or a name, e.g. US or Canada).") var country: String?

        func validate() throws {
            if let country, ISOCodes.country(country) == nil { throw ValidationError("--country: '\(country)' is not a country code or name") }
        }

        func run() throws {
            let db = try database.open()
            let target = country.flatMap(ISOCodes.country)
            if let target {
                // A list the company cannot have is a mistake to say, not an empty table.
                _ = try MatchSides.countries(matchedWith: try db.company(id: id).company.country, target: .country(target))
            }
            let stored = try db.storedMatches(of: id, country: target)
            let explanation = MatchExplanation(taxonomy: db.taxonomy, languages: stored.languages)
            let details = try db.companies(ids: stored.lists.values.flatMap { $0.map(\.id) })
            let lists = stored.lists.mapValues { matches in
                matches.enumerated().map { rank, match in
                    MatchRow(rank: rank + 1, match: match, company: details[match.id]?.company, subjectSize: stored.size,
                             explanation: explanation)
                }
            }
            try output.print(RankingsDocument(run: stored.run, company: id, lists: lists))
        }
    }
}

/// `liaison rankings`: a company's lists by target country, each entry shaped as a match of
/// `liaison match`.
struct RankingsDocument: CommandOutput {
    let run: RerankRun
    var company: String
    var lists: [String: [MatchRow]]

    private enum CodingKeys: String, CodingKey { case run, company, lists }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run.id, forKey: .run)
        try container.encode(company, forKey: .company)
        try container.encode(lists, forKey: .lists)
    }

    private var entries: [(target: String, row: MatchRow)] {
        lists.keys.sorted().flatMap { target in lists[target]!.map { (target, $0) } }
    }

    var columns: [String] { ["target_country", "rank", "match", "name", "score", "sector", "complementarity", "language", "size"] }
    var rows: [[String]] {
        entries.map { target, row in
            [target, "\(row.rank)", row.id, row.name, MatchDocument.score(row.score)]
                + ["sector", "complementarity", "language", "size"].map { MatchDocument.score(row.components[$0] ?? 0) }
        }
    }

    var text: String {
        var table = TextTable(["target", "rank", "match", "name", "score"], rightAligned: [1, 4])
        for (target, row) in entries { table.append([target, "\(row.rank)", row.id, row.name, MatchDocument.score(row.score)]) }
        return table.text + "\nrun \(run.id) of \(run.startedAt)"
    }
}
