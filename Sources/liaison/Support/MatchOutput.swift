import Foundation
import LiaisonCore
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
        reasons = explanation.reasons(match.breakdown, subjectSize: subjectSize, matchSize: company?.size).map {
            "\($0.text) +\(MatchExplanation.format($0.contribution))"
        }
    }
}

/// Prints matches as a table, CSV or JSON.
enum MatchOutput {
    static func print(_ rows: [MatchRow], subject: String?, source: String, format: ListFormat, explain: Bool) throws {
        switch format {
        case .json:
            Swift.print(try Output.json(MatchDocument(subject: subject, source: source, matches: rows)))
        case .csv:
            let terms = ScoreTerm.allCases.map(\.rawValue)
            let header = ["rank", "id", "name", "city", "country", "score"] + terms + ["reasons"]
            try Output.write(try CSVTable.data(header: header, rows: rows.map { row in
                ["\(row.rank)", row.id, row.name, row.city, row.country, Self.score(row.score)]
                    + terms.map { Self.score(row.components[$0] ?? 0) } + [row.reasons.joined(separator: "; ")]
            }))
        case .table:
            var table = TextTable(["rank", "id", "name", "city", "country", "score"], rightAligned: [0, 5])
            for row in rows {
                table.append(["\(row.rank)", row.id, row.name, row.city, row.country, Self.score(row.score)])
            }
            let lines = table.text.split(separator: "\n", omittingEmptySubsequences: false)
            Swift.print(lines[0])
            for (row, line) in zip(rows, lines.dropFirst()) {
                Swift.print(line)
                if explain { Swift.print("      " + (row.reasons.isEmpty ? "no shared sectors, languages or size fit" : row.reasons.joined(separator: "; "))) }
            }
            if rows.isEmpty { Swift.print("no matches") }
            if source != "live" { Swift.print("(from the \(source))") }
        }
    }

    static func score(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}

/// `liaison match --format json`.
struct MatchDocument: Encodable {
    var subject: String?
    /// `live`, or the rerank run the matches were read from.
    var source: String
    var matches: [MatchRow]
}
