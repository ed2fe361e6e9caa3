import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Importing the real company lists", .enabled(if: TestFiles.hasRealData, RealData.absentMessage))
struct RealDataTests {
    /// A real company as the import file states it.
    struct Row {
        var id: String
        var name: String
        var country: String
        var city: String
        var industry: String
        var website: String
        var summary: String
    }

    /// The rows of the US, Canadian and Chinese lists, with ids as the symbols come (trimmed):
    /// `UMH PR-A` keeps its space.
    private func rows() throws -> [Row] {
        var rows: [Row] = []
        for (file, country) in [("us_companies_financedatabase.csv", "US"), ("ca_companies_financedatabase.csv", "CA"),
                                ("cn_companies_financedatabase.csv", "CN")] {
            let source = try RealData.rows(of: file)
            #expect(!source.isEmpty, "\(file) has no rows")
            for row in source {
                let industry = [row["industry"], row["industry_group"], row["sector"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
                rows.append(Row(id: row["symbol", default: ""].trimmingCharacters(in: .whitespaces), name: row["name", default: ""],
                                country: country, city: row["city", default: ""], industry: industry,
                                website: row["website", default: ""], summary: row["summary", default: ""]))
            }
        }
        return rows
    }

    @Test("all 7,801 US, Canadian and Chinese companies land, ids as they come, with an offers profile from their industry")
    func importAll() throws {
        let rows = try rows()
        #expect(rows.count == 7_801)
        #expect(rows.contains { $0.id == "UMH PR-A" })
        try TestFiles.withTemporaryDirectory { directory in
            let csv = try CSVTable.data(header: ["symbol", "name", "country", "city", "industry", "website", "summary"],
                                        rows: rows.map { [$0.id, $0.name, $0.country, $0.city, $0.industry, $0.website, $0.summary] })
            let file = try directory.writing("real.csv", bytes: Array(csv))
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [file])
            #expect(summary.inserted == rows.count)

            let stored = Dictionary(uniqueKeysWithValues: try db.companies().map { ($0.company.id, $0.company) })
            #expect(stored.count == rows.count)
            for row in rows {
                let company = try #require(stored[row.id], "\(row.id) missing")
                let sector = try #require(db.taxonomy.resolve(row.industry), "\(row.industry)")
                #expect(company.offers == SectorProfile([db.taxonomy.sectors[sector].id: 1]), "\(row.id)")
                #expect(company.country == row.country)
                #expect(company.website == row.website.trimmingCharacters(in: .whitespaces), "\(row.id)")
            }
            let byCountry = Dictionary(uniqueKeysWithValues: try db.companyCountsByCountry().map { ($0.country, $0.companies) })
            #expect(byCountry == Dictionary(grouping: rows, by: \.country).mapValues(\.count))
        }
    }
}
