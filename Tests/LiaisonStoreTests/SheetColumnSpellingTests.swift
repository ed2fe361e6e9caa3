import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// The organizer's own columns spelt differently by two sheets (`Booth No`, `Booth No.`,
/// `BOOTH NO`) are one column, as they would be within one header, so that an export always
/// imports back.
@Suite("Sheets: one column of the organizer's under several spellings")
struct SheetColumnSpellingTests {
    @Test("a second sheet's 'Booth No.' lands on the stored 'Booth No', and the export imports back", arguments: CompanyFileFormat.exportable)
    func secondSheetSpelling(format: CompanyFileFormat) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("a.csv", "id,name,country,industry,Booth No\nCN-1,Alpha,CN,Food,A12\n")])
            let second = try db.importCompanies(from: [directory.writing("b.csv", "id,name,country,Booth No.,BOOTH  NO 2\nCN-1,Alpha,CN,A13,x\n")])
            #expect(second.layouts.contains { $0.contains("'Booth No.' as 'Booth No'") }, "\(second.layouts)")
            #expect(try db.company(id: "CN-1").company.extras == [ExtraField(name: "Booth No", value: "A13"), ExtraField(name: "BOOTH NO 2", value: "x")])
            try expectExportImportsBack(db, format: format, in: directory)
        }
    }

    @Test("two files of one import spelling a column two ways store it under the first spelling", arguments: CompanyFileFormat.exportable)
    func twoFilesOneImport(format: CompanyFileFormat) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("us.csv", "id,name,country,industry,Booth No\nUS-1,Acme,US,Food,A12\n"),
                                          directory.writing("ca.csv", "id,name,country,industry,BOOTH NO\nCA-1,Maple,CA,Food,B7\n")])
            #expect(try db.companies().map(\.company.extras) == [[ExtraField(name: "Booth No", value: "B7")], [ExtraField(name: "Booth No", value: "A12")]])
            try expectExportImportsBack(db, format: format, in: directory)
        }
    }

    @Test("a JSON Lines record's column spelt another way lands on the stored one")
    func jsonLinesSpelling() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("a.csv", "id,name,country,industry,Booth No\nCN-1,Alpha,CN,Food,A12\n")])
            try db.importCompanies(from: [directory.writing("b.jsonl", #"{"id":"CN-2","name":"Beta","country":"CN","offers":{"retail":1},"extra":[{"name":"booth no.","value":"C3"}]}"#)])
            #expect(try db.company(id: "CN-2").company.extras == [ExtraField(name: "Booth No", value: "C3")])
        }
    }

    private func expectExportImportsBack(_ db: LiaisonDatabase, format: CompanyFileFormat, in directory: URL,
                                         sourceLocation: SourceLocation = #_sourceLocation) throws {
        let companies = try db.companies().map(\.company)
        let exported = try CompanyWriter.data(companies, format: format)
        let again = try LiaisonDatabase.inMemory()
        try again.importCompanies(from: [directory.writing("export.\(format.rawValue)", bytes: Array(exported))])
        #expect(try again.companies().map(\.company) == companies, sourceLocation: sourceLocation)
    }
}
