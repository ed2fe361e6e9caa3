import Foundation
import LiaisonCore
import LiaisonFormats

/// `liaison companies list`: JSON an array of company documents, CSV the import columns.
struct CompanyList: CommandOutput {
    let companies: [StoredCompany]

    init(_ companies: [StoredCompany]) {
        self.companies = companies
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(companies.map(CompanyDocument.init))
    }

    private var csvColumns: CompanyWriter.CSVColumns { CompanyWriter.CSVColumns(companies.map(\.company)) }
    var columns: [String] { csvColumns.header }
    var rows: [[String]] {
        let columns = csvColumns
        return companies.map { columns.fields($0.company) }
    }

    var text: String {
        var table = TextTable(["id", "name", "country", "city", "size", "offers", "seeks"])
        for company in companies.map(\.company) {
            table.append([company.id, company.name, company.country, company.city, company.size?.rawValue ?? "",
                          company.offers.text, company.seeks.text])
        }
        return table.text + "\n" + EnglishCount.of(companies.count, "company", plural: "companies")
    }
}

/// `liaison companies show ID`: one company's fields and profiles.
struct CompanyCard: CommandOutput {
    let stored: StoredCompany
    let taxonomy: Taxonomy

    init(_ stored: StoredCompany, taxonomy: Taxonomy) {
        self.stored = stored
        self.taxonomy = taxonomy
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(CompanyDocument(stored))
    }

    var columns: [String] { CompanyWriter.CSVColumns([stored.company]).header }
    var rows: [[String]] { [CompanyWriter.CSVColumns([stored.company]).fields(stored.company)] }

    var text: String {
        let company = stored.company
        var lines = [TextTable.fields([
            ("id", company.id), ("name", company.name), ("country", company.country), ("region", company.region),
            ("city", company.city), ("size", company.size?.rawValue ?? ""),
            ("languages", company.languages.joined(separator: ", ")), ("naics", company.naics ?? ""),
            ("industry", company.industry ?? ""), ("description", company.description),
            ("contact", company.contact), ("email", company.email), ("phone", company.phone), ("website", company.website),
            ("revision", "\(stored.revision)"), ("updated", stored.updatedAt),
        ])]
        if !company.extras.isEmpty {
            lines.append("columns of the sheet")
            lines.append(TextTable.fields(company.extras.map { (name: "  " + $0.name, value: $0.value) }))
        }
        for (kind, profile) in [("offers", company.offers), ("seeks", company.seeks)] where !profile.isEmpty {
            lines.append(kind)
            for entry in profile.entries.sorted(by: { $0.weight > $1.weight }) {
                let name = taxonomy.resolve(entry.sector).map { taxonomy.sectors[$0].name } ?? entry.sector
                let weight = entry.weight.formatted(.number.precision(.fractionLength(0...3)))
                lines.append("  \(weight.padding(toLength: 8, withPad: " ", startingAt: 0))\(name) (\(entry.sector))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
