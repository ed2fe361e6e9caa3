import LiaisonCore
import Testing

@Suite("Feature tables") struct FeatureTableTests {
    @Test("rows are grouped delegation first, then hosts, sorted by id; a country is one range")
    func order() {
        var random = RandomCompanies(seed: 3)
        let companies = random.companies(["US": 4, "CN": 3, "CA": 2]).shuffled(using: &random.random)
        let table = FeatureTable(companies: companies.map { ($0, 1) }, taxonomy: TestTaxonomy.taxonomy)
        #expect((0..<table.count).map { table.ids[$0] } == ["CN-001", "CN-002", "CN-003", "CA-001", "CA-002",
                                                              "US-001", "US-002", "US-003", "US-004"])
        #expect(table.rows(ofCountry: "CA") == 3..<5)
        #expect(table.rows(ofCountry: "US") == 5..<9)
        #expect(table.rows(ofCountry: "DE") == 0..<0)
        #expect(table.row(ofID: "US-002") == 6 && table.row(ofID: "US-9") == nil)
    }

    @Test("a row gives back the features it was made from, exactly; its entries for the kernel are those rounded to single precision")
    func featuresRoundTrip() {
        var random = RandomCompanies(seed: 5)
        let companies = random.companies(["CN": 20, "US": 20])
        let table = FeatureTable(companies: companies.map { ($0, 1) }, taxonomy: TestTaxonomy.taxonomy)
        for company in companies {
            let original = CompanyFeatures(company, taxonomy: TestTaxonomy.taxonomy, languages: table.languages)
            let row = table.row(ofID: company.id)!
            #expect(table.features(ofRow: row) == original)
            let entries = table.rows.entries(ofRow: row)
            #expect(zip(table.rows.values[entries], table.exactValues[entries]).allSatisfy { $0 == Float($1) })
        }
    }

    @Test("string columns hold their strings and refuse inconsistent arrays")
    func stringColumn() {
        var column = StringColumn()
        for id in ["CN-1", "", "上海-7"] { column.append(id) }
        #expect(column.count == 3 && column[2] == "上海-7" && column[1].isEmpty)
        #expect(column.firstIndex(of: "上海-7") == 2 && column.firstIndex(of: "CN") == nil)
        #expect(StringColumn(bytes: column.bytes, offsets: column.offsets) == column)
        #expect(StringColumn(bytes: [65], offsets: [0, 2]) == nil)
    }
}
