import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

/// A company in a list.
struct CompanyRow: Sendable {
    var id: String
    var href: String
    var name: String
    var country: String
    var city: String
    var size: String
    var offers: String
    var seeks: String

    init(_ stored: StoredCompany, taxonomy: Taxonomy) {
        let company = stored.company
        id = DisplayText.safe(company.id)
        href = "/companies/" + URLText.component(company.id)
        name = DisplayText.safe(company.name)
        country = company.country
        city = DisplayText.safe(company.city)
        size = company.size?.rawValue ?? ""
        offers = DisplayText.safe(ParticipantPage.profileNames(company.offers, taxonomy))
        seeks = DisplayText.safe(ParticipantPage.profileNames(company.seeks, taxonomy))
    }
}

/// A sector in the filter's list.
struct SectorOption: Sendable {
    var id: String
    var name: String
    var selected: Bool
}

/// `GET /companies`.
struct CompanyListView: Sendable {
    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    var query: String
    var country: String
    var sectors: [SectorOption]
    /// How many companies there are, or match the filter: `3 companies`, `1 company matches`.
    var count: String
    var from: Int
    var to: Int
    var companies: [CompanyRow]
    var previous: String?
    var next: String?

    init(page: CompanyPage, text: String, country: String?, sector: String?, taxonomy: Taxonomy, pageSize: Int, csrf: String) {
        organizer = OrganizerBar(csrf: csrf)
        self.csrf = csrf
        query = text
        self.country = country ?? ""
        let chosen = sector.flatMap { taxonomy.resolve($0) }.map { taxonomy.sectors[$0].id }
        sectors = taxonomy.sectors.map { SectorOption(id: $0.id, name: $0.name, selected: $0.id == chosen) }
        let hasFilter = !text.isEmpty || country != nil || sector != nil
        count = EnglishCount.of(page.total, "company", plural: "companies") + (hasFilter ? (page.total == 1 ? " matches" : " match") : "")
        from = page.companies.isEmpty ? 0 : page.offset + 1
        to = page.offset + page.companies.count
        companies = page.companies.map { CompanyRow($0, taxonomy: taxonomy) }
        func link(_ offset: Int) -> String {
            var query = "?offset=\(offset)"
            if !text.isEmpty { query += "&q=" + URLText.component(text) }
            if let country { query += "&country=" + URLText.component(country) }
            if let sector { query += "&sector=" + URLText.component(sector) }
            return "/companies" + query
        }
        previous = page.offset > 0 ? link(max(0, page.offset - pageSize)) : nil
        next = page.offset + page.companies.count < page.total ? link(page.offset + pageSize) : nil
    }
}

/// `GET /companies/ID`: the company and its best matches.
struct CompanyView: Sendable {
    struct MatchLine: Sendable {
        var rank: Int
        var id: String
        var href: String
        var name: String
        var country: String
        var score: String
        var reasons: String
    }

    struct TargetOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var id: String
    var href: String
    var name: String
    var country: String
    var region: String
    var city: String
    var size: String
    var languages: String
    var offers: String
    var seeks: String
    var description: String
    var revision: Int
    var updatedAt: String
    var targets: [TargetOption]
    var source: String
    var problem: String?
    var matches: [MatchLine]

    init(stored: StoredCompany, answer: MatchAnswer?, problem: String?, target: String, names: [String: StoredCompany],
         taxonomy: Taxonomy, csrf: String) {
        let company = stored.company
        organizer = OrganizerBar(csrf: csrf)
        id = DisplayText.safe(company.id)
        href = "/companies/" + URLText.component(company.id)
        name = DisplayText.safe(company.name)
        country = company.country
        region = DisplayText.safe(company.region)
        city = DisplayText.safe(company.city)
        size = company.size?.rawValue ?? "unknown"
        languages = DisplayText.safe(company.languages.joined(separator: ", "))
        offers = DisplayText.safe(ParticipantPage.profileNames(company.offers, taxonomy))
        seeks = DisplayText.safe(ParticipantPage.profileNames(company.seeks, taxonomy))
        description = DisplayText.safe(company.description)
        revision = stored.revision
        updatedAt = DisplayText.instant(stored.updatedAt)
        // Only the countries it is matched with: the other side's.
        let countries = (try? MatchSides.countries(matchedWith: company.country, target: .any)) ?? []
        targets = (["any"] + countries).map {
            TargetOption(value: $0, label: $0 == "any" ? "every country it meets" : $0, selected: $0.caseInsensitiveCompare(target) == .orderedSame)
        }
        switch answer?.source {
        case .rankings(let run)?: source = "From the rankings of rerank run \(run.id)."
        case .live?: source = "Computed live from the profiles."
        case nil: source = ""
        }
        self.problem = problem.map(DisplayText.safe)
        let explanation = MatchExplanation(taxonomy: taxonomy, languages: answer?.languages ?? [])
        let words = ReasonText(taxonomy: taxonomy)
        matches = (answer?.matches ?? []).enumerated().map { index, match in
            let other = names[match.id]?.company
            return MatchLine(rank: index + 1, id: DisplayText.safe(match.id), href: "/companies/" + URLText.component(match.id),
                             name: DisplayText.safe(other?.name ?? match.id), country: other?.country ?? "",
                             score: String(format: "%.3f", match.score),
                             reasons: DisplayText.safe(words.line(explanation.reasons(match.breakdown, subjectSize: answer?.size,
                                                                                       matchSize: other?.size))))
        }
    }
}

/// `POST /companies/import`: what the import did, or every problem.
struct ImportView: Sendable {
    var lang: String
    var organizer: OrganizerBar?
    var notice: String?
    var file: String
    var imported: Bool
    /// `3 companies`, `1 company`.
    var companyCount: String
    var inserted: Int
    var updated: Int
    var unchanged: Int
    /// `3 problems`, `1 problem`.
    var problemCount: String
    var problems: [String]
}
