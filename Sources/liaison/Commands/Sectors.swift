import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison sectors`: the sector taxonomy.
    struct Sectors: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the sector taxonomy: ids, names, groups, aliases and NAICS prefixes.")

        @Option(help: "Output format.")
        var format: ListFormat = .table

        func run() throws {
            let taxonomy = TaxonomyFile.builtIn
            switch format {
            case .json:
                print(try Output.json(taxonomy.sectors.map(SectorDocument.init)))
            case .csv:
                let rows = taxonomy.sectors.map { [$0.id, $0.name, $0.group, $0.aliases.joined(separator: "|"), $0.naicsPrefixes.joined(separator: "|")] }
                try Output.write(try CSVTable.data(header: ["id", "name", "group", "aliases", "naics"], rows: rows))
            case .table:
                var table = TextTable(["id", "name", "group", "naics", "aliases"])
                for sector in taxonomy.sectors {
                    let aliases = sector.aliases.prefix(4).joined(separator: ", ") + (sector.aliases.count > 4 ? ", …" : "")
                    table.append([sector.id, sector.name, sector.group, sector.naicsPrefixes.prefix(4).joined(separator: " "), aliases])
                }
                print(table.text)
                print("\(taxonomy.count) sectors, taxonomy \(taxonomy.version)")
            }
        }
    }
}

/// A sector as JSON.
struct SectorDocument: Encodable {
    var id: String
    var name: String
    var group: String
    var aliases: [String]
    var naics: [String]

    init(_ sector: Sector) {
        id = sector.id
        name = sector.name
        group = sector.group
        aliases = sector.aliases
        naics = sector.naicsPrefixes
    }
}
