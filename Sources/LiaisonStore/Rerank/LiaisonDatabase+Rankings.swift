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
    /// The current run's lists of a company (its id compared in NFC, as ids are stored), by target
    /// country (one, or all it has); a company of a country no side is refused as not matched.
    public func rankings(of company: String, country: String? = nil) throws -> (run: RerankRun, lists: [String: [StoredRankingEntry]]) {
        let company = CompanyText.nfc(company)
        guard let run = try rerankRuns().first(where: \.isCurrent) else { throw RankingError.noRun }
        guard let stored = try writer.read({ db in try CompanyStore.fetch(id: company, in: db) }) else { throw StoreError.unknownCompany(company) }
        let home = stored.company.country
        guard MatchSides.takesPart(home) else {
            throw MatchError.companyNotMatched(id: company, country: home)
        }
        let rows = try writer.read { db -> [RankingEntryRecord] in
            let segments = try RankingSegments(db).read(by: run.id)
            var request = RankingEntryRecord.filter(segments.contains(RankingEntryRecord.Columns.segment))
                .filter(RankingEntryRecord.Columns.company == company)
            if let country { request = request.filter(RankingEntryRecord.Columns.targetCountry == country) }
            return try request.order(RankingEntryRecord.Columns.segment.desc).fetchAll(db)
        }
        // An entry's newest version is the run's, unless it says the entry left.
        var seen = Set<[String]>()
        let entries = rows.filter { seen.insert([$0.targetCountry, $0.match]).inserted && $0.score != nil }
            .sorted { a, b in (a.targetCountry, -a.score!, a.match) < (b.targetCountry, -b.score!, b.match) }
        var lists: [String: [StoredRankingEntry]] = [:]
        for row in entries {
            let target = row.targetCountry
            guard lists[target, default: []].count < run.topK else { continue }
            lists[target, default: []].append(StoredRankingEntry(
                rank: lists[target, default: []].count + 1, match: row.match, score: row.score!, sector: row.sector ?? 0,
                complementarity: row.complementarity ?? 0, language: row.language ?? 0, size: row.size ?? 0))
        }
        return (run, lists)
    }
}

/// A company's stored lists of the current run, each entry a match with its breakdown under the
/// run's weights (so its reasons explain the stored score).
public struct StoredMatches: Sendable {
    public var run: RerankRun
    /// Matches by target country, best first.
    public var lists: [String: [Matcher.Match]]
    /// The language codes the breakdowns refer to by position.
    public var languages: [String]
    public var country: String
    public var size: CompanySize?
}

extension LiaisonDatabase {
    /// The current run's lists of a company (one target country, or all it has), as matches
    /// explained with the run's weights: each entry's score and components are those stored.
    public func storedMatches(of company: String, country: String? = nil) throws -> StoredMatches {
        let (run, stored) = try rankings(of: company, country: country)
        let weights = try writer.read { db in try RerankRunRecord.fetchOne(db, key: run.id)?.weights }
        let named = try weights.map { try JSONDecoder().decode([String: Double].self, from: Data($0.utf8)) } ?? [:]
        let model = try ScoreWeights.defaults.overriding(with: named)
        let companies = try self.companies(ids: [company] + stored.values.flatMap { $0.map(\.match) })
        let languages = Set(companies.values.flatMap(\.company.languages)).sorted()
        let scoring = ScoreModel(weights: model, layout: FeatureLayout(sectorCount: taxonomy.count, languageCount: languages.count))
        func features(_ id: String) -> CompanyFeatures? {
            companies[id].map { CompanyFeatures($0.company, taxonomy: taxonomy, languages: languages) }
        }
        guard let subject = features(company) else { throw StoreError.unknownCompany(company) }
        let lists = stored.mapValues { entries in
            entries.compactMap { entry -> Matcher.Match? in
                guard let match = features(entry.match) else { return nil }
                var breakdown = scoring.breakdown(subject, match)
                breakdown.components = [.sector: entry.sector, .complementarity: entry.complementarity, .language: entry.language,
                                        .size: entry.size]
                return Matcher.Match(row: nil, id: entry.match, score: entry.score, breakdown: breakdown)
            }
        }
        return StoredMatches(run: run, lists: lists, languages: languages, country: companies[company]!.company.country,
                             size: companies[company]?.company.size)
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
