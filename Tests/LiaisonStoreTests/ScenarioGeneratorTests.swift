import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("The synthetic scenario generator")
struct ScenarioGeneratorTests {
    private func generator(_ seed: UInt64) -> ScenarioGenerator {
        ScenarioGenerator(seed: seed, taxonomy: TaxonomyFile.builtIn)
    }

    @Test("the same seed gives identical companies", arguments: ScenarioGenerator.Side.allCases)
    func sameSeed(side: ScenarioGenerator.Side) {
        #expect(generator(42).companies(of: side, count: 60) == generator(42).companies(of: side, count: 60))
    }

    @Test("different seeds give different companies", arguments: ScenarioGenerator.Side.allCases)
    func differentSeeds(side: ScenarioGenerator.Side) {
        let a = generator(1).companies(of: side, count: 60)
        let b = generator(2).companies(of: side, count: 60)
        #expect(a.map(\.id) == b.map(\.id))
        // Not one company the same, beyond its id.
        #expect(zip(a, b).filter { $0 == $1 }.isEmpty)
        #expect(Set(a.map(\.name)) != Set(b.map(\.name)))
    }

    @Test("asking for more companies of a side keeps the first ones", arguments: ScenarioGenerator.Side.allCases)
    func prefixStable(side: ScenarioGenerator.Side) {
        let few = generator(9).companies(of: side, count: 25)
        let many = generator(9).companies(of: side, count: 900)
        #expect(Array(many.prefix(25)) == few)
    }

    @Test("asking for 10,000 companies or more keeps the first ones too")
    func prefixStableAcrossIDWidths() {
        let few = generator(9).companies(of: .delegates, count: 3)
        let many = generator(9).companies(of: .delegates, count: 10_000)
        #expect(Array(many.prefix(3)) == few)
        #expect(many[9_998].id == "CN-9999" && many[9_999].id == "CN-10000")
    }

    @Test("a side's companies do not depend on how many of the other sides were asked for")
    func sidesIndependent() {
        let alone = generator(5).companies(of: .unitedStates, count: 30)
        let generator = generator(5)
        _ = generator.companies(of: .delegates, count: 500)
        _ = generator.companies(of: .canada, count: 3)
        #expect(generator.companies(of: .unitedStates, count: 30) == alone)
    }

    @Test("ids are numbered from 1 with the side's prefix, and are unique", arguments: ScenarioGenerator.Side.allCases)
    func ids(side: ScenarioGenerator.Side) {
        let companies = generator(3).companies(of: side, count: 120)
        #expect(companies.first?.id == "\(side.rawValue)-0001")
        #expect(companies.last?.id == "\(side.rawValue)-0120")
        #expect(Set(companies.map(\.id)).count == companies.count)
    }

    @Test("every generated company imports from CSV and JSON Lines unchanged", arguments: CompanyFileFormat.exportable)
    func importsUnchanged(format: CompanyFileFormat) throws {
        let generator = generator(2025)
        let companies = generator.companies(of: .delegates, count: 80) + generator.companies(of: .unitedStates, count: 600)
            + generator.companies(of: .canada, count: 300)
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("scenario.\(format.rawValue)", bytes: Array(CompanyWriter.data(companies, format: format)))
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [file])
            #expect(summary.inserted == companies.count)
            #expect(try db.companies().map(\.company) == companies.sorted { $0.id < $1.id })
        }
    }

    @Test("delegates are Chinese companies in the delegation's cities, speaking Chinese")
    func delegates() {
        let regionOfCity = [
            "Beijing": "Beijing", "Shanghai": "Shanghai", "Shenzhen": "Guangdong", "Hangzhou": "Zhejiang",
            "Guangzhou": "Guangdong", "Chengdu": "Sichuan", "Qingdao": "Shandong", "Suzhou": "Jiangsu",
            "Wuhan": "Hubei", "Xiamen": "Fujian", "Tianjin": "Tianjin", "Ningbo": "Zhejiang",
        ]
        let delegates = generator(8).companies(of: .delegates, count: 300)
        for company in delegates {
            #expect(company.country == "CN")
            #expect(regionOfCity[company.city] == company.region, "\(company.id) in \(company.city), \(company.region)")
            #expect(company.languages.first == "zh")
            #expect(!company.offers.isEmpty)
        }
        #expect(Set(delegates.map(\.city)).count > 6)
    }

    @Test("US and Canadian firms are in their country, speak English, and Quebec firms speak French",
          arguments: [ScenarioGenerator.Side.unitedStates, .canada])
    func firms(side: ScenarioGenerator.Side) throws {
        let firms = generator(8).companies(of: side, count: 400)
        for firm in firms {
            #expect(firm.country == side.rawValue)
            #expect(firm.languages.contains("en"))
            #expect(firm.languages.contains("fr") == (firm.region == "QC"), "\(firm.id) in \(firm.region) speaks \(firm.languages)")
        }
        if side == .canada {
            #expect(firms.contains { $0.region == "QC" })
        }
    }

    @Test("the story's sectors are all on offer in a large scenario")
    func storySectorsOffered() {
        let generator = generator(2025)
        let companies = ScenarioGenerator.Side.allCases.flatMap { generator.companies(of: $0, count: 400) }
        let offered = Set(companies.flatMap { $0.offers.weights.keys })
        for sector in ["agriculture-food", "machinery-electronics", "financial-services", "cross-border-trade",
                       "logistics-transportation", "biomedicine", "trend-culture", "digital-technology",
                       "artificial-intelligence", "clean-energy", "sustainable-agriculture", "advanced-manufacturing"] {
            #expect(offered.contains(sector), "\(sector)")
        }
    }

    @Test("the committed sample scenario is what `make sample` generates",
          .enabled(if: FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent("datasets/ccpit-2025").path),
                   "datasets/ccpit-2025 is absent"),
          arguments: [(ScenarioGenerator.Side.delegates, 80, "cn-delegates.csv"), (.unitedStates, 600, "us-firms.csv"), (.canada, 300, "ca-firms.csv")])
    func committedSample(side: ScenarioGenerator.Side, count: Int, file: String) throws {
        let committed = try Data(contentsOf: Repository.root.appendingPathComponent("datasets/ccpit-2025/\(file)"))
        #expect(try CompanyWriter.data(generator(2025).companies(of: side, count: count), format: .csv) == committed)
    }
}
