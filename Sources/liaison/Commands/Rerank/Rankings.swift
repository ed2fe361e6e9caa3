import ArgumentParser
import LiaisonStore

extension Liaison {
    /// `liaison rankings ID`
    struct Rankings: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A company's stored matches from the current run.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The company's id.") var id: String
        @Option(help: "Only the list for this target country.") var country: String?

        func run() throws {
            let db = try database.open()
            let (run, lists) = try db.rankings(of: id, country: country?.uppercased())
            let names = try db.companies(ids: lists.values.flatMap { $0.map(\.match) }).mapValues(\.company.name)
            try output.print(RankingsDocument(run: run, company: id, lists: lists, names: names))
        }
    }
}

/// `liaison rankings`: a company's lists by target country.
struct RankingsDocument: CommandOutput {
    let run: RerankRun
    var company: String
    var lists: [String: [StoredRankingEntry]]
    let names: [String: String]

    private enum CodingKeys: String, CodingKey { case run, company, lists }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(run.id, forKey: .run)
        try container.encode(company, forKey: .company)
        try container.encode(lists, forKey: .lists)
    }

    private var entries: [(target: String, entry: StoredRankingEntry)] {
        lists.keys.sorted().flatMap { target in lists[target]!.map { (target, $0) } }
    }

    var columns: [String] { ["target_country", "rank", "match", "name", "score", "sector", "complementarity", "language", "size"] }
    var rows: [[String]] {
        entries.map { target, e in
            [target, "\(e.rank)", e.match, names[e.match] ?? "", MatchDocument.score(e.score), MatchDocument.score(e.sector),
             MatchDocument.score(e.complementarity), MatchDocument.score(e.language), MatchDocument.score(e.size)]
        }
    }

    var text: String {
        var table = TextTable(["target", "rank", "match", "name", "score"], rightAligned: [1, 4])
        for (target, e) in entries { table.append([target, "\(e.rank)", e.match, names[e.match] ?? "", MatchDocument.score(e.score)]) }
        return table.text + "\nrun \(run.id) of \(run.startedAt)"
    }
}
