import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

@Suite("Export, import, export")
struct RoundTripTests {
    private static let generated: [Company] = {
        let generator = ScenarioGenerator(seed: 2026, taxonomy: TaxonomyFile.builtIn)
        return generator.companies(of: .delegates, count: 40) + generator.companies(of: .unitedStates, count: 60)
            + generator.companies(of: .canada, count: 30)
    }()

    @Test("an export imported into a fresh database exports byte for byte the same",
          arguments: CompanyFileFormat.exportable, Storage.allCases)
    func roundTrip(format: CompanyFileFormat, storage: Storage) throws {
        let companies = Self.generated + EdgeCaseCompanies.all
        try TestFiles.withTemporaryDirectory { directory in
            let first = try LiaisonDatabase.inMemory()
            try first.save(companies)
            let exported = try CompanyWriter.data(first.companies().map(\.company), format: format)
            let file = directory.appendingPathComponent("companies.\(format.rawValue)")
            try exported.write(to: file)

            try storage.withDatabase { second in
                let summary = try second.importCompanies(from: [file])
                #expect(summary.inserted == companies.count)
                let imported = try second.companies().map(\.company)
                #expect(imported == companies.sorted { $0.id < $1.id })
                #expect(try CompanyWriter.data(imported, format: format) == exported)
            }
        }
    }

    @Test("each edge case survives on its own", arguments: CompanyFileFormat.exportable, EdgeCaseCompanies.all.indices)
    func edgeCase(format: CompanyFileFormat, index: Int) throws {
        let company = EdgeCaseCompanies.all[index]
        try TestFiles.withTemporaryDirectory { directory in
            let exported = try CompanyWriter.data([company], format: format)
            let file = try directory.writing("one.\(format.rawValue)", bytes: Array(exported))
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [file])
            #expect(try db.company(id: company.id).company == company)
        }
    }

    @Test("CSV export quotes exactly the fields that need it and ends every line with LF")
    func csvShape() throws {
        let data = try CompanyWriter.data(EdgeCaseCompanies.all, format: .csv)
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.hasPrefix(CompanyFileFormat.columns.joined(separator: ",") + "\n"))
        #expect(text.hasSuffix("\n"))
        #expect(text.contains(#""Comma, ""Quoted"" & Sons Co., Ltd.""#))
        #expect(text.contains(",深圳市前海翡翠物流有限公司,"))
        #expect(text.contains("\nUS-EDGE-3,Bare Minimum LLC,US,,,,,,,,clean-energy,\n"))
    }

    @Test("JSON Lines export holds one object per line, each decoding to its company")
    func jsonLinesShape() throws {
        let data = try CompanyWriter.data(EdgeCaseCompanies.all, format: .jsonl)
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.count == EdgeCaseCompanies.all.count + 1)
        #expect(lines.last?.isEmpty == true)
        let bare = try JSONDecoder().decode(CompanyDocument.self, from: Data(lines[2]))
        #expect(bare == CompanyDocument(EdgeCaseCompanies.all[2]))
        #expect(bare.offers.isEmpty && bare.size == nil && bare.revision == nil)
    }
}
