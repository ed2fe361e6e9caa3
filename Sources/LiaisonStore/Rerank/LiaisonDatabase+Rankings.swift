import Foundation
import GRDB
import LiaisonCore

/// One stored ranking entry of the current run.
public struct StoredRankingEntry: Hashable, Sendable, Codable {
    public var rank: Int
    public var match: String
    public var score: Double
    public var sector: Double
    public var complementarity: Double
    public var language: Double
    public var size: Double
}

extension LiaisonDatabase {
    /// The current run's lists of a company, by target country (one, or all it has).
    public func rankings(of company: String, country: String? = nil) throws -> (run: RerankRun, lists: [String: [StoredRankingEntry]]) {
        guard let run = try rerankRuns().first(where: \.isCurrent) else { throw RankingError.noRun }
        guard try writer.read({ db in try CompanyStore.fetch(id: company, in: db) }) != nil else { throw StoreError.unknownCompany(company) }
        let rows = try writer.read { db -> [Row] in
            let segments = try RankingSegments(db).read(by: run.id)
            return try Row.fetchAll(db, sql: """
                SELECT * FROM ranking_entry
                WHERE segment IN (\(segments.map(String.init).joined(separator: ","))) AND company = ? AND (? IS NULL OR target_country = ?)
                ORDER BY segment DESC
                """, arguments: [company, country, country])
        }
        // An entry's newest version is the run's, unless it says the entry left.
        var seen = Set<[String]>()
        let entries = rows.filter { seen.insert([$0["target_country"], $0["match"]]).inserted && $0["score"] != nil }
            .sorted { a, b in
                (a["target_country"] as String, -(a["score"] as Double), a["match"] as String)
                    < (b["target_country"] as String, -(b["score"] as Double), b["match"] as String)
            }
        var lists: [String: [StoredRankingEntry]] = [:]
        for row in entries {
            let target: String = row["target_country"]
            guard lists[target, default: []].count < run.topK else { continue }
            lists[target, default: []].append(StoredRankingEntry(
                rank: lists[target, default: []].count + 1, match: row["match"], score: row["score"], sector: row["sector"],
                complementarity: row["complementarity"], language: row["language"], size: row["size"]))
        }
        return (run, lists)
    }

    /// The current run's answer to `liaison match ID`, when neither the company nor any candidate
    /// has changed since the run, the weights are the same and the run kept enough matches; nil
    /// otherwise (the match must be computed live).
    public func rankedMatches(for id: String, target: MatchTarget, top: Int, minimumScore: Double?) throws
        -> (run: RerankRun, answer: MatchQuery.Answer, languages: [String])? {
        guard let run = try rerankRuns().first(where: \.isCurrent), top <= run.topK else { return nil }
        let weights = try scoreWeights()
        let fresh: [String]? = try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT weights, country_versions FROM rerank_run WHERE id = ?", arguments: [run.id]),
                  row["weights"] as String == (try Self.weightsText(weights)),
                  let country = try String.fetchOne(db, sql: "SELECT country FROM company WHERE id = ?", arguments: [id]) else { return nil }
            let targets: [String]
            if country == MatchSides.delegation {
                switch target {
                case .any:
                    // Live matching would search every host country: the run must have ranked them all.
                    guard MatchSides.hosts.allSatisfy(run.countries.contains) else { return nil }
                    targets = MatchSides.hosts
                case .country(let code): guard run.countries.contains(code) else { return nil }; targets = [code]
                }
            } else {
                guard run.countries.contains(country), target == .any || target == .country(MatchSides.delegation) else { return nil }
                targets = [MatchSides.delegation]
            }
            let then = try JSONDecoder().decode([String: Int64].self, from: Data(((row["country_versions"] as String?) ?? "{}").utf8))
            let now = try CatalogState.countryVersions(db)
            return ([country] + targets).allSatisfy { then[$0] == now[$0] } ? targets : nil
        }
        guard let targets = fresh else { return nil }
        let stored = try rankings(of: id).lists
        let floor = minimumScore ?? -.infinity
        var pooled: [StoredRankingEntry] = targets.flatMap { stored[$0] ?? [] }
        pooled = pooled.filter { $0.score >= floor }
        pooled.sort { (a: StoredRankingEntry, b: StoredRankingEntry) -> Bool in a.score != b.score ? a.score > b.score : a.match < b.match }
        let entries = Array(pooled.prefix(top))
        let companies = try self.companies(ids: [id] + entries.map { $0.match })
        let languages = Set(companies.values.flatMap(\.company.languages)).sorted()
        func features(_ company: String) -> CompanyFeatures? {
            companies[company].map { CompanyFeatures($0.company, taxonomy: taxonomy, languages: languages) }
        }
        guard let subject = features(id) else { return nil }
        let model = ScoreModel(weights: weights, layout: FeatureLayout(sectorCount: taxonomy.count, languageCount: languages.count))
        let matches = entries.compactMap { entry in
            features(entry.match).map { Matcher.Match(row: -1, id: entry.match, score: entry.score, breakdown: model.breakdown(subject, $0)) }
        }
        return (run, MatchQuery.Answer(country: companies[id]?.company.country, size: companies[id]?.company.size, matches: matches), languages)
    }
}

/// Failures of the rankings that a user can act on.
public enum RankingError: Error, Equatable, CustomStringConvertible {
    case noRun

    public var description: String {
        switch self {
        case .noRun: "no rankings yet; run `liaison rerank` first"
        }
    }
}
