import LiaisonCore
import Testing

@Suite("Profile text form")
struct ProfileEntryTests {
    private func entries(_ pairs: KeyValuePairs<String, Double>) -> [ProfileEntry] {
        pairs.map { ProfileEntry(sector: $0.key, weight: $0.value) }
    }

    @Test("a bare sector weighs 1")
    func bareSector() throws {
        #expect(try ProfileEntry.parseList("a:1;b", field: "offers") == entries(["a": 1, "b": 1]))
    }

    @Test("spaces around sectors, colons and weights are ignored; inner spaces are kept")
    func spaces() throws {
        let parsed = try ProfileEntry.parseList("  Food Products : 0.5 ;\tb ", field: "offers")
        #expect(parsed == entries(["Food Products": 0.5, "b": 1]))
    }

    @Test("empty items are skipped", arguments: ["", ";", " ; ;", "a;;b;", ";a; ;b"])
    func emptyItems(text: String) throws {
        let parsed = try ProfileEntry.parseList(text, field: "offers")
        #expect(parsed.map(\.sector).allSatisfy { ["a", "b"].contains($0) })
        #expect(parsed.count == (text.contains("a") ? 2 : 0))
    }

    @Test("weights in any decimal form are read; their range is checked later, by validation", arguments: [
        ("a:0.1", 0.1), ("a:1e-3", 0.001), ("a:2", 2), ("a:-1", -1), ("a:0", 0), ("a:+3.5", 3.5),
    ])
    func weights(text: String, weight: Double) throws {
        #expect(try ProfileEntry.parseList(text, field: "seeks") == [ProfileEntry(sector: "a", weight: weight)])
    }

    @Test("inf and nan parse, so that validation can name them")
    func nonFiniteWeightsParse() throws {
        let parsed = try ProfileEntry.parseList("a:inf;b:nan", field: "offers")
        #expect(parsed.map(\.sector) == ["a", "b"])
        #expect(parsed[0].weight == .infinity)
        #expect(parsed[1].weight.isNaN)
    }

    @Test("a weight that is not a number is refused, naming the field, sector and text", arguments: [
        ("retail:abc", "'abc'"), ("retail:", "''"), ("retail:1:2", "'1:2'"), ("retail: 0,5", "'0,5'"),
    ])
    func nonNumberWeight(text: String, quoted: String) {
        #expect {
            try ProfileEntry.parseList(text, field: "seeks")
        } throws: { error in
            let issue = error as? FieldIssue
            return issue?.field == "seeks" && issue!.message.contains("retail") && issue!.message.contains(quoted)
                && issue!.message.contains("not a number")
        }
    }

    @Test("weights after a list separated with commas are refused, saying to separate sectors with ';' (a decimal comma is not told so)")
    func commaSeparatedWeights() throws {
        for (text, hinted) in [("Retail:0.5, Logistics:0.8", true), ("retail: 0,5", false)] {
            let error = #expect(throws: FieldIssue.self) { try ProfileEntry.parseList(text, field: "seeks") }
            #expect(error?.message.contains("separate sectors with ';'") == hinted, "\(text): \(String(describing: error))")
        }
    }

    @Test("a weight without its sector is refused")
    func missingSector() {
        #expect {
            try ProfileEntry.parseList("a;:0.5", field: "offers")
        } throws: { error in
            (error as? FieldIssue)?.field == "offers" && (error as? FieldIssue)?.message.contains("missing sector") == true
        }
    }

    @Test("the text form lists sectors by id, writes weight 1 bare, and reads back the same weights", arguments: [
        ["b": 0.5, "a": 1],
        ["x": 0.1, "y": 1e-3, "z": 1.0 / 3.0],
        ["big": 1e20, "tiny": Double.leastNonzeroMagnitude, "two": 2, "odd": 0.30000000000000004],
    ])
    func textRoundTrip(weights: [String: Double]) throws {
        let profile = SectorProfile(weights)
        let sectors = profile.text.split(separator: ";").map { String($0.split(separator: ":")[0]) }
        #expect(sectors == weights.keys.sorted())
        #expect(profile.text.split(separator: ";").contains { !$0.contains(":") } == weights.values.contains(1))
        let parsed = try ProfileEntry.parseList(profile.text, field: "offers")
        #expect(Dictionary(uniqueKeysWithValues: parsed.map { ($0.sector, $0.weight) }) == weights)
    }

    @Test("seeded random weights survive the text form exactly")
    func randomTextRoundTrip() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let weights = Dictionary(uniqueKeysWithValues: (0..<(1 + random.below(5))).map { i in
                ("s\(i)", random.chance(0.2) ? Double(1 + random.below(9)) : random.unit() * pow10(random.below(12) - 6) + .leastNonzeroMagnitude)
            })
            let parsed = try ProfileEntry.parseList(SectorProfile(weights).text, field: "offers")
            #expect(Dictionary(uniqueKeysWithValues: parsed.map { ($0.sector, $0.weight) }) == weights)
        }
    }

    private func pow10(_ exponent: Int) -> Double {
        (0..<abs(exponent)).reduce(1.0) { product, _ in exponent < 0 ? product / 10 : product * 10 }
    }

    @Test("the empty profile's text is empty and parses to no entries")
    func emptyProfile() throws {
        #expect(SectorProfile().text == "")
        #expect(try ProfileEntry.parseList(SectorProfile().text, field: "offers").isEmpty)
    }
}
