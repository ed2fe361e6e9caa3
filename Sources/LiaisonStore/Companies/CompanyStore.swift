import GRDB
import LiaisonCore

/// Reads and writes companies with their profiles. All functions run inside the caller's
/// transaction, so an import of many companies commits or rolls back as one.
enum CompanyStore {
    /// What ``save(_:in:at:)`` did; an update names the country the company was in before.
    enum SaveOutcome: Equatable {
        case inserted, updated(previousCountry: String), unchanged
    }

    /// Inserts `company`, or updates the stored company with its id.
    ///
    /// The revision grows by one and `updated_at` becomes `timestamp` only when some field or
    /// profile weight really differs from what is stored. Read from a `sheet`, an update keeps
    /// the stored value of each field the sheet has no column for (see ``SheetColumns``).
    static func save(_ company: Company, in db: Database, at timestamp: String, from sheet: SheetColumns? = nil) throws -> SaveOutcome {
        if try insertIfNew(CompanyRecord(company, key: nil, revision: 1, updatedAt: timestamp), in: db) {
            try insertProfiles(of: company, key: db.lastInsertedRowID, in: db)
            return .inserted
        }
        guard let existing = try record(id: company.id, in: db), let key = existing.key else {
            preconditionFailure("company \(company.id) neither inserted nor found")
        }
        let stored = try existing.company(profiles: try profiles(key: key, in: db))
        let company = sheet?.merged(company, over: stored) ?? company
        guard stored != company else { return .unchanged }
        try CompanyRecord(company, key: key, revision: existing.revision + 1, updatedAt: timestamp).update(db)
        if stored.offers != company.offers || stored.seeks != company.seeks {
            try db.cachedStatement(sql: "DELETE FROM profile WHERE company = ?").execute(arguments: [key])
            try insertProfiles(of: company, key: key, in: db)
        }
        return .updated(previousCountry: stored.country)
    }

    /// The stored company with this id, with its revision and last change.
    static func fetch(id: String, in db: Database) throws -> StoredCompany? {
        guard let record = try record(id: id, in: db), let key = record.key else { return nil }
        return try record.stored(profiles: try profiles(key: key, in: db))
    }

    /// The companies registered for `event`, by id, with their profiles: two queries, however many.
    static func participants(ofEvent event: String, in db: Database) throws -> [String: StoredCompany] {
        let records = try CompanyRecord.fetchAll(db.cachedStatement(sql: """
            SELECT company.* FROM event_participant JOIN company ON company.id = event_participant.company WHERE event_participant.event = ?
            """), arguments: [event])
        let profiles = try ProfileRecord.fetchAll(db.cachedStatement(sql: """
            SELECT profile.* FROM event_participant JOIN company ON company.id = event_participant.company
            JOIN profile ON profile.company = company.key WHERE event_participant.event = ?
            """), arguments: [event])
        let byKey = Dictionary(grouping: profiles, by: \.company)
        var companies: [String: StoredCompany] = [:]
        for record in records {
            guard let key = record.key else { continue }
            companies[record.id] = try record.stored(profiles: byKey[key] ?? [])
        }
        return companies
    }

    /// Companies ordered by id, optionally only one country's or only those whose profiles
    /// (offers or seeks) include a sector.
    static func list(country: String?, sector: String?, in db: Database) throws -> [StoredCompany] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let country {
            conditions.append("country = ?")
            arguments += [country]
        }
        if let sector {
            conditions.append("key IN (SELECT company FROM profile WHERE sector = ?)")
            arguments += [sector]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let records = try CompanyRecord.fetchAll(db, sql: "SELECT * FROM company \(filter) ORDER BY id", arguments: arguments)
        let profiles = try ProfileRecord.fetchAll(
            db, sql: "SELECT * FROM profile WHERE company IN (SELECT key FROM company \(filter))", arguments: arguments)
        let profilesByKey = Dictionary(grouping: profiles, by: \.company)
        return try records.map { record in try record.stored(profiles: profilesByKey[record.key!] ?? []) }
    }

    /// Whether a company with this id is stored.
    static func exists(id: String, in db: Database) throws -> Bool {
        try record(id: id, in: db) != nil
    }

    private static func record(id: String, in db: Database) throws -> CompanyRecord? {
        guard StoredID.canExist(id) else { return nil }
        return try CompanyRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM company WHERE id = ?"), arguments: [id])
    }

    private static func profiles(key: Int64, in db: Database) throws -> [ProfileRecord] {
        try ProfileRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM profile WHERE company = ?"), arguments: [key])
    }

    // Imports insert up to millions of rows: these two inserts use cached statements with
    // positional arguments, several times faster than encoding records.

    /// Inserts the record unless its id is taken; true when it was inserted.
    private static func insertIfNew(_ record: CompanyRecord, in db: Database) throws -> Bool {
        var arguments: StatementArguments = [
            record.id, record.name, record.country, record.region, record.city, record.size?.rawValue, record.languages,
            record.naics, record.industry, record.description, record.revision, record.updatedAt,
        ]
        // Most companies have no contact and no column of their own: the columns' defaults hold
        // for them, and binding five fewer values per row keeps bulk imports as fast as before v7.
        let plain = record.contact.isEmpty && record.email.isEmpty && record.phone.isEmpty && record.website.isEmpty && record.extra == nil
        let sql: String
        if plain {
            sql = """
                INSERT INTO company (id, name, country, region, city, size, languages, naics, industry, description, revision, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """
        } else {
            sql = """
                INSERT INTO company (id, name, country, region, city, size, languages, naics, industry, description, revision, updated_at,
                                     contact, email, phone, website, extra)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """
            arguments += [record.contact, record.email, record.phone, record.website, record.extra]
        }
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
        return db.changesCount == 1
    }

    private static func insertProfiles(of company: Company, key: Int64, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO profile (company, kind, sector, weight) VALUES (?, ?, ?, ?)")
        for row in ProfileRecord.rows(of: company, key: key) {
            try statement.execute(arguments: [row.company, row.kind.rawValue, row.sector, row.weight])
        }
    }
}
