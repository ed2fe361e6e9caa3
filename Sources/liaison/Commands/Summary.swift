import ArgumentParser
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison summary`: what the database holds, by country and by sector.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the stored companies by country and by sector.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let db = try database.open()
            let sectors = try db.sectorCounts().filter { $0.offering + $0.seeking > 0 }
            try output.print(SummaryDocument(
                countries: try db.companyCountsByCountry().map { .init(country: $0.country, companies: $0.companies) },
                sectors: sectors.map { .init(sector: $0.sector.id, name: $0.sector.name, offering: $0.offering, seeking: $0.seeking) },
                taxonomySize: db.taxonomy.count))
        }
    }
}

/// `liaison summary`: companies by country, then profiles by sector. In CSV, one table whose
/// `group` column says which.
struct SummaryDocument: CommandOutput {
    struct Country: Encodable {
        var country: String
        var companies: Int
    }

    struct SectorCount: Encodable {
        var sector: String
        var name: String
        var offering: Int
        var seeking: Int
    }

    var countries: [Country]
    var sectors: [SectorCount]
    /// Sectors in the taxonomy, for the table's last line.
    var taxonomySize: Int

    private enum CodingKeys: String, CodingKey { case countries, sectors }

    var columns: [String] { ["group", "id", "name", "companies", "offering", "seeking"] }
    var rows: [[String]] {
        countries.map { ["country", $0.country, "", "\($0.companies)", "", ""] }
            + sectors.map { ["sector", $0.sector, $0.name, "", "\($0.offering)", "\($0.seeking)"] }
    }

    var text: String {
        var byCountry = TextTable(["country", "companies"], rightAligned: [1])
        for row in countries { byCountry.append([row.country, "\(row.companies)"]) }
        var bySector = TextTable(["sector", "name", "offering", "seeking"], rightAligned: [2, 3])
        for row in sectors.sorted(by: { $0.offering > $1.offering }) {
            bySector.append([row.sector, row.name, "\(row.offering)", "\(row.seeking)"])
        }
        return [byCountry.text, "", bySector.text,
                "\(EnglishCount.of(countries.reduce(0) { $0 + $1.companies }, "company", plural: "companies")), \(sectors.count) of \(taxonomySize) sectors in use"]
            .joined(separator: "\n")
    }
}
