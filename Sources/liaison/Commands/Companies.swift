import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

extension Liaison {
    /// `liaison companies`: looks at the stored companies.
    struct Companies: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List and show the stored companies.",
            subcommands: [List.self, Show.self])
    }
}

extension Liaison.Companies {
    /// `liaison companies list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List companies, by id.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only companies of this country (ISO code, e.g. CN, US, CA).")
        var country: String?

        @Option(help: "Only companies that offer or seek this sector (id, name or alias).")
        var sector: String?

        @Option(help: "Output format.")
        var format: ListFormat = .table

        func run() throws {
            let companies = try database.open().companies(country: country, sector: sector)
            switch format {
            case .json:
                print(try Output.json(companies.map(CompanyDocument.init)))
            case .csv:
                try Output.write(try CompanyExport.data(companies.map(\.company), format: .csv))
            case .table:
                var table = TextTable(["id", "name", "country", "city", "size", "offers", "seeks"])
                for stored in companies {
                    let company = stored.company
                    table.append([company.id, company.name, company.country, company.city, company.size?.rawValue ?? "",
                                  company.offers.text, company.seeks.text])
                }
                print(table.text)
                print("\(companies.count) companies")
            }
        }
    }

    /// `liaison companies show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one company with its profiles.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The company's id.")
        var id: String

        @Option(help: "Output format.")
        var format: RecordFormat = .table

        func run() throws {
            let db = try database.open()
            let stored = try db.company(id: id)
            switch format {
            case .json:
                print(try Output.json(CompanyDocument(stored)))
            case .table:
                let company = stored.company
                print(TextTable.fields([
                    ("id", company.id), ("name", company.name), ("country", company.country), ("region", company.region),
                    ("city", company.city), ("size", company.size?.rawValue ?? ""),
                    ("languages", company.languages.joined(separator: ", ")), ("naics", company.naics ?? ""),
                    ("industry", company.industry ?? ""), ("description", company.description),
                    ("revision", "\(stored.revision)"), ("updated", stored.updatedAt),
                ]))
                for (kind, profile) in [("offers", company.offers), ("seeks", company.seeks)] where !profile.isEmpty {
                    print(kind)
                    for entry in profile.entries.sorted(by: { $0.weight > $1.weight }) {
                        let name = db.taxonomy.resolve(entry.sector).map { db.taxonomy.sectors[$0].name } ?? entry.sector
                        print("  \(entry.weight.formatted(.number.precision(.fractionLength(0...3))).padding(toLength: 8, withPad: " ", startingAt: 0))\(name) (\(entry.sector))")
                    }
                }
            }
        }
    }
}
