import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// The company with this id (compared in NFC, as ids are stored), with its revision; throws
    /// ``StoreError/unknownCompany(_:)`` if none.
    public func company(id: String) throws -> StoredCompany {
        let id = CompanyText.nfc(id)
        guard let found = try writer.read({ db in try CompanyStore.fetch(id: id, in: db) }) else {
            throw StoreError.unknownCompany(id)
        }
        return found
    }

    /// Stored companies by id, for the given ids that exist.
    public func companies(ids: [String]) throws -> [String: StoredCompany] {
        try writer.read { db in
            var found: [String: StoredCompany] = [:]
            for id in ids where found[id] == nil {
                if let stored = try CompanyStore.fetch(id: CompanyText.nfc(id), in: db) { found[id] = stored }
            }
            return found
        }
    }

    /// Companies ordered by id, optionally only one country's (a code or a name, ``ISOCodes/country(_:)``) or only those with a
    /// sector (id, name or alias) in their offers or seeks.
    public func companies(country: String? = nil, sector: String? = nil) throws -> [StoredCompany] {
        var sectorID: String?
        if let sector {
            guard let index = taxonomy.resolve(sector) else { throw CoreError.unknownSector(sector) }
            sectorID = taxonomy.sectors[index].id
        }
        var code: String?
        if let country {
            guard let found = ISOCodes.country(country) else { throw StoreError.unknownCountry(country) }
            code = found
        }
        return try writer.read { db in try CompanyStore.list(country: code, sector: sectorID, in: db) }
    }

    /// Saves companies (insert, or update by id) in one transaction; for tests and generators.
    @discardableResult
    public func save(_ companies: [Company]) throws -> (inserted: Int, updated: Int, unchanged: Int) {
        let timestamp = Timestamp.now()
        return try writer.write { db in
            var changes = CompanyChanges()
            for company in companies {
                changes.record(try CompanyStore.save(company, in: db, at: timestamp), of: company)
            }
            try changes.commit(db)
            return (changes.inserted, changes.updated, changes.unchanged)
        }
    }

    /// How many companies each country has, largest first.
    public func companyCountsByCountry() throws -> [(country: String, companies: Int)] {
        try writer.read { db in
            try CountryCount.fetchAll(db, sql: "SELECT country, COUNT(*) AS companies FROM company GROUP BY country ORDER BY companies DESC, country")
                .map { (country: $0.country, companies: $0.companies) }
        }
    }

    /// How many companies offer each sector, and how many seek it, in taxonomy order.
    public func sectorCounts() throws -> [(sector: Sector, offering: Int, seeking: Int)] {
        let counts = try writer.read { db in
            try SectorCount.fetchAll(db, sql: "SELECT sector, kind, COUNT(*) AS companies FROM profile GROUP BY sector, kind")
        }
        var offering: [String: Int] = [:], seeking: [String: Int] = [:]
        for count in counts {
            switch count.kind {
            case .offers: offering[count.sector] = count.companies
            case .seeks: seeking[count.sector] = count.companies
            }
        }
        return taxonomy.sectors.map { (sector: $0, offering: offering[$0.id] ?? 0, seeking: seeking[$0.id] ?? 0) }
    }
}

/// A row of the count of companies per country.
private struct CountryCount: FetchableRecord, Decodable {
    var country: String
    var companies: Int
}

/// A row of the count of profiles per sector and kind.
private struct SectorCount: FetchableRecord, Decodable {
    var sector: String
    var kind: ProfileKind
    var companies: Int
}
