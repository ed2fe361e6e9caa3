import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// Cells as organizers type them: language lists with the separators sector lists take, line
/// breaks typed inside a cell (a two-line bilingual name, a note), and what an export of them
/// reads back as.
@Suite("Sheets: language lists and line breaks inside cells")
struct SheetCellTests {
    @Test("a languages cell is read with the separators sector lists take, by code or name; an unknown one is quoted as written")
    func languageLists() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let sheet = "id,name,country,industry,languages\nL-1,A,CN,Food,\"English, Mandarin\"\nL-2,B,CN,Food,英语、中文\n"
                + "L-3,C,CN,Food,en；zh\nL-4,D,CN,Food,en/zh\nL-5,E,CN,Food,en|fr\nL-6,F,CN,Food,\"en， zh\"\nL-7,G,CN,Food,zh en\n"
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("languages.csv", sheet)])
            let languages = try db.companies().map(\.company.languages)
            #expect(languages == [["en", "zh"], ["en", "zh"], ["en", "zh"], ["en", "zh"], ["en", "fr"], ["en", "zh"], ["zh", "en"]])
        }
        let (error, path) = try ImportFixture.refuse("id,name,country,industry,languages\nL-1,A,CN,Food,English、Klingon\n", named: "bad.csv")
        error.expectProblem(in: path, line: 2, field: "languages", containing: "'Klingon'")
    }

    @Test("a line break typed in a one-line field (name, city) is one space; the organizer's own columns keep it, and an export reads back unchanged",
          arguments: CompanyFileFormat.exportable)
    func lineBreaksInCells(format: CompanyFileFormat) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let sheet = "id,name,country,city,industry,Notes\nCN-1,\"广州食品有限公司\nGuangzhou Foods Co.\",CN,\"广州\r\n Guangzhou\",Food,\"VIP\nneeds interpreter\"\n"
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("breaks.csv", sheet)])
            let company = try db.company(id: "CN-1").company
            #expect(company.name == "广州食品有限公司 Guangzhou Foods Co." && company.city == "广州 Guangzhou")
            #expect(company.extras == [ExtraField(name: "Notes", value: "VIP\nneeds interpreter")])
            let exported = try CompanyWriter.data([company], format: format)
            let again = try LiaisonDatabase.inMemory()
            try again.importCompanies(from: [directory.writing("export.\(format.rawValue)", bytes: Array(exported))])
            #expect(try again.company(id: "CN-1").company == company)
        }
    }

    @Test("other control characters are still refused, in one-line fields and in the organizer's own columns")
    func otherControlCharacters() throws {
        let (error, path) = try ImportFixture.refuse("id,name,country,industry,Notes\nCN-1,A\u{7}B,CN,Food,\"VIP\u{1B}x\"\n", named: "bell.csv")
        error.expectProblem(in: path, line: 2, field: "name", containing: "U+0007")
        error.expectProblem(in: path, line: 2, field: "Notes", containing: "U+001B")
    }
}
