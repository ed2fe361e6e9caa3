import ArgumentParser
import LiaisonStore

extension Liaison {
    /// `liaison summary`: what the database holds, by country and by sector.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Count the stored companies by country and by sector.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Output format.")
        var format: RecordFormat = .table

        func run() throws {
            let db = try database.open()
            let countries = try db.companyCountsByCountry()
            let sectors = try db.sectorCounts().filter { $0.offering + $0.seeking > 0 }
            switch format {
            case .json:
                print(try Output.json(SummaryDocument(
                    countries: countries.map { .init(country: $0.country, companies: $0.companies) },
                    sectors: sectors.map { .init(sector: $0.sector.id, name: $0.sector.name, offering: $0.offering, seeking: $0.seeking) })))
            case .table:
                var byCountry = TextTable(["country", "companies"], rightAligned: [1])
                for row in countries { byCountry.append([row.country, "\(row.companies)"]) }
                print(byCountry.text)
                print("")
                var bySector = TextTable(["sector", "name", "offering", "seeking"], rightAligned: [2, 3])
                for row in sectors.sorted(by: { $0.offering > $1.offering }) {
                    bySector.append([row.sector.id, row.sector.name, "\(row.offering)", "\(row.seeking)"])
                }
                print(bySector.text)
                print("\(countries.reduce(0) { $0 + $1.companies }) companies, \(sectors.count) of \(db.taxonomy.count) sectors in use")
            }
        }
    }
}

/// `liaison summary --format json`.
struct SummaryDocument: Encodable {
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
}
