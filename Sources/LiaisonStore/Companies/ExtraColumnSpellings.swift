import GRDB
import LiaisonCore
import LiaisonFormats

/// The spelling each of the organizer's own columns is stored under. Two names that are one
/// name by ``ColumnNames/key(_:)`` (`Booth No`, `Booth No.`, `BOOTH NO`), which one header may
/// not hold, are one column across sheets too: a name lands on the spelling the database already
/// has, else on the first met in the import. Without this, an export would write both spellings
/// as two columns of one header, which no import reads back.
struct ExtraColumnSpellings {
    /// Column key → stored spelling; nil until the database's spellings are read.
    private var spellings: [String: String]?
    /// Name as written → stored spelling, so that a sheet's names are keyed once, not per record.
    private var byName: [String: String] = [:]

    /// The spelling `name`'s column is stored under; `name` itself for a column none has yet,
    /// which then becomes the column's spelling for the rest of the import.
    mutating func spelling(of name: String, in db: Database) throws -> String {
        if let spelling = byName[name] { return spelling }
        if spellings == nil { spellings = try Self.stored(in: db) }
        let key = ColumnNames.key(name)
        let spelling = spellings![key] ?? name
        (spellings![key], byName[name]) = (spelling, spelling)
        return spelling
    }

    /// `extras` with each name in its stored spelling.
    mutating func respelling(_ extras: [ExtraField], in db: Database) throws -> [ExtraField] {
        try extras.map { ExtraField(name: try spelling(of: $0.name, in: db), value: $0.value) }
    }

    /// The spellings stored, the one of the earliest stored company first when a database holds
    /// several (as imports before this rule could leave it).
    private static func stored(in db: Database) throws -> [String: String] {
        let names = try String.fetchAll(db, sql: """
            SELECT json_extract(field.value, '$.name') AS name FROM company, json_each(company.extra) AS field
            WHERE company.extra IS NOT NULL GROUP BY name ORDER BY MIN(company.key), MIN(field.key)
            """)
        var spellings: [String: String] = [:]
        for name in names where spellings[ColumnNames.key(name)] == nil { spellings[ColumnNames.key(name)] = name }
        return spellings
    }
}
