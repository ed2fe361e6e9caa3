import Foundation
import GRDB
import LiaisonCore

/// A page of companies found by ``LiaisonDatabase/searchCompanies(text:country:sector:limit:offset:)``.
public struct CompanyPage: Sendable {
    /// The companies of the page, by id.
    public var companies: [StoredCompany]
    /// How many companies match in all.
    public var total: Int
    public var offset: Int
}

extension LiaisonDatabase {
    /// Companies whose id or name contains `text` (any case), optionally of one country and with
    /// a sector (id, name or alias) in their offers or seeks; one page of them, by id, and the
    /// count of all. For the browser, where a catalog of 200,000 firms cannot be listed whole.
    public func searchCompanies(text: String = "", country: String? = nil, sector: String? = nil, limit: Int = 50,
                                offset: Int = 0) throws -> CompanyPage {
        let sectorID = try sector.map { name in
            guard let index = taxonomy.resolve(name) else { throw CoreError.unknownSector(name) }
            return taxonomy.sectors[index].id
        }
        var conditions: [String] = []
        var arguments = StatementArguments()
        let needle = text.trimmingCharacters(in: .whitespaces)
        if !needle.isEmpty {
            conditions.append("(id LIKE ? ESCAPE '\\' OR name LIKE ? ESCAPE '\\')")
            let pattern = "%" + needle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            arguments += [pattern, pattern]
        }
        if let country {
            conditions.append("country = ?")
            arguments += [country.uppercased()]
        }
        if let sectorID {
            conditions.append("key IN (SELECT company FROM profile WHERE sector = ?)")
            arguments += [sectorID]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let size = max(1, min(limit, 500)), start = max(0, offset)
        return try writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM company \(filter)", arguments: arguments) ?? 0
            var page = arguments
            page += [size, start]
            let records = try CompanyRecord.fetchAll(db, sql: "SELECT * FROM company \(filter) ORDER BY id LIMIT ? OFFSET ?", arguments: page)
            let keys = records.compactMap(\.key)
            let profiles = keys.isEmpty ? [] : try ProfileRecord.fetchAll(
                db, sql: "SELECT * FROM profile WHERE company IN (\(keys.map { _ in "?" }.joined(separator: ",")))",
                arguments: StatementArguments(keys))
            let byKey = Dictionary(grouping: profiles, by: \.company)
            return CompanyPage(companies: try records.map { try $0.stored(profiles: byKey[$0.key!] ?? []) }, total: total, offset: start)
        }
    }
}
