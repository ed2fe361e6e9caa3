import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport
import Testing

/// Goal 1 of issue 12: an organizer imports the registration sheet they actually have.
@Suite("Registration sheets as organizers have them")
struct SheetImportTests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures")
    static let semicolons = fixtures.appendingPathComponent("registration-sheet-utf8-bom-semicolons.csv")
    static let gb18030 = fixtures.appendingPathComponent("registration-sheet-gb18030.csv")

    @Test("the committed sheets, UTF-8 with BOM and ';' and GB18030 with Chinese headers, import with every quirk")
    func fixturesImport() throws {
        let db = try LiaisonDatabase.inMemory()
        let summary = try db.importCompanies(from: [Self.semicolons, Self.gb18030])
        #expect(summary.files.map(\.companies) == [6, 4])
        #expect(summary.inserted == 10)
        #expect(summary.layouts.count == 2)
        #expect(summary.layouts[0].contains("UTF-8 with BOM, separated by ';'"))
        #expect(summary.layouts[1].contains("GB18030") && summary.layouts[1].contains("'公司名称' → name"))

        let acme = try db.company(id: "ACME SZ").company
        #expect(acme.name == "Acme Shenzhen Frozen Foods Co., Ltd.")
        #expect((acme.contact, acme.email, acme.phone, acme.website) == ("Li Wei", "li.wei@acme-sz.cn", "+86 755 1234 5678", "www.acme-sz.cn"))
        #expect(acme.extras == [ExtraField(name: "Booth No", value: "A12"), ExtraField(name: "Notes", value: "Needs an interpreter; arrives Dec 4")])
        #expect(acme.offers == SectorProfile(["agriculture-food": 1]))
        #expect(acme.seeks == SectorProfile(["supply-chain-services": 1]))
        #expect(try db.company(id: "UMH PR-A").company.offers == SectorProfile(["real-estate": 1]))

        let hz = try db.company(id: "HZ-BIO").company
        #expect(hz.name == "杭州华东生物医药有限公司" && hz.city == "杭州")
        #expect(hz.offers == SectorProfile(["biomedicine": 1]) && hz.seeks == SectorProfile(["medical-devices": 1]))
        let shanghai = try db.company(id: "SH-FOOD 01").company
        #expect(shanghai.name == "上海鲜食冷冻食品有限公司" && shanghai.contact == "李娜")
        #expect(shanghai.extras == [ExtraField(name: "展位号", value: "D1")])

        let inferred = summary.inferences.map { "\($0.inference)" }
        #expect(inferred.contains("'Solar panels' → clean-energy (alias 'solar')"))
        #expect(inferred.contains("'Frozen food exporter' → agriculture-food (alias 'frozen food')"))
        #expect(inferred.contains("'Cold chain logistics' → supply-chain-services (alias 'cold chain')"))
        #expect(inferred.contains("'生物医药研发' → biomedicine (alias '生物医药')"))
        // Exact names and aliases (`生物医药`, `冷链物流`, `Real Estate`) are not inferences.
        #expect(!summary.inferences.contains { ["生物医药", "冷链物流", "Real Estate"].contains($0.inference.text) })
        let coldChain = try #require(summary.inferences.first { $0.inference.text == "Cold chain logistics" })
        #expect(coldChain.companies == 2 && coldChain.fields == ["seeks", "industry"])
    }

    @Test("an export of the imported sheets imports back to the same companies, contacts and kept columns included",
          arguments: CompanyFileFormat.exportable)
    func roundTrip(format: CompanyFileFormat) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let first = try LiaisonDatabase.inMemory()
            try first.importCompanies(from: [Self.semicolons, Self.gb18030])
            let companies = try first.companies().map(\.company)
            let exported = try CompanyWriter.data(companies, format: format)
            let file = try directory.writing("export.\(format.rawValue)", bytes: Array(exported))
            let second = try LiaisonDatabase.inMemory()
            try second.importCompanies(from: [file])
            #expect(try second.companies().map(\.company) == companies)
            #expect(try CompanyWriter.data(second.companies().map(\.company), format: format) == exported)
        }
    }

    @Test("defect 7: formula-like values export guarded and import back exactly", arguments: CompanyFileFormat.exportable)
    func formulaRoundTrip(format: CompanyFileFormat) throws {
        let companies = [
            Company(id: "=A1", name: "=HYPERLINK(\"http://x\")", country: "CN", city: "@SUM(1)", offers: SectorProfile(["retail": 1])),
            Company(id: "'=A2", name: "'=already guarded", country: "CN", region: "''+1", offers: SectorProfile(["retail": 1]),
                    phone: "+86 10 1234 5678", extras: [ExtraField(name: "Note", value: "－1")]),
            Company(id: "＋A3", name: "-2", country: "US", description: "Line\twith a tab\nand more", offers: SectorProfile(["retail": 1])),
        ].sorted { $0.id < $1.id }
        try TestFiles.withTemporaryDirectory { directory in
            let exported = try CompanyWriter.data(companies, format: format)
            let file = try directory.writing("hostile.\(format.rawValue)", bytes: Array(exported))
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [file])
            #expect(try db.companies().map(\.company) == companies)
        }
    }

    @Test("--strict refuses every inferred value, naming it, and writes nothing")
    func strict() throws {
        let db = try LiaisonDatabase.inMemory()
        #expect {
            try db.importCompanies(from: [Self.semicolons], options: ImportOptions(strict: true))
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            let solar = error.problems.first { $0.line == 4 && $0.field == "Sector (industry)" }
            return error.problems.count == 4 && solar?.message.contains("'Solar panels'") == true
                && solar?.message.contains("--strict") == true
        }
        #expect(try db.companies().isEmpty)
    }

    @Test("--columns maps any header to a field or renames a kept column; an unknown header in it is a problem")
    func columnMapping() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", """
                Ref,Firm,Nation,Wants,Booth No,Stand
                A-1,Alpha,CN,retail,B12,north
                """)
            let db = try LiaisonDatabase.inMemory()
            let mapping = try HeaderMapping(parsing: "Booth No=booth, Wants=offers ,stand=Hall")
            try db.importCompanies(from: [file], options: ImportOptions(columns: mapping))
            let alpha = try db.company(id: "A-1").company
            #expect(alpha.offers == SectorProfile(["retail": 1]) && alpha.seeks.isEmpty)
            #expect(alpha.extras == [ExtraField(name: "booth", value: "B12"), ExtraField(name: "Hall", value: "north")])

            let unknown = try HeaderMapping(parsing: "Booth=booth,Gate=gate")
            #expect {
                try db.importCompanies(from: [file], options: ImportOptions(columns: unknown))
            } throws: { error in
                let problems = (error as? ImportError)?.problems ?? []
                return problems.count == 2 && problems.allSatisfy { $0.file == "--columns" && $0.message.contains("no file has a column") }
            }
        }
    }

    @Test("every problem of every row is listed in one pass, the header's included, and nothing is written")
    func onePass() throws {
        let text = """
            Company ID,Company Name,Sector,Industry,E-mail,Website
            A-1,Alpha,Solar panels,Solar,not-an-email,www.alpha.cn
            A-2,,Underwater basket weaving,,b@beta.cn,beta
            """
        let (error, path) = try ImportFixture.refuse(text, named: "sheet.csv")
        error.expectProblem(in: path, line: 1, field: "header", containing: "'Sector' and 'Industry' both mean industry")
        error.expectProblem(in: path, line: 1, field: "header", containing: "missing the required column 'country'")
        error.expectProblem(in: path, line: 2, field: "email", containing: "'not-an-email' is not an e-mail address")
        error.expectProblem(in: path, line: 3, field: "Company Name (name)", containing: "missing")
        error.expectProblem(in: path, line: 3, field: "Sector (industry)", containing: "'Underwater basket weaving'")
        error.expectProblem(in: path, line: 3, field: "website", containing: "'beta' is not a web address")
        // The missing country is said once, in the header, not again on every row.
        #expect(!error.problems.contains { $0.field == "country" })
        #expect(error.problems.count == 6, "\(error)")
    }

    @Test("defect 8: a NUL or other control character is refused naming file, line and field", arguments: ["\u{0}", "\u{1B}", "\u{7F}"])
    func controlCharacters(character: String) throws {
        let (error, path) = try ImportFixture.refuse(BadCSV.text(badRecord: "CN-0002,ab\(character)cd,CN,Ningbo,cross-border-trade,"),
                                                     named: "nul.csv")
        error.expectProblem(in: path, line: BadCSV.badLine, field: "name", containing: "control character")
        #expect(error.problems.count == 1)
        let (jsonError, jsonPath) = try ImportFixture.refuse(
            BadJSONLines.text(badRecord: #"{"id":"CN-0002","name":"ab\u0000cd","country":"CN","offers":{"retail":1}}"#), named: "nul.jsonl")
        jsonError.expectProblem(in: jsonPath, line: BadJSONLines.badLine, field: "name", containing: "control character")
    }

    @Test("defect 8: ids equal under Unicode normalization are one company")
    func normalizedIDs() throws {
        let text = "id,name,country,offers\nCaf\u{E9}-1,Precomposed,CN,retail\nCafe\u{301}-1,Decomposed,CN,retail\n"
        let (error, path) = try ImportFixture.refuse(text, named: "nfc.csv")
        error.expectProblem(in: path, line: 3, field: "id", containing: "duplicate id")
        try TestFiles.withTemporaryDirectory { directory in
            // Imported one after the other, the precomposed and the decomposed id are one company.
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("nfc.csv", "id,name,country,offers\nCaf\u{E9}-1,Precomposed,CN,retail\n")])
            let second = try db.importCompanies(from: [directory.writing("nfd.csv", "id,name,country,offers\nCafe\u{301}-1,Decomposed,CN,retail\n")])
            #expect((second.inserted, second.updated) == (0, 1))
            #expect(try db.companies().map { Array($0.company.id.utf8) } == [Array("Caf\u{E9}-1".utf8)])
            #expect(try db.company(id: "Cafe\u{301}-1").company.name == "Decomposed")
        }
    }

    @Test("defect 8: a 10 MB field is refused, and the message quotes at most ~80 characters of it",
          arguments: ["csv name", "csv offers", "jsonl"])
    func hugeField(format: String) throws {
        let huge = String(repeating: "x", count: 10 << 20)
        let text = switch format {
        case "csv name": BadCSV.text(badRecord: "CN-0002,\"\(huge)\",CN,Ningbo,cross-border-trade,")
        case "csv offers": BadCSV.text(badRecord: "CN-0002,Azure Kite,CN,Ningbo,\(huge),")
        default: BadJSONLines.text(badRecord: #"{"id":"CN-0002","name":"\#(huge)","country":"CN","offers":{"retail":1}}"#)
        }
        let (error, path) = try ImportFixture.refuse(text, named: "huge.\(format.prefix { $0 != " " })")
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.file == path)
        #expect(error.description.utf8.count < 1000, "\(error.description.prefix(400))")
    }

    @Test("a second sheet updates the fields it has columns for and keeps the others: a booth list does not erase the registration's city and phone")
    func secondSheetKeepsWhatItLacks() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("registration.csv", "id,name,country,industry,city,phone,seeks,Notes\n"
                + "W-1,Alpha Foods,CN,Food,Dalian,+86 411 1234 5678,Retail,VIP\n")])
            let booths = try db.importCompanies(from: [directory.writing("booths.csv", "id,name,country,industry,Booth No\nW-1,Alpha Foods,CN,Food,A12\n")])
            #expect(booths.updated == 1)
            var alpha = try db.company(id: "W-1")
            #expect(alpha.company.city == "Dalian" && alpha.company.phone == "+86 411 1234 5678")
            #expect(alpha.company.seeks == SectorProfile(["retail": 1]) && alpha.company.offers == SectorProfile(["agriculture-food": 1]))
            #expect(alpha.company.extras == [ExtraField(name: "Notes", value: "VIP"), ExtraField(name: "Booth No", value: "A12")])
            // The same sheets again change nothing; a column present but empty clears its field.
            #expect(try db.importCompanies(from: [directory.appendingPathComponent("booths.csv")]).unchanged == 1)
            #expect(try db.importCompanies(from: [directory.appendingPathComponent("registration.csv")]).unchanged == 1)
            try db.importCompanies(from: [directory.writing("cleared.csv", "id,name,country,industry,city\nW-1,Alpha Foods,CN,Logistics,\n")])
            alpha = try db.company(id: "W-1")
            #expect(alpha.company.city.isEmpty && alpha.company.phone == "+86 411 1234 5678")
            #expect(alpha.company.offers == SectorProfile(["logistics-transportation": 1]), "the sheet's industry gives the offers")
            // A sheet with no profile column at all (booths, contacts) updates stored companies; a new id in it needs a profile.
            let contacts = try db.importCompanies(from: [directory.writing("contacts.csv", "id,name,country,contact,Booth No\nW-1,Alpha Foods,CN,Li Ming,B7\n")])
            #expect(contacts.updated == 1)
            alpha = try db.company(id: "W-1")
            #expect(alpha.company.contact == "Li Ming" && alpha.company.offers == SectorProfile(["logistics-transportation": 1]))
            #expect(alpha.company.seeks == SectorProfile(["retail": 1]) && alpha.company.extras.contains(ExtraField(name: "Booth No", value: "B7")))
            let before = try DatabaseSnapshot(db)
            let newcomer = directory.appendingPathComponent("newcomer.csv")
            try "id,name,country,contact\nW-1,Alpha Foods,CN,Wang\nW-2,Beta,CN,Li\n".write(to: newcomer, atomically: true, encoding: .utf8)
            let refused = #expect(throws: ImportError.self) { try db.importCompanies(from: [newcomer]) }
            refused?.expectProblem(in: newcomer.path, line: 3, field: "offers", containing: "'W-2' is new, and this sheet has none of those columns")
            #expect(try DatabaseSnapshot(db) == before)
            // JSON Lines gives whole companies: what a record lacks is cleared.
            try db.importCompanies(from: [directory.writing("whole.jsonl", #"{"id":"W-1","name":"Alpha Foods","country":"CN","offers":{"retail":1}}"#)])
            alpha = try db.company(id: "W-1")
            #expect(alpha.company.phone.isEmpty && alpha.company.extras.isEmpty)
        }
    }

    @Test("defect 12: ids with spaces import as they come")
    func idsWithSpaces() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("tickers.csv", "id,name,country,industry\nUMH PR-A,UMH Properties,US,Real Estate\n UTG RT WI ,UTG,US,Utilities\n")])
            #expect(try db.companies().map(\.company.id) == ["UMH PR-A", "UTG RT WI"])
        }
    }

    @Test("defect 14: JSON Lines import accepts what `companies show` prints, old spelling (updated_at) and new (updatedAt)")
    func shownDocumentsImport() throws {
        let stored = CompanyDocument(Company(id: "CN-1", name: "Jade", country: "CN", offers: SectorProfile(["retail": 1])),
                                     revision: 3, updatedAt: "2025-12-01T00:00:00.000Z")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let new = String(decoding: try encoder.encode(stored), as: UTF8.self)
        #expect(new.contains(#""updatedAt":"#) && !new.contains("updated_at"))
        let old = new.replacingOccurrences(of: #""updatedAt""#, with: #""updated_at""#).replacingOccurrences(of: #""CN-1""#, with: #""CN-2""#)
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [directory.writing("shown.jsonl", new + "\n" + old + "\n")])
            #expect(summary.inserted == 2)
            #expect(try db.company(id: "CN-1").revision == 1)
        }
    }

    @Test("JSON Lines import reads objects printed over several lines, as `companies show --format json` prints them, one after another")
    func prettyPrintedDocumentsImport() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let shown = try ["CN-1", "CN-2"].map { id in
            String(decoding: try encoder.encode(CompanyDocument(Company(id: id, name: "Jade {\"1\"}", country: "CN", description: "a [b] {c}",
                                                                       offers: SectorProfile(["retail": 1])),
                                                               revision: 3, updatedAt: "2025-12-01T00:00:00.000Z")), as: UTF8.self)
        }
        #expect(shown[0].hasPrefix("{\n"))
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [directory.writing("shown.jsonl", shown.joined(separator: "\n") + "\n")])
            #expect(summary.inserted == 2)
            #expect(try db.company(id: "CN-2").company.description == "a [b] {c}")
            // A problem in the second object is reported on the line it starts on.
            let lines = shown[0].components(separatedBy: "\n").count
            let bad = shown[1].replacingOccurrences(of: "\"CN\"", with: "\"XX\"")
            let error = #expect(throws: ImportError.self) {
                try LiaisonDatabase.inMemory().importCompanies(from: [directory.writing("bad.jsonl", shown[0] + "\n" + bad + "\n")])
            }
            #expect(error?.problems.map(\.line) == [lines + 1] && error?.problems.map(\.field) == ["country"], "\(String(describing: error)) \(lines)")
        }
    }

    @Test("encodings and separators: one sheet as UTF-8, UTF-8 with BOM, UTF-16 and GB18030, separated by , ; tab or sep=;")
    func encodingsAndSeparators() throws {
        let rows = [["公司编号", "公司名称", "国家", "行业", "备注"], ["SZ 1", "深圳前海贸易有限公司", "CN", "跨境电商", "展位 A1"]]
        var variants: [(String, [UInt8])] = []
        for (separator, name) in [(",", "comma"), (";", "semicolon"), ("\t", "tab")] {
            let text = rows.map { $0.joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
            variants.append(("utf8-\(name)", Array(text.utf8)))
            variants.append(("bom-\(name)", [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
            variants.append(("utf16-\(name)", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        }
        let declared = "sep=;\r\n" + rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n")
        variants.append(("declared", Array(declared.utf8)))
        try TestFiles.withTemporaryDirectory { directory in
            for (name, bytes) in variants {
                let db = try LiaisonDatabase.inMemory()
                try db.importCompanies(from: [directory.writing("\(name).csv", bytes: bytes)])
                let company = try db.company(id: "SZ 1").company
                #expect(company.name == "深圳前海贸易有限公司" && company.offers == SectorProfile(["cross-border-trade": 1]), "\(name)")
                #expect(company.extras == [ExtraField(name: "备注", value: "展位 A1")], "\(name)")
            }
            let gb = try Data(contentsOf: Self.gb18030)
            #expect(String(data: gb, encoding: .utf8) == nil, "the GB18030 fixture must not be valid UTF-8")
        }
    }

    @Test("bytes that are neither UTF-8 nor GB18030 are refused naming file, line and field")
    func undecodable() throws {
        var bytes = Array("id,name,country,offers\nCN-1,Caf".utf8)
        bytes += [0xE9, 0xFF]
        bytes += Array(" Ltd,CN,retail\n".utf8)
        let (error, path) = try ImportFixture.refuse(bytes, named: "latin1.csv")
        error.expectProblem(in: path, line: 2, field: "name", containing: "nor is the file GB18030")
    }

    @Test("migration v7 adds the contact and extra columns; older companies read with empty contacts")
    func migration() throws {
        let db = try LiaisonDatabase.inMemory()
        let columns = try db.writer.read { db in try db.columns(in: "company").map(\.name) }
        for column in ["contact", "email", "phone", "website", "extra"] {
            #expect(columns.contains(column))
        }
        try db.writer.write { db in
            try db.execute(sql: """
                INSERT INTO company (id, name, country, region, city, languages, description, revision, updated_at)
                VALUES ('OLD-1', 'Old', 'CN', '', '', '', '', 1, '2025-01-01T00:00:00.000Z')
                """)
        }
        let old = try db.company(id: "OLD-1").company
        #expect(old.contact.isEmpty && old.extras.isEmpty)
    }
}
