import LiaisonCore
import Testing

@Suite("Taxonomy construction and lookup")
struct TaxonomyTests {
    private func sector(_ id: String, name: String? = nil, aliases: [String] = [], naics: [String] = []) -> Sector {
        Sector(id: id, name: name ?? id, group: "Test", aliases: aliases, naicsPrefixes: naics)
    }

    @Test("ids, names and aliases resolve whatever their case and surrounding or inner white space", arguments: [
        ("logistics-transportation", "logistics-transportation"),
        ("LOGISTICS-TRANSPORTATION", "logistics-transportation"),
        ("  Logistics & Transportation\t", "logistics-transportation"),
        ("logistics  &\n transportation", "logistics-transportation"),
        ("Logistics", "logistics-transportation"),
        ("transportation", "logistics-transportation"),
        ("software &   SERVICES", "digital-technology"),
        (" Renewable Energy ", "clean-energy"),
    ])
    func resolvesLeniently(name: String, expected: String) {
        #expect(TestTaxonomy.taxonomy.resolve(name) == TestTaxonomy.index(expected))
    }

    @Test("names that are no sector's id, name or alias do not resolve", arguments: ["", "  ", "logistix", "logistics transportation", "retail-"])
    func unknownNamesDoNotResolve(name: String) {
        #expect(TestTaxonomy.taxonomy.resolve(name) == nil)
    }

    @Test("index(ofID:) takes exact ids only, not names or aliases")
    func indexOfIDIsExact() {
        let taxonomy = TestTaxonomy.taxonomy
        #expect(taxonomy.index(ofID: "retail") == TestTaxonomy.index("retail"))
        #expect(taxonomy.index(ofID: "Retail") == nil)
        #expect(taxonomy.index(ofID: "logistics") == nil)
        #expect(taxonomy.index(ofID: "Specialty Retail") == nil)
    }

    @Test("a NAICS code falls in the sector of its longest listed prefix", arguments: [
        ("221114", "clean-energy"),  // refined 6-digit prefix
        ("221118", "utilities"),     // only its 2-digit parent is listed
        ("22", "utilities"),
        ("484121", "logistics-transportation"),  // via 4841
        ("493110", "logistics-transportation"),  // via 49
        ("541512", "digital-technology"),
        ("4541", "retail"),
    ])
    func naicsLongestPrefix(code: String, expected: String) {
        #expect(TestTaxonomy.taxonomy.sector(forNAICS: code) == TestTaxonomy.index(expected))
    }

    @Test("codes no prefix covers, and strings that are not NAICS codes, map nowhere",
          arguments: ["11", "5416", "2", "2211145", "22a", "", " 22"])
    func naicsWithoutSector(code: String) {
        #expect(TestTaxonomy.taxonomy.sector(forNAICS: code) == nil)
    }

    @Test("NAICS code shape: 2 to 6 ASCII digits", arguments: [
        ("11", true), ("541512", true), ("1", false), ("1234567", false), ("12a4", false), ("١٢٣", false), ("", false),
    ])
    func naicsShape(code: String, valid: Bool) {
        #expect(Taxonomy.isNAICSCode(code) == valid)
    }

    @Test("two sectors sharing a name or alias are refused, whatever the case", arguments: [
        ([("a", "Food", [String]()), ("b", "Drinks", ["FOOD"])], "food"),
        ([("a", "Food", ["snacks"]), ("b", "Drinks", ["Snacks "])], "snacks"),
        ([("a", "Food", []), ("b", "Drinks", ["A"])], "a"),
    ])
    func sharedNameIsRefused(pairs: [(String, String, [String])], key: String) {
        let sectors = pairs.map { sector($0.0, name: $0.1, aliases: $0.2) }
        #expect(throws: TaxonomyError.ambiguousName(key, "a", "b")) {
            try Taxonomy(sectors: sectors, version: "test")
        }
    }

    @Test("an alias repeating its own sector's name or id is accepted")
    func selfAliasIsAccepted() throws {
        let taxonomy = try Taxonomy(sectors: [sector("food", name: "Food", aliases: ["FOOD", "food"])], version: "test")
        #expect(taxonomy.resolve("food") == 0)
    }

    @Test("two sectors listing the same NAICS prefix are refused")
    func sharedNAICSPrefixIsRefused() {
        let sectors = [sector("a", naics: ["31", "311"]), sector("b", naics: ["3121", "311"])]
        #expect(throws: TaxonomyError.ambiguousNAICSPrefix("311", "a", "b")) {
            try Taxonomy(sectors: sectors, version: "test")
        }
    }

    @Test("a NAICS prefix that is not 2 to 6 digits is refused", arguments: ["1", "1234567", "31a", ""])
    func invalidNAICSPrefixIsRefused(prefix: String) {
        #expect(throws: TaxonomyError.invalidNAICSPrefix(prefix, "a")) {
            try Taxonomy(sectors: [sector("a", naics: [prefix])], version: "test")
        }
    }

    @Test("ids must be lowercase slugs", arguments: ["", "Retail", "clean energy", "-retail", "retail-", "clean--energy", "café", "a_b", "a.b"])
    func nonSlugIDIsRefused(id: String) {
        #expect(throws: TaxonomyError.invalidID(id)) {
            try Taxonomy(sectors: [sector("ok"), sector(id, name: "Other")], version: "test")
        }
    }

    @Test("slugs with digits and single hyphens are accepted", arguments: ["retail", "web3", "b2b-trade", "a-1-b"])
    func slugIsAccepted(id: String) throws {
        let taxonomy = try Taxonomy(sectors: [sector(id)], version: "test")
        #expect(taxonomy.index(ofID: id) == 0)
    }

    @Test("the sector order is the vector order")
    func orderIsKept() {
        #expect(TestTaxonomy.taxonomy.sectors.map(\.id) == TestTaxonomy.sectors.map(\.id))
        #expect(TestTaxonomy.taxonomy.count == TestTaxonomy.sectors.count)
    }
}
