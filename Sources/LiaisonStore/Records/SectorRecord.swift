import GRDB
import LiaisonCore

/// A row of the `sector` table: one sector of the taxonomy and its vector position.
struct SectorRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sector"

    var id: String
    var position: Int
    var name: String
    var group: String
    /// Aliases joined by `|`.
    var aliases: String
    /// NAICS prefixes joined by `|`.
    var naics: String

    enum Columns {
        static let position = Column(CodingKeys.position)
    }

    static let listSeparator = "|"

    init(_ sector: Sector, position: Int) {
        id = sector.id
        self.position = position
        name = sector.name
        group = sector.group
        aliases = sector.aliases.joined(separator: Self.listSeparator)
        naics = sector.naicsPrefixes.joined(separator: Self.listSeparator)
    }

    var sector: Sector {
        Sector(id: id, name: name, group: group, aliases: Self.split(aliases), naicsPrefixes: Self.split(naics))
    }

    static func split(_ list: String) -> [String] {
        list.split(separator: Character(listSeparator)).map(String.init)
    }
}

/// The single row of the `taxonomy` table: which taxonomy version the sectors came from.
struct TaxonomyRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "taxonomy"

    var id = 1
    var version: String
    var loadedAt: String

    enum CodingKeys: String, CodingKey {
        case id, version
        case loadedAt = "loaded_at"
    }
}
