import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// Removes companies with their profiles, all or none (ids compared in NFC, as they are
    /// stored, trimmed): a firm that closed or left the registry. Refused whole, naming every id
    /// that cannot go (``StoreError/several(_:)`` for more than one), when an id is unknown, or a
    /// company is registered for an event (remove it from the event first) or named by an event's
    /// published schedule (its agendas and calendars still show it). Matching and the next
    /// incremental rerank then leave it out. Returns the companies removed.
    @discardableResult
    public func removeCompanies(_ ids: [String]) throws -> [String] {
        // As an import reads ids: trimmed, in NFC.
        let ids = Array(Set(ids.map { CompanyText.nfc($0.trimmingCharacters(in: .whitespaces)) })).sorted()
        return try writer.write { db in
            var countries = Set<String>()
            var problems: [StoreError] = []
            for id in ids {
                guard StoredID.canExist(id),
                      let country = try String.fetchOne(db, sql: "SELECT country FROM company WHERE id = ?", arguments: [id]) else {
                    problems.append(.unknownCompany(id))
                    continue
                }
                let registered = try String.fetchAll(db, sql: "SELECT event FROM event_participant WHERE company = ? ORDER BY event",
                                                     arguments: [id])
                let published = try String.fetchAll(db, sql: """
                    SELECT DISTINCT event FROM published_meeting WHERE delegate = ? OR host = ? ORDER BY event
                    """, arguments: [id, id])
                if !registered.isEmpty || !published.isEmpty {
                    problems.append(.companyInEvents(id, registered: registered, published: published))
                }
                countries.insert(country)
            }
            // Every id that cannot go is named, and none goes.
            if problems.count == 1 { throw problems[0] }
            if problems.count > 1 { throw StoreError.several(problems) }
            for id in ids { try db.execute(sql: "DELETE FROM company WHERE id = ?", arguments: [id]) }
            // Its country's catalog changed: cached features and rankings of it are no longer current.
            if !countries.isEmpty { try CatalogState.bump(db, countries: countries) }
            return ids
        }
    }
}
