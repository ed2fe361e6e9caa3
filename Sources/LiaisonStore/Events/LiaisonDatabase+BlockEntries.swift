import GRDB

extension LiaisonDatabase {
    /// Every block of `event` with who made it, by pair as ``eventDefinition(_:)`` lists its
    /// blocks; refused for an unknown event.
    public func blockEntries(event: String) throws -> [BlockEntry] {
        try writer.read { db in
            _ = try definition(event, db: db)
            return try BlockRecord.filter(BlockRecord.Columns.event == event).order(BlockRecord.Columns.a, BlockRecord.Columns.b)
                .fetchAll(db).map(\.entry)
        }
    }
}
