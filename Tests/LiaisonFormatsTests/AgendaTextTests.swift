import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonTestSupport
import Testing

@Suite("Agenda texts in Chinese, English and French")
struct AgendaTextTests {
    @Test("every sector of datasets/sectors.csv has a Chinese and a French name, and no two sectors share one")
    func sectorNamesCoverTheTaxonomy() throws {
        let rows = parseCSV(try String(contentsOf: Repository.root.appendingPathComponent("datasets/sectors.csv"), encoding: .utf8))
        let ids = Set(rows.dropFirst().map { $0[0] })
        #expect(ids.count == TaxonomyFile.builtIn.count && ids == Set(TaxonomyFile.builtIn.sectors.map(\.id)))
        #expect(Set(SectorNames.chinese.keys) == ids, "missing: \(ids.subtracting(SectorNames.chinese.keys)), unknown: \(Set(SectorNames.chinese.keys).subtracting(ids))")
        #expect(Set(SectorNames.french.keys) == ids, "missing: \(ids.subtracting(SectorNames.french.keys)), unknown: \(Set(SectorNames.french.keys).subtracting(ids))")
        #expect(Set(SectorNames.chinese.values).count == ids.count && Set(SectorNames.french.values).count == ids.count)
        #expect(SectorNames.chinese.values.allSatisfy { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(SectorNames.name("clean-energy", in: .en, taxonomy: TaxonomyFile.builtIn) == "Clean energy")
        #expect(SectorNames.name("clean-energy", in: .zh, taxonomy: TaxonomyFile.builtIn) == "清洁能源")
        #expect(SectorNames.name("clean-energy", in: .fr, taxonomy: TaxonomyFile.builtIn) == "énergie propre")
    }

    @Test("the language of an agenda is the company's first language when it is zh or fr, English otherwise", arguments: [
        (["zh", "en"], AgendaLanguage.zh), (["fr", "en"], .fr), (["en", "zh"], .en), (["es", "fr"], .en), ([], .en), (["ZH"], .zh),
        (["zh-Hant"], .zh),
    ])
    func language(languages: [String], expected: AgendaLanguage) {
        #expect(AgendaLanguage(languages: languages) == expected)
    }

    @Test("dates in full, as each language writes them", arguments: [
        ("2025-12-05", AgendaLanguage.en, "December 5, 2025"), ("2025-12-05", .fr, "5 décembre 2025"), ("2025-12-05", .zh, "2025年12月5日"),
        ("2025-12-01", .fr, "1er décembre 2025"), ("2026-06-22", .en, "June 22, 2026"), ("2026-08-15", .fr, "15 août 2026"),
        ("not a date", .zh, "not a date"),
    ])
    func dates(date: String, language: AgendaLanguage, expected: String) {
        #expect(AgendaDate.long(date, in: language) == expected)
    }

    @Test("reasons in each language, and turned around for the other party")
    func reasons() {
        let taxonomy = TaxonomyFile.builtIn
        let seek = MatchReason(kind: .youSeekTheyOffer, sector: "clean-energy", contribution: 0.305)
        let both = MatchReason(kind: .bothOffer, sector: "logistics-transportation", contribution: 0.2)
        let sizes = MatchReason(kind: .sizes, subjectSize: .small, matchSize: .large, contribution: 0.05)
        let languages = MatchReason(kind: .sharedLanguages, languages: ["en", "fr"], contribution: 0.05)
        let expected: [AgendaLanguage: [String]] = [
            .en: ["you seek clean energy, they offer it", "they seek clean energy, you offer it", "both in logistics & transportation",
                  "sizes small and large", "sizes large and small", "shared languages en, fr"],
            .zh: ["您寻求清洁能源，对方提供", "对方寻求清洁能源，您提供", "同属物流与运输领域", "规模：小型与大型", "规模：大型与小型", "共同语言：英语、法语"],
            .fr: ["vous recherchez «\u{202F}énergie propre\u{202F}», qu'ils proposent", "ils recherchent «\u{202F}énergie propre\u{202F}», que vous proposez",
                  "même secteur\u{202F}: logistique et transport", "tailles petite et grande", "tailles grande et petite",
                  "langues communes\u{202F}: anglais, français"],
        ]
        for language in AgendaLanguage.allCases {
            let text = ReasonText(taxonomy: taxonomy, language: language)
            #expect([seek, seek.seenFromMatch, both, sizes, sizes.seenFromMatch, languages].map(text.text) == expected[language], "\(language)")
            #expect(text.line([seek, both]).hasSuffix("+0.20") && text.line([seek, both]).contains("+0.31"))
            #expect(!text.plainLine([seek, both]).contains("+0."))
        }
        #expect(ReasonText(taxonomy: taxonomy, language: .zh).plainLine([seek, both]) == "您寻求清洁能源，对方提供；同属物流与运输领域")
    }
}
