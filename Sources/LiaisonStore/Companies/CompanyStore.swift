import GRDB
import LiaisonCore

/// Reads and writes companies with their profiles. All functions run inside the caller's
/// transaction, so an import of many companies commits or rolls back as one.
enum CompanyStore {
    /// What ``save(_:in:at:)`` did.
    enum SaveOutcome {
        case inserted, updated, unchanged
    }

    /// Inserts `company`, or updates the stored company with its id.
    ///
    /// The revision grows by one and `updated_at` becomes `timestamp` only when some field or
    /// profile weight really differs from what is stored.
    static func save(_ company: Company, in db: Database, at timestamp: String) throws -> SaveOutcome {
        guard let existing = try record(id: company.id, in: db), let key = existing.key else {
            var record = CompanyRecord(company, key: nil, revision: 1, updatedAt: timestamp)
            try record.insert(db)
            try insertProfiles(of: company, key: record.key!, in: db)
            return .inserted
        }
        let stored = existing.company(profiles: try profiles(key: key, in: db))
        guard stored != company else { return .unchanged }
        try CompanyRecord(company, key: key, revision: existing.revision + 1, updatedAt: timestamp).update(db)
        if stored.offers != company.offers || stored.seeks != company.seeks {
            try db.cachedStatement(sql: "DELETE FROM profile WHERE company = ?").execute(arguments: [key])
            try insertProfiles(of: company, key: key, in: db)
        }
        return .updated
    }

    /// The stored company with this id, with its revision and last change.
    static func fetch(id: String, in db: Database) throws -> StoredCompany? {
        guard let record = try record(id: id, in: db), let key = record.key else { return nil }
        return StoredCompany(company: record.company(profiles: try profiles(key: key, in: db)),
                             revision: record.revision, updatedAt: record.updatedAt)
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
        return records.map { record in
            StoredCompany(company: record.company(profiles: profilesByKey[record.key!] ?? []),
                          revision: record.revision, updatedAt: record.updatedAt)
        }
    }

    private static func record(id: String, in db: Database) throws -> CompanyRecord? {
        try CompanyRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM company WHERE id = ?"), arguments: [id])
    }

    private static func profiles(key: Int64, in db: Database) throws -> [ProfileRecord] {
        try ProfileRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM profile WHERE company = ?"), arguments: [key])
    }

    private static func insertProfiles(of company: Company, key: Int64, in db: Database) throws {
        for row in ProfileRecord.rows(of: company, key: key) {
            try row.insert(db)
        }
    }
}

/// A company as stored: the profile plus its revision and the instant of its last real change.
public struct StoredCompany: Hashable, Sendable {
    public var company: Company
    /// Starts at 1 and grows by one with every real change.
    public var revision: Int
    /// ISO 8601 instant of the last real change.
    public var updatedAt: String
}
