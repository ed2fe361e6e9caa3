import LiaisonCore
import Testing

/// How free text is matched to sectors, on a taxonomy small enough to see at a glance.
@Suite("Inference rules")
struct InferenceRulesTests {
    let taxonomy = try! Taxonomy(sectors: [
        Sector(id: "food", name: "Food", group: "G", aliases: ["frozen food", "食品", "冷冻食品"]),
        Sector(id: "logistics", name: "Logistics", group: "G", aliases: ["cold chain", "物流", "冷链"]),
        Sector(id: "tech", name: "Technology", group: "G", aliases: ["IT", "batteries"]),
        Sector(id: "trade", name: "Trade", group: "G", aliases: ["exporters"]),
        Sector(id: "fairs", name: "Fairs", group: "G", aliases: ["trade shows", "news"]),
        Sector(id: "drinks", name: "Food, Beverage & Tobacco", group: "G", aliases: ["饮料、酒"]),
    ], version: "test")

    private func infer(_ text: String) -> (sector: String, alias: String)? {
        taxonomy.infer(text).map { (taxonomy.sectors[$0.index].id, $0.alias) }
    }

    @Test("the match with the most words wins, wherever it is")
    func mostWords() {
        #expect(infer("Logistics of frozen food")! == ("food", "frozen food"))
    }

    @Test("of equally specific matches the earliest wins; Chinese counts characters")
    func earliest() {
        #expect(infer("Food exporter")! == ("food", "Food"))
        #expect(infer("Exporter of food")! == ("trade", "exporters"))
        #expect(infer("冷链食品")! == ("logistics", "冷链"))
        #expect(infer("物流冷冻食品")! == ("food", "冷冻食品"))
    }

    @Test("plural and singular are one word")
    func plural() {
        #expect(infer("Battery maker")! == ("tech", "batteries"))
        #expect(infer("Exporter")! == ("trade", "exporters"))
        // "shows" is the plural of "show"; "news" is no plural.
        #expect(infer("Trade show organizer")! == ("fairs", "trade shows"))
        #expect(infer("Financial news")! == ("fairs", "news") && infer("New products") == nil)
    }

    @Test("a short all-capitals alias matches only in capitals")
    func acronyms() {
        #expect(infer("IT consulting")! == ("tech", "IT"))
        #expect(infer("it consulting") == nil)
    }

    @Test("exact ids, names and aliases resolve without inference")
    func exactIsNotInference() throws {
        var draft = CompanyDraft()
        (draft.id, draft.name, draft.country, draft.industry) = ("A", "A", "CN", "Frozen Food")
        draft.seeks = [ProfileEntry(sector: "cold chain logistics", weight: 1)]
        let validated = try draft.validate(with: taxonomy)
        #expect(validated.company.offers == SectorProfile(["food": 1]))
        #expect(validated.inferences == [SectorInference(field: "seeks", text: "cold chain logistics", sector: "logistics", alias: "cold chain")])
    }

    @Test("entries of one sector merge when one was inferred; named twice exactly they are a problem")
    func duplicates() throws {
        var draft = CompanyDraft()
        (draft.id, draft.name, draft.country) = ("A", "A", "CN")
        draft.seeks = [ProfileEntry(sector: "logistics", weight: 0.5), ProfileEntry(sector: "cold chain services", weight: 1)]
        #expect(try draft.validated(with: taxonomy).seeks == SectorProfile(["logistics": 1]))
        draft.seeks = [ProfileEntry(sector: "logistics", weight: 0.5), ProfileEntry(sector: "cold chain", weight: 1)]
        #expect(throws: FieldIssues.self) { try draft.validated(with: taxonomy) }
    }

    private func inferList(_ text: String) -> [String] {
        taxonomy.inferList(text).map { taxonomy.sectors[$0.index].id }
    }

    @Test("a list in one cell gives a sector per item that names one, in its order; one item, as infer does")
    func lists() {
        #expect(inferList("Frozen food, Cold chain, Batteries") == ["food", "logistics", "tech"])
        #expect(inferList("冷冻食品、冷链、饮料") == ["food", "logistics"])
        #expect(inferList("Trade shows / IT") == ["fairs", "tech"])
        #expect(inferList("Exporter，物流") == ["trade", "logistics"])
        #expect(inferList("Frozen food; Logistics | IT") == ["food", "logistics", "tech"] && inferList("冷冻食品；物流") == ["food", "logistics"])
        // An item naming nothing gives nothing; a sector named twice is given once.
        #expect(inferList("Frozen food, based in Dalian, food exporter") == ["food"])
        #expect(inferList("Logistics of frozen food") == ["food"] && infer("Logistics of frozen food")!.sector == "food")
        #expect(inferList("Underwater, basket weaving").isEmpty)
    }

    @Test("a name or alias spanning the items of a list names them all, when it is the most specific")
    func spanningNames() {
        #expect(inferList("Food, Beverage & Tobacco") == ["drinks"])
        #expect(inferList("Food, Beverage & Tobacco, Logistics") == ["drinks", "logistics"])
        #expect(inferList("饮料、酒、物流") == ["drinks", "logistics"])
    }

    @Test("every sector of a listed industry or seeks value is kept, with the entry's weight, and each is named among the inferences")
    func listedProfiles() throws {
        var draft = CompanyDraft()
        (draft.id, draft.name, draft.country, draft.industry) = ("A", "A", "CN", "Frozen food, cold chain")
        draft.seeks = [ProfileEntry(sector: "Batteries / exporters", weight: 0.5), ProfileEntry(sector: "物流", weight: 1)]
        let validated = try draft.validate(with: taxonomy)
        #expect(validated.company.offers == SectorProfile(["food": 1, "logistics": 1]))
        #expect(validated.company.seeks == SectorProfile(["tech": 0.5, "trade": 0.5, "logistics": 1]))
        #expect(Set(validated.inferences.map(\.sector)) == ["food", "logistics", "tech", "trade"] && validated.inferences.count == 4)
        // The profile's own separator, in an industry: ids and names alike.
        draft.industry = "food;Logistics；IT"
        #expect(try draft.validated(with: taxonomy).offers == SectorProfile(["food": 1, "logistics": 1, "tech": 1]))
    }

    @Test("an industry with no sector in it names the value and points to `liaison sectors`")
    func noMatch() {
        var draft = CompanyDraft()
        (draft.id, draft.name, draft.country, draft.industry) = ("A", "A", "CN", "Underwater basket weaving")
        #expect {
            try draft.validated(with: taxonomy)
        } throws: { error in
            guard let issues = error as? FieldIssues, let issue = issues.issues.first else { return false }
            return issue.field == "industry" && issue.message.contains("'Underwater basket weaving'") && issue.message.contains("liaison sectors")
        }
    }
}
