import LiaisonCore
import Testing

/// Sizes, languages and NAICS codes as organizers' sheets write them: labels in Chinese,
/// headcounts, language names, Excel's numbers and codes followed by their titles.
@Suite("CompanyDraft: sizes, languages and NAICS codes as sheets write them")
struct CompanyValueReadingTests {
    private func validated(_ change: (inout CompanyDraft) -> Void) throws -> Company {
        var draft = CompanyDraft.valid
        change(&draft)
        return try draft.validated(with: TestTaxonomy.taxonomy)
    }

    private func issues(_ change: (inout CompanyDraft) -> Void) -> [FieldIssue] {
        do {
            let company = try validated(change)
            Issue.record("expected validation to fail, got \(company)")
            return []
        } catch {
            return (error as? FieldIssues)?.issues ?? []
        }
    }

    @Test("a size is a band, its Chinese label, or a headcount read by the bands micro <10, small 10–49, medium 50–249, large 250–999, enterprise ≥1000",
          arguments: [
              ("Medium", CompanySize.medium), ("大型", .large), ("中型企业", .medium), ("小型", .small), ("微型企业", .micro),
              ("特大型企业", .enterprise), ("250", .large), ("1,200", .enterprise), ("50-200", .medium), ("500+", .large),
              ("约300人", .large), ("300 employees", .large), ("9", .micro), ("10", .small), ("49", .small), ("999", .large),
              ("1000", .enterprise), ("１２０", .medium), ("100人以上", .medium), ("about 40 staff", .small), ("250.0", .large),
              // A range lying across two neighbouring bands is read by its middle (LinkedIn's buckets).
              ("1-10", .micro), ("11-50", .small), ("51–200", .medium), ("201-500", .large), ("501-1000", .large),
              ("1001-5000", .enterprise), ("10,001+", .enterprise), ("20~30人", .small),
          ] as [(String, CompanySize)])
    func sizes(written: String, band: CompanySize) throws {
        #expect(try validated { $0.size = written }.size == band)
    }

    @Test("a size that is no band is refused, quoting it as written with what to write instead", arguments: [
        ("SME", "micro, small or medium"), ("中小企业", "micro, small or medium"), ("huge", "use one of micro"),
        ("10-5000", "spans"), ("0", "use one of micro"), ("200-100", "use one of micro"), ("1.000", "use one of micro"), ("12.000", "use one of micro"),
    ])
    func refusedSizes(written: String, hint: String) {
        let found = issues { $0.size = written }
        #expect(found.map(\.field) == ["size"], "\(found)")
        #expect(found.first?.message.contains("'\(written)'") == true, "\(found)")
        #expect(found.first?.message.contains(hint) == true, "\(found)")
    }

    @Test("languages are ISO 639-1 codes or their names in English, Chinese or French", arguments: [
        (["English", "Mandarin"], ["en", "zh"]), (["英语", "中文"], ["en", "zh"]), (["汉语", "普通话", "Chinese"], ["zh"]),
        (["Français", "法语", "french"], ["fr"]), (["Spanish", "西班牙语"], ["es"]), (["German", "Japanese", "日语"], ["de", "ja"]),
        (["Korean", "韩语", "Russian", "Arabic"], ["ko", "ru", "ar"]), (["Portuguese", "Italian", "Vietnamese"], ["pt", "it", "vi"]),
        (["Cantonese"], ["zh"]), (["Mandarin Chinese"], ["zh"]), (["Chinese (Mandarin)"], ["zh"]), (["en zh"], ["en", "zh"]),
        (["ＥＮ"], ["en"]), (["anglais", "chinois"], ["en", "zh"]),
    ])
    func languageNames(written: [String], codes: [String]) throws {
        #expect(try validated { $0.languages = written }.languages == codes)
    }

    @Test("an unknown language is refused quoting it as written", arguments: ["Klingon", "English (fluent)", "ZZ", "English or Chinese",
                                                                             "English to Chinese", "Mandarin no English", "EN or ZH"])
    func unknownLanguage(written: String) {
        let found = issues { $0.languages = ["en", written] }
        #expect(found.map(\.field) == ["languages"], "\(found)")
        #expect(found.first?.message.contains("'\(written)'") == true, "\(found)")
    }

    @Test("a NAICS cell as spreadsheets write it: Excel's number, the code then its title, full-width digits, a sector's range",
          arguments: [
              ("541511.0", "541511"), ("541511 - Custom Computer Programming Services", "541511"), ("５４１５１１", "541511"),
              ("4841 Trucking", "4841"), ("541511: Custom Computer Programming", "541511"), ("31-33", "31"), ("44–45", "44"),
              ("48-49 Transportation and Warehousing", "48"), ("221114", "221114"),
          ])
    func naicsCells(written: String, code: String) throws {
        #expect(try validated { $0.naics = written }.naics == code)
    }

    @Test("what is no NAICS code is still refused", arguments: ["48a1", "4", "4841101", "31-34", "541511.5", "Trucking", "12-", "541511 541512"])
    func notNAICS(written: String) {
        let found = issues { $0.naics = written }
        #expect(found.map(\.field) == ["naics"], "\(found)")
    }
}
