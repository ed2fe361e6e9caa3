import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("The built-in sector taxonomy")
struct BuiltInTaxonomyTests {
    let taxonomy = TaxonomyFile.builtIn

    @Test("has the usual rest of an economy: 40 to 64 sectors")
    func size() {
        #expect((40...64).contains(taxonomy.count))
    }

    @Test("is datasets/sectors.csv, byte for byte")
    func matchesDatasetFile() throws {
        let file = try Data(contentsOf: Repository.root.appendingPathComponent("datasets/sectors.csv"))
        let parsed = try TaxonomyFile.parse(file, source: "sectors.csv")
        #expect(parsed.version == taxonomy.version)
        #expect(parsed.sectors == taxonomy.sectors)
    }

    @Test("holds every sector the story names", arguments: [
        "agriculture-food", "machinery-electronics", "financial-services", "cross-border-trade", "logistics-transportation",
        "biomedicine", "trend-culture", "health-economy", "medical-devices", "insurance", "catering", "advanced-manufacturing",
        "digital-technology", "artificial-intelligence", "clean-energy", "sustainable-agriculture", "supply-chain-services",
    ])
    func storySector(id: String) {
        #expect(taxonomy.index(ofID: id) != nil)
    }

    @Test("every id, name and alias resolves to its sector, in any case and with extra white space",
          arguments: TaxonomyFile.builtIn.sectors.indices)
    func everyNameResolves(index: Int) {
        let sector = taxonomy.sectors[index]
        for name in [sector.id, sector.name] + sector.aliases {
            for variant in [name, name.uppercased(), name.lowercased(), "  \(name)\t", name.replacingOccurrences(of: " ", with: "  \n ")] {
                #expect(taxonomy.resolve(variant) == index, "\(variant.debugDescription) of \(sector.id)")
            }
        }
        #expect(taxonomy.index(ofID: sector.id) == index)
    }

    @Test("a code under a refined prefix goes to that sector, its 2-digit parent elsewhere", arguments: [
        ("111419", "sustainable-agriculture", "agriculture-food"),
        ("112511", "fisheries-aquaculture", "agriculture-food"),
        ("211120", "oil-gas", "mining-metals"),
        ("213111", "oil-gas", "mining-metals"),
        ("221114", "clean-energy", "utilities"),
        ("311111", "agriculture-food", "advanced-manufacturing"),
        ("334413", "semiconductors", "advanced-manufacturing"),
        ("334513", "robotics-automation", "advanced-manufacturing"),
        ("336411", "aerospace-defense", "advanced-manufacturing"),
        ("488510", "supply-chain-services", "logistics-transportation"),
        ("522320", "fintech", "financial-services"),
        ("524113", "insurance", "financial-services"),
        ("541512", "digital-technology", "professional-services"),
        ("541714", "biomedicine", "professional-services"),
        ("722511", "catering", "hospitality-tourism"),
    ])
    func naicsLongestPrefix(code: String, sector: String, parentSector: String) throws {
        let found = try #require(taxonomy.sector(forNAICS: code))
        let parent = try #require(taxonomy.sector(forNAICS: String(code.prefix(2))))
        #expect(taxonomy.sectors[found].id == sector)
        #expect(taxonomy.sectors[parent].id == parentSector)
    }

    @Test("every 2-digit NAICS sector maps somewhere, and so does a 6-digit code under it",
          arguments: ["11", "21", "22", "23", "31", "32", "33", "42", "44", "45", "48", "49", "51", "52", "53", "54", "55", "56",
                      "61", "62", "71", "72", "81", "92"])
    func everyNAICSSectorMaps(code: String) {
        #expect(taxonomy.sector(forNAICS: code) != nil)
        #expect(taxonomy.sector(forNAICS: code + "0000") != nil)
    }

    @Test("every GICS-style sector, industry group and industry name of the real data resolves",
          .enabled(if: TestFiles.hasRealData, RealData.absentMessage),
          arguments: RealData.categoryNames())
    func gicsNameResolves(name: String) {
        #expect(taxonomy.resolve(name) != nil)
    }

    @Test("the GICS-style category list is read", .enabled(if: TestFiles.hasRealData, RealData.absentMessage))
    func gicsListIsRead() {
        // Guards the parameterized test above against silently having no cases.
        #expect(RealData.categoryNames().count > 50)
    }
}
