import LiaisonCore
import LiaisonFormats
import Testing

/// Free-text industries matched to the built-in taxonomy.
@Suite("Sectors inferred from free text, in English and Chinese")
struct SectorInferenceTests {
    let taxonomy = TaxonomyFile.builtIn

    @Test("free text finds its most specific sector, and says which alias", arguments: [
        ("Frozen food exporter", "agriculture-food", "frozen food"),
        ("Cold chain logistics", "supply-chain-services", "cold chain"),
        ("Solar panels", "clean-energy", "solar"),
        ("Solar Panel Installers", "clean-energy", "solar"),
        ("Medical device distributor", "medical-devices", "Medical devices"),
        ("Lithium batteries recycling", "clean-energy", "lithium batteries"),
        ("IT services for hospitals", "digital-technology", "IT Services"),
        ("Wine importer", "beverages", "wine"),
        ("冷链物流服务", "supply-chain-services", "冷链物流"),
        ("生物医药研发", "biomedicine", "生物医药"),
        ("新能源汽车零部件", "automotive", "新能源汽车"),
        ("汽车制造厂", "automotive", "汽车制造"),
        ("跨境电商平台", "cross-border-trade", "跨境电商"),
        ("ＡＩ chips", "artificial-intelligence", "AI"),
    ])
    func inferred(text: String, sector: String, alias: String) throws {
        #expect(taxonomy.resolve(text) == nil, "\(text) is exact: not an inference")
        let found = try #require(taxonomy.infer(text), "\(text)")
        #expect(taxonomy.sectors[found.index].id == sector, "\(text) → \(taxonomy.sectors[found.index].id) via \(found.alias)")
        #expect(found.alias == alias, "\(text)")
    }

    @Test("text holding no sector's name or alias finds nothing", arguments: [
        "Underwater basket weaving", "it is what it is", "Xyz", "", "   ", "的", "logistix",
    ])
    func nothingFound(text: String) {
        #expect(taxonomy.infer(text) == nil, "\(text) → \(taxonomy.infer(text).map { taxonomy.sectors[$0.index].id } ?? "")")
    }

    @Test("every sector has a Chinese name, which resolves to it exactly", arguments: TaxonomyFile.builtIn.sectors.indices)
    func chineseName(index: Int) throws {
        let sector = taxonomy.sectors[index]
        let name = try #require(sector.chineseName, "\(sector.id) has no Chinese name")
        #expect(taxonomy.resolve(name) == index)
        #expect(taxonomy.infer(name + "公司").map(\.index) == index, "\(name)公司")
    }

    @Test("an alias found inside a longer text finds its own sector (no other sector's alias is more specific)",
          arguments: TaxonomyFile.builtIn.sectors.indices)
    func aliasesInContext(index: Int) {
        let sector = taxonomy.sectors[index]
        for alias in [sector.name] + sector.aliases where alias.count > 3 && !alias.contains(",") {
            let text = alias.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } ? alias + "有限公司" : "Acme " + alias + " Ltd"
            guard let found = taxonomy.infer(text) else {
                Issue.record("\(text.debugDescription) finds nothing")
                continue
            }
            // Another sector may win only with an alias at least as specific that holds this one.
            if found.index != index {
                #expect(found.alias.count >= alias.count, "\(text) → \(taxonomy.sectors[found.index].id) via \(found.alias)")
            }
        }
    }
}
