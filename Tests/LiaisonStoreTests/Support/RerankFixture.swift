import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonTestSupport
@testable import LiaisonStore
import Testing

/// Random catalogs for the rerank tests — generated companies plus twins (copies of another's
/// profile, which tie with it for everyone) — and random edits of them through the store.
struct RerankCatalog {
    static let taxonomy = TaxonomyFile.builtIn
    let generator: ScenarioGenerator
    var random: SeededGenerator
    /// How many companies of each side the generator has made so far.
    private var made: [ScenarioGenerator.Side: Int] = [:]
    private var twins = 0

    init(seed: UInt64) {
        generator = ScenarioGenerator(seed: seed, taxonomy: Self.taxonomy)
        random = SeededGenerator(seed: seed &* 7919)
    }

    static func side(_ country: String) -> ScenarioGenerator.Side {
        ScenarioGenerator.Side(rawValue: country)!
    }

    /// The next `count` generated companies of `country`.
    mutating func generated(_ country: String, _ count: Int) -> [Company] {
        let side = Self.side(country), first = made[side, default: 0]
        made[side] = first + count
        return generator.companies(of: side, in: first..<(first + count))
    }

    /// A new company of `country` with the profile, languages and size of `model`.
    mutating func twin(of model: Company, in country: String) -> Company {
        twins += 1
        var company = model
        company.id = "\(country)-T\(String(1000 + twins).dropFirst())"
        company.name = "Twin \(twins) of \(model.name)"
        company.country = country
        return company
    }

    /// A catalog of `delegates` delegates and `hosts` host firms (split at random between the US
    /// and Canada), about a sixth of them twins of another company of their country.
    mutating func companies(delegates: Int, hosts: Int) -> [Company] {
        let us = hosts * (30 + random.below(41)) / 100
        var companies: [Company] = []
        for (country, count) in [("CN", delegates), ("US", us), ("CA", hosts - us)] {
            let twinCount = count / 6
            let own = generated(country, count - twinCount)
            companies += own
            for _ in 0..<twinCount { companies.append(twin(of: random.pick(own), in: country)) }
        }
        return companies
    }

    /// A few random edits of every kind, saved: companies added (some twins), removed, moved out
    /// of matching, re-profiled, given other languages or size, moved to another country.
    /// Returns what was done, for failure messages.
    @discardableResult
    mutating func editAtRandom(_ db: LiaisonDatabase) throws -> [String] {
        let countries = ["CN", "US", "CA"]
        var stored = try db.companies().map(\.company).filter { countries.contains($0.country) }
        var log: [String] = []
        var changed: [Company] = []
        for _ in 0..<(1 + random.below(4)) {
            let country = random.pick(countries)
            let company = random.chance(0.4) ? twin(of: random.pick(stored.filter { $0.country == country }), in: country)
                : generated(country, 1)[0]
            changed.append(company)
            log.append("add \(company.id)")
        }
        var removed: [String] = []
        for _ in 0..<(1 + random.below(3)) {
            let company = random.pick(stored)
            guard stored.filter({ $0.country == company.country }).count > 8 else { continue }
            removed.append(company.id)
            stored.removeAll { $0.id == company.id }
        }
        log.append("remove \(removed)")
        var edits = 2 + random.below(4)
        while edits > 0 {
            edits -= 1
            var company = random.pick(stored)
            stored.removeAll { $0.id == company.id }
            switch random.below(5) {
            case 0:
                company.offers = random.pick(generated(company.country, 1)).offers
                log.append("offers of \(company.id)")
            case 1:
                var seeks = company.seeks.weights
                seeks[random.pick(Self.taxonomy.sectors).id] = [0.5, 1][random.below(2)]
                company.seeks = SectorProfile(seeks)
                log.append("seeks of \(company.id)")
            case 2:
                company.languages = company.languages.contains("en") ? company.languages.filter { $0 != "en" } : company.languages + ["en"]
                company.size = random.chance(0.3) ? nil : CompanySize.allCases[random.below(5)]
                log.append("languages and size of \(company.id)")
            case 3:
                company.country = random.pick(countries.filter { $0 != company.country })
                log.append("\(company.id) moves to \(company.country)")
            default:
                company.country = "DE"
                log.append("\(company.id) leaves for DE")
            }
            changed.append(company)
        }
        try db.save(changed)
        try db.removeCompanies(removed)
        return log
    }
}

extension RerankCatalog {
    /// Makes nine in ten firms of `country` poor matches for nearly everyone (one sector
    /// offered, nothing sought, no languages, size unknown), saved: more of each list's entries
    /// change than its reserve holds. Returns how many changed.
    @discardableResult
    mutating func degradeMost(of country: String, in db: LiaisonDatabase) throws -> Int {
        var changed: [Company] = []
        for stored in try db.companies(country: country) where random.chance(0.9) {
            var company = stored.company
            (company.offers, company.seeks) = (SectorProfile([random.pick(Self.taxonomy.sectors).id: 1]), SectorProfile())
            (company.languages, company.size) = ([], nil)
            changed.append(company)
        }
        try db.save(changed)
        return changed.count
    }
}

extension LiaisonDatabase {
    /// A new in-memory database holding the same companies and weights: where a full run of the
    /// same data is made to compare with.
    func freshCopy() throws -> LiaisonDatabase {
        let copy = try LiaisonDatabase.inMemory()
        try copy.save(companies().map(\.company))
        let weights = try scoreWeights()
        for term in ScoreTerm.allCases { try copy.setScoreWeight(term, to: weights[term]) }
        return copy
    }

    /// The current run, which must exist.
    func currentRun(sourceLocation: SourceLocation = #_sourceLocation) throws -> RerankRun {
        try #require(try rerankRuns().first(where: \.isCurrent), "no current run", sourceLocation: sourceLocation)
    }

    /// The `ranking` view's rows of a run, by company and target country.
    func rankingView(run: Int64) throws -> [String: [String: [StoredRankingEntry]]] {
        try writer.read { db in
            var lists: [String: [String: [StoredRankingEntry]]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT company, target_country, rank, match, score, sector, complementarity, language, size
                FROM ranking WHERE run = ? ORDER BY company, target_country, rank
                """, arguments: [run]) {
                lists[row["company"], default: [:]][row["target_country"], default: []].append(StoredRankingEntry(
                    rank: row["rank"], match: row["match"], score: row["score"], sector: row["sector"],
                    complementarity: row["complementarity"], language: row["language"], size: row["size"]))
            }
            return lists
        }
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? -1 }
    }
}

/// What the rerank tests expect of stored rankings.
enum RankingExpectations {
    /// Fails unless the current run's stored rankings are exact for every company: the lists it
    /// should have (one per host country for a delegate, one for a host firm of a ranked
    /// country), each the best `k` candidates by the formula — scores and components within
    /// 1e-5, best first, equal scores by id, no left-out candidate above the last entry, no
    /// left-out twin of an entry with a lower id — and the same as live matching (`Matcher`)
    /// answers; and the `ranking` view of the run says exactly what `rankings(of:)` says.
    static func expectExact(_ db: LiaisonDatabase, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try db.currentRun(sourceLocation: sourceLocation)
        let companies = try db.companies().map(\.company).filter { MatchSides.takesPart($0.country) }
        let weights = try db.scoreWeights()
        let reference = ReferenceScore.Catalog(companies, weights: weights)
        let byCountry = Dictionary(grouping: companies, by: \.country)
        let table = try db.featureTable()
        let matcher = Matcher(table: table, weights: weights)
        let view = try db.rankingView(run: run.id)
        var reported = 0
        func fail(_ text: String) {
            reported += 1
            if reported <= 6 { Issue.record("\(comment): \(text)", sourceLocation: sourceLocation) }
        }
        for company in companies {
            let (listedRun, lists) = try db.rankings(of: company.id)
            if listedRun.id != run.id { fail("rankings of \(company.id) from run \(listedRun.id)") }
            let targets = company.country == MatchSides.delegation ? run.countries : run.countries.contains(company.country) ? [MatchSides.delegation] : []
            let expectedTargets = Set(targets.filter { !(byCountry[$0] ?? []).isEmpty })
            if Set(lists.keys) != expectedTargets { fail("\(company.id) has lists for \(lists.keys.sorted()), not \(expectedTargets.sorted())") }
            if (view[company.id] ?? [:]) != lists { fail("the ranking view of \(company.id) differs from rankings(of:)") }
            for (target, entries) in lists {
                let candidates = byCountry[target] ?? []
                let where_ = "\(company.id) → \(target)"
                if entries.count != min(run.topK, candidates.count) { fail("\(where_): \(entries.count) entries of \(candidates.count) candidates") }
                if entries.map(\.rank) != Array(1..<(entries.count + 1)) { fail("\(where_): ranks \(entries.map(\.rank))") }
                for entry in entries {
                    guard reference.companies[entry.match]?.country == target else { fail("\(where_): \(entry.match) is not a candidate"); continue }
                    let terms = reference.components(company.id, entry.match)
                    if abs(entry.score - reference.score(company.id, entry.match)) > 1e-5 {
                        fail("\(where_): \(entry.match) scores \(entry.score), the formula \(reference.score(company.id, entry.match))")
                    }
                    let stored = [entry.sector, entry.complementarity, entry.language, entry.size]
                    let expected = [terms.sector, terms.complementarity, terms.language, terms.size]
                    if zip(stored, expected).contains(where: { abs($0 - $1) > 1e-5 }) {
                        fail("\(where_): \(entry.match) stored components \(stored), the formula's \(expected)")
                    }
                }
                for (a, b) in zip(entries, entries.dropFirst()) where a.score < b.score || (a.score == b.score && a.match > b.match) {
                    fail("\(where_): \(a.match) \(a.score) before \(b.match) \(b.score)")
                }
                // Twins score the same for everyone, so the lower id must come first.
                var twinIssues: [String] = []
                for (index, entry) in entries.enumerated() {
                    if let twin = entries[(index + 1)...].first(where: { $0.match < entry.match && reference.twins($0.match, entry.match) }) {
                        twinIssues.append("\(where_): \(entry.match) \(entry.score) before its twin \(twin.match) \(twin.score), the lower id")
                    }
                }
                guard let last = entries.last, reference.companies[last.match] != nil else { continue }
                let floor = reference.score(company.id, last.match)
                let listed = Set(entries.map(\.match))
                for candidate in candidates where !listed.contains(candidate.id) {
                    let score = reference.score(company.id, candidate.id)
                    if score > floor + 1e-6 { fail("\(where_): \(candidate.id) (\(score)) left out, below \(last.match) (\(floor))") }
                    if let twin = entries.first(where: { $0.match > candidate.id && reference.twins($0.match, candidate.id) }) {
                        twinIssues.append("\(where_): \(twin.match) listed, but not its twin \(candidate.id), the lower id")
                    }
                }
                twinIssues.forEach(fail)
                // Live matching of the same company and country.
                let row = table.row(ofID: company.id)!
                let live = matcher.matches(for: table.features(ofRow: row), subjectRow: row, in: [table.rows(ofCountry: target)],
                                           top: run.topK, threads: 1).map { (id: $0.id, score: $0.score) }
                let stored = entries.map { (id: $0.match, score: $0.score) }
                expectSameMatches(stored, live, "\(comment): \(where_) against live matching",
                                  sourceLocation: sourceLocation)
            }
        }
    }

    /// Fails unless two rankings list the same ids in the same order with the same scores, to
    /// the last bit: stored rankings and live matching both order by the exact score.
    static func expectSameMatches(_ actual: [(id: String, score: Double)], _ expected: [(id: String, score: Double)],
                                  _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual.map(\.id) != expected.map(\.id) || actual.map(\.score) != expected.map(\.score) else { return }
        Issue.record("\(comment): \(actual.map { "\($0.id) \($0.score)" }) instead of \(expected.map { "\($0.id) \($0.score)" })",
                     sourceLocation: sourceLocation)
    }

    /// Fails unless an incremental run's current rankings (`db`) and a full run's of the same
    /// data (`full`) list the same matches for every company: same lists, same ids in the same
    /// order, the same scores and components to the last bit.
    static func expectSameRankings(_ db: LiaisonDatabase, _ full: LiaisonDatabase, _ comment: Comment,
                                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The view says what `rankings(of:)` says (``expectExact`` checks it), in one query.
        let incremental = try db.rankingView(run: try db.currentRun().id), fresh = try full.rankingView(run: try full.currentRun().id)
        #expect(Set(incremental.keys) == Set(fresh.keys), comment, sourceLocation: sourceLocation)
        var reported = 0
        for (company, mine) in incremental.sorted(by: { $0.key < $1.key }) where mine != fresh[company] ?? [:] {
            let theirs = fresh[company] ?? [:]
            reported += 1
            guard reported <= 5 else { break }
            func text(_ lists: [String: [StoredRankingEntry]]) -> String {
                lists.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.map { "\($0.match) \($0.score)" })" }.joined(separator: "; ")
            }
            Issue.record(Comment(rawValue: "\(comment): \(company): \(text(mine)) instead of \(text(theirs))"), sourceLocation: sourceLocation)
        }
    }
}

/// A value shared with a `@Sendable` progress closure.
final class Observations<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func update(_ change: (inout Value) -> Void) {
        lock.withLock { change(&value) }
    }

    var current: Value { lock.withLock { value } }
}
