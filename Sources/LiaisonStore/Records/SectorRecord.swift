import GRDB
import LiaisonCore
import LiaisonFormats

/// A row of the `sector` table: one sector of the taxonomy and its vector position.
struct SectorRecord: SnakeCaseRecord {
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

    init(_ sector: Sector, position: Int) {
        id = sector.id
        self.position = position
        name = sector.name
        group = sector.group
        aliases = sector.aliases.joined(separator: String(TaxonomyFile.listSeparator))
        naics = sector.naicsPrefixes.joined(separator: String(TaxonomyFile.listSeparator))
    }

    /// The sector this row holds.
    var sector: Sector {
        Sector(id: id, name: name, group: group, aliases: TaxonomyFile.split(aliases), naicsPrefixes: TaxonomyFile.split(naics))
    }
}
