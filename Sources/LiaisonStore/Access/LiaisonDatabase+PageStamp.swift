import GRDB

extension LiaisonDatabase {
    /// The stamp of what participants' pages show now (see ``PageStamp``). Read it *before* the
    /// data it vouches for: a change landing between the two then only makes the next stamp differ.
    ///
    /// One statement on one read connection, without a transaction of its own (a single
    /// statement reads one snapshot): this runs for every page a participant opens.
    public func participantPagesStamp() throws -> PageStamp {
        try writer.unsafeRead { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT version FROM catalog_state WHERE id = 1), (SELECT version FROM participant_page_state WHERE id = 1)
                """)) else { return PageStamp(catalog: 0, pages: 0) }
            return PageStamp(catalog: row[0] ?? 0, pages: row[1] ?? 0)
        }
    }
}
