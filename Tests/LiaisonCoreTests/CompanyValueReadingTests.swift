import LiaisonCore
import Testing

/// Values as organizers' sheets write them: language names.
@Suite("CompanyDraft: values as sheets write them")
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

    @Test("an unknown language is refused quoting it as written", arguments: ["Klingon", "English (fluent)", "ZZ"])
    func unknownLanguage(written: String) {
        let found = issues { $0.languages = ["en", written] }
        #expect(found.map(\.field) == ["languages"], "\(found)")
        #expect(found.first?.message.contains("'\(written)'") == true, "\(found)")
    }
}
