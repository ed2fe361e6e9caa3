import GRDB
import LiaisonCore

/// What a write of many companies did: how many were new, changed or unchanged, and which
/// countries' companies changed (so their catalog versions grow).
struct CompanyChanges {
    var inserted = 0
    var updated = 0
    var unchanged = 0
    var countries = Set<String>()

    mutating func record(_ outcome: CompanyStore.SaveOutcome, of company: Company) {
        switch outcome {
        case .inserted:
            inserted += 1
            countries.insert(company.country)
        case .updated(let previousCountry):
            updated += 1
            countries.formUnion([company.country, previousCountry])
        case .unchanged:
            unchanged += 1
        }
    }

    /// Bumps the catalog versions of the changed countries, if any.
    func commit(_ db: Database) throws {
        if !countries.isEmpty { try CatalogState.bump(db, countries: countries) }
    }
}
