import ArgumentParser
import LiaisonCore
import LiaisonFormats

extension Liaison {
    /// `liaison sectors`: the sector taxonomy.
    struct Sectors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the sector taxonomy: ids, names, groups, aliases and NAICS prefixes.")

        @OptionGroup var output: OutputOptions
        /// Taken like every command takes it; the taxonomy is the one built into Liaison, which
        /// every database it opens is brought up to.
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try output.print(SectorList(taxonomy: TaxonomyFile.builtIn))
        }
    }
}

/// `liaison sectors`: JSON an array of sectors, CSV the taxonomy file's own format.
struct SectorList: CommandOutput {
    let taxonomy: Taxonomy

    /// A sector as JSON.
    struct Document: Encodable {
        var id: String
        var name: String
        var group: String
        var aliases: [String]
        var naics: [String]
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(taxonomy.sectors.map {
            Document(id: $0.id, name: $0.name, group: $0.group, aliases: $0.aliases, naics: $0.naicsPrefixes)
        })
    }

    var columns: [String] { ["id", "name", "group", "aliases", "naics"] }
    var rows: [[String]] {
        let separator = String(TaxonomyFile.listSeparator)
        return taxonomy.sectors.map {
            [$0.id, $0.name, $0.group, $0.aliases.joined(separator: separator), $0.naicsPrefixes.joined(separator: separator)]
        }
    }

    var text: String {
        var table = TextTable(["id", "name", "group", "naics", "aliases"])
        for sector in taxonomy.sectors {
            let aliases = sector.aliases.prefix(4).joined(separator: ", ") + (sector.aliases.count > 4 ? ", …" : "")
            table.append([sector.id, sector.name, sector.group, sector.naicsPrefixes.prefix(4).joined(separator: " "), aliases])
        }
        return table.text + "\n\(taxonomy.count) sectors, taxonomy \(taxonomy.version)"
    }
}
