import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// Cells as organizers type them: language lists with the separators sector lists take.
@Suite("Sheets: cells as organizers type them")
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
}
