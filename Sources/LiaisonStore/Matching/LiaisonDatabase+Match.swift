import Foundation
import GRDB
import LiaisonCore

/// Where a match answer came from.
public enum MatchSource: Hashable, Sendable {
    /// Computed now from the profiles.
    case live
    /// Read from the stored rankings of this rerank run, with nothing changed since.
    case rankings(RerankRun)
}

/// The answer to a ``MatchQuery``: the subject as matched, its matches best first, and where they
/// came from.
public struct MatchAnswer: Sendable {
    /// The subject's country and size (nil for an ad-hoc profile's country).
    public var country: String?
    public var size: CompanySize?
    public var matches: [Matcher.Match]
    /// The language codes the matches' breakdowns refer to by position.
    public var languages: [String]
    public var source: MatchSource
}

extension LiaisonDatabase {
    /// Answers `query`: from the current rerank run's rankings when they answer it exactly — a
    /// stored company, neither it nor any company of the target countries changed since the run,
    /// the same weights, enough matches kept — unless `live` is asked or `weights` override the
    /// stored ones; computed live otherwise.
    /// A company's id is compared in NFC, as ids are stored; a stored company of a country that
    /// is neither the delegation's nor a host's is refused as not matched.
    public func match(_ query: MatchQuery, weights override: ScoreWeights? = nil, live: Bool = false) throws -> MatchAnswer {
        var query = query
        if case .company(let id) = query.subject { query.subject = .company(CompanyText.nfc(id)) }
        if !live, override == nil, case .company(let id) = query.subject, let answer = try rankedAnswer(id, query) {
            return answer
        }
        let table = try featureTable()
        let answer: MatchQuery.Answer
        do {
            answer = try query.run(table: table, weights: try override ?? scoreWeights(), taxonomy: taxonomy)
        } catch MatchError.unknownCompany(let id) {
            // Stored, but of a country no side is: it is not matched, rather than unknown.
            if let stored = try writer.read({ db in try CompanyStore.fetch(id: id, in: db) }) {
                throw MatchError.companyNotMatched(id: id, country: stored.company.country)
            }
            throw MatchError.unknownCompany(id)
        }
        return MatchAnswer(country: answer.country, size: answer.size, matches: answer.matches, languages: table.languages,
                           source: .live)
    }

    /// The answer read from the current run's rankings, or nil when they cannot give it exactly.
    private func rankedAnswer(_ id: String, _ query: MatchQuery) throws -> MatchAnswer? {
        guard StoredID.canExist(id), let run = try rerankRuns().first(where: \.isCurrent), query.top <= run.topK else { return nil }
        let weights = try scoreWeights()
        let targets: [String]? = try writer.read { db in
            guard let record = try RerankRunRecord.fetchOne(db, key: run.id), record.weights == (try Self.weightsText(weights)),
                  let company = try CompanyRecord.filter(CompanyRecord.Columns.id == id).fetchOne(db),
                  let targets = try? MatchSides.countries(matchedWith: company.country, target: query.target) else { return nil }
            // A delegate's lists are per host country, a firm's against the delegation: the run must
            // have ranked every country the live answer would search.
            let ranked = company.country == MatchSides.delegation ? targets : [company.country]
            guard ranked.allSatisfy(run.countries.contains) else { return nil }
            let then = try JSONDecoder().decode([String: Int64].self, from: Data((record.countryVersions ?? "{}").utf8))
            let now = try CatalogState.countryVersions(db)
            return ([company.country] + targets).allSatisfy { then[$0] == now[$0] } ? targets : nil
        }
        guard let targets else { return nil }
        let stored = try storedMatches(of: id)
        let floor = query.minimumScore ?? -.infinity
        let pooled: [Matcher.Match] = targets.flatMap { stored.lists[$0] ?? [] }.filter { $0.score >= floor }
        let matches = Array(pooled.sorted { (a: Matcher.Match, b: Matcher.Match) in
            a.score != b.score ? a.score > b.score : a.id < b.id
        }.prefix(query.top))
        return MatchAnswer(country: stored.country, size: stored.size, matches: matches, languages: stored.languages,
                           source: .rankings(run))
    }
}
