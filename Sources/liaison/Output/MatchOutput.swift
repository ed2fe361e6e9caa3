import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

/// One printed match: its rank, the company, the score and the reasons.
struct MatchRow: Encodable {
    struct SectorShare: Encodable {
        var sector: String
        var name: String
        var direction: String?
        var contribution: Double
    }

    var rank: Int
    var id: String
    var name: String
    var country: String
    var city: String
    var score: Double
    var components: [String: Double]
    var sectors: [String: [SectorShare]]
    var reasons: [String]

    /// How many sectors of each sector term are listed.
    static let sectorsShown = 5

    init(rank: Int, match: Matcher.Match, company: Company?, subjectSize: CompanySize?, explanation: MatchExplanation) {
        self.rank = rank
        id = match.id
        name = company?.name ?? ""
        country = company?.country ?? ""
        city = company?.city ?? ""
        score = match.score
        components = Dictionary(uniqueKeysWithValues: match.breakdown.components.map { ($0.key.rawValue, $0.value) })
        var sectors: [String: [SectorShare]] = [:]
        for term in [ScoreTerm.sector, .complementarity] {
            sectors[term.rawValue] = match.breakdown.sectors.filter { $0.term == term }.prefix(Self.sectorsShown).map {
                let sector = explanation.taxonomy.sectors[$0.sector]
                return SectorShare(sector: sector.id, name: sector.name, direction: term == .sector ? nil : $0.direction.rawValue,
                                   contribution: $0.value)
            }
        }
        self.sectors = sectors
        let words = ReasonText(taxonomy: explanation.taxonomy)
        reasons = explanation.reasons(match.breakdown, subjectSize: subjectSize, matchSize: company?.size).map(words.item)
    }
}

/// `liaison match`: the matches best first, with where they came from.
struct MatchDocument: CommandOutput {
    var subject: String?
    /// `live`, or the rerank run the matches were read from.
    var source: String
    var matches: [MatchRow]
    /// Whether the table shows each match's reasons under it.
    var explain = false

    private enum CodingKeys: String, CodingKey { case subject, source, matches }

    var columns: [String] { ["rank", "id", "name", "city", "country", "score"] + ScoreTerm.allCases.map(\.rawValue) + ["reasons"] }
    var rows: [[String]] {
        matches.map { row in
            ["\(row.rank)", row.id, row.name, row.city, row.country, Self.score(row.score)]
                + ScoreTerm.allCases.map { Self.score(row.components[$0.rawValue] ?? 0) } + [row.reasons.joined(separator: "; ")]
        }
    }

    var text: String {
        var table = TextTable(["rank", "id", "name", "city", "country", "score"], rightAligned: [0, 5])
        for row in matches {
            table.append(["\(row.rank)", row.id, row.name, row.city, row.country, Self.score(row.score)])
        }
        let lines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
        var text = [String(lines[0])]
        for (row, line) in zip(matches, lines.dropFirst()) {
            text.append(String(line))
            if explain { text.append("      " + (row.reasons.isEmpty ? "no shared sectors, languages or size fit" : row.reasons.joined(separator: "; "))) }
        }
        if matches.isEmpty { text.append("no matches") }
        if source != "live" { text.append("(from the \(source))") }
        return text.joined(separator: "\n")
    }

    /// A score with four decimals.
    static func score(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
