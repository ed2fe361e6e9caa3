import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

/// Sheets as organizers really have them, beyond the committed fixtures: a Chinese sheet with one
/// stray byte, a Western sheet in Windows-1252, a blank row written as separators, a folder or
/// a device given as the file, and a `--columns` mapping no file uses.
@Suite("Sheets: stray bytes, Western encodings, blank rows, folders, unused mappings")
struct SheetQuirksTests {
    static let gb18030 = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/registration-sheet-gb18030.csv")

    @Test("a GB18030 sheet with one byte that is not GB18030 is still read as GB18030: only that field is refused, on its line")
    func strayByteInAChineseSheet() throws {
        var bytes = Array(try Data(contentsOf: Self.gb18030))
        // After the second record's id, before its comma: 0x80 (the euro sign of code page 936) then ','.
        let secondLine = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }[1] + 1
        let comma = bytes[secondLine...].firstIndex(of: UInt8(ascii: ","))!
        bytes.insert(0x80, at: comma)
        let (error, path) = try ImportFixture.refuse(bytes, named: "gbk.csv")
        #expect(error.problems.count == 1, "\(error)")
        error.expectProblem(in: path, line: 3, field: "公司编号 (id)", containing: "not valid GB18030")
    }

    @Test("a GB18030 sheet with UTF-8 rows appended is refused on the first of them, saying it mixes encodings; nothing is stored garbled")
    func utf8RowsInAChineseSheet() throws {
        let appended = "GZ-FOOD,广州食品有限公司,CN,广州,食品,物流,,,,,D5\nGZ-TOYS,广州玩具,CN,广州,玩具,零售,,,,,D6\n"
        let (error, path) = try ImportFixture.refuse(Array(try Data(contentsOf: Self.gb18030)) + Array(appended.utf8), named: "mixed.csv")
        #expect(error.problems.count == 1, "\(error)")
        error.expectProblem(in: path, line: 6, field: "file", containing: "mixes encodings")
        error.expectProblem(in: path, line: 6, field: "file", containing: "save it in one")
    }

    @Test("a GB18030 sheet with a UTF-8 row of accented Latin letters or a middle dot is refused too", arguments: [
        "CA-CAFE,Café Québec,CA,Montréal,agriculture-food,,,,,,D7\n", "DE-MUL,Müller GmbH,DE,München,agriculture-food,,,,,,D8\n",
        "FR-JP,Jean·Paul Foods,FR,Lyon,agriculture-food,,,,,,D9\n",
    ])
    func latinUTF8RowInAChineseSheet(row: String) throws {
        let (error, path) = try ImportFixture.refuse(Array(try Data(contentsOf: Self.gb18030)) + Array(row.utf8), named: "mixed.csv")
        error.expectProblem(in: path, line: 6, field: "file", containing: "mixes encodings")
    }

    @Test("a GB18030 line that happens to be valid UTF-8 (食品 and 展位 are, in GBK) is no false alarm")
    func chineseLineValidAsUTF8() throws {
        // `SZ-FOOD,Acme,CN,深圳,食品,,,,,,展位` in GBK: 食品 (CA B3 C6 B7) and 展位 (D5 B9 CE BB) read as UTF-8 too.
        let line = Array("SZ-FOOD,Acme,CN,".utf8) + [0xC9, 0xEE, 0xDB, 0xDA] + Array(",".utf8) + [0xCA, 0xB3, 0xC6, 0xB7]
            + Array(",,,,,,".utf8) + [0xD5, 0xB9, 0xCE, 0xBB] + Array("\n".utf8)
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let file = try directory.writing("gbk.csv", bytes: Array(try Data(contentsOf: Self.gb18030)) + line)
            #expect(try db.importCompanies(from: [file]).inserted == 5)
            let acme = try db.company(id: "SZ-FOOD").company
            #expect(acme.city == "深圳" && acme.industry == "食品" && acme.extras.map(\.value) == ["展位"])
        }
    }

    @Test("a Windows-1252 sheet whose accented letters would pass for GB18030 is refused, never read as Chinese")
    func westernSheetIsNotChinese() throws {
        let text = "id,name,country,city,offers\nCA-10,Boulangerie Québec,CA,Montréal,agriculture-food\nCA-11,Zürich Machines,CA,Lévis,agriculture-food\n"
        let bytes = text.unicodeScalars.map { UInt8($0.value) }  // Latin-1: each of these letters is one byte
        let (error, path) = try ImportFixture.refuse(bytes, named: "cp1252.csv")
        error.expectProblem(in: path, line: 2, field: "name", containing: "nor is the file GB18030")
        error.expectProblem(in: path, line: 3, field: "city", containing: "nor is the file GB18030")
    }

    @Test("a workbook given a .csv name is read as a workbook: a damaged .xlsx or an .xls is refused as one, saying how to save it", arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x0D, 0x0A], "a zip archive but a damaged or incomplete one"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00, 0x3E, 0x00, 0x03, 0x00], "Excel 97–2003 workbook"),
    ] as [([UInt8], String)])
    func workbookNamedCSV(head: [UInt8], kind: String) throws {
        // A workbook's first bytes, then the kind of binary its parts hold.
        let bytes = head + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let (error, path) = try ImportFixture.refuse(bytes, named: "registration.csv")
        #expect(error.problems.count == 1, "\(error)")
        error.expectProblem(in: path, line: 1, field: "file", containing: kind)
        error.expectProblem(in: path, line: 1, field: "file", containing: "CSV UTF-8")
    }

    @Test("a title, a date or a note above the header is skipped, saying so; a line above it with a company's worth of cells is not")
    func linesAboveHeader() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let sheet = "2025 CCPIT Delegation — Registration List,,,,\nUpdated,2025-06-01,,,\nid,name,country,city,industry\n"
                + "CN-1,Dalian Cold Chain,CN,Dalian,Logistics\nCN-2,Jade Foods,CN,Qingdao,Frozen food\n"
            let summary = try db.importCompanies(from: [directory.writing("titled.csv", sheet)])
            #expect(summary.inserted == 2 && summary.files.map(\.companies) == [2])
            #expect(summary.layouts.contains { $0.contains("the header is on line 3: lines 1–2 above it skipped") }, "\(summary.layouts)")
            #expect(try db.company(id: "CN-1").company.city == "Dalian")
            // A title alone in its cell, with no separators after it.
            let alone = try db.importCompanies(from: [directory.writing("alone.csv", "Registration list\nid,name,country,industry\nCN-3,Three,CN,Food\n")])
            #expect(alone.inserted == 1 && alone.layouts.contains { $0.contains("line 1 above it skipped") })
        }
        // Three cells filled above: a company's row, not a title; the sheet is refused as before.
        let (error, path) = try ImportFixture.refuse("Dalian,Qingdao,Shenyang\nid,name,country,industry\nCN-1,One,CN,Food\n", named: "rows.csv")
        error.expectProblem(in: path, line: 1, field: "header", containing: "missing the required column 'id'")
    }

    @Test("a bilingual header on one line is read by its parts when they agree (需求/Needs, 城市 City, Mobile/WeChat); parts naming two fields keep the column as it is")
    func bilingualHeadersOnOneLine() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let sheet = "编号 ID,公司名称/Company Name,国家（Country）,城市 City,行业/Industry,需求/Needs,Mobile/WeChat,Phone (Contact),联系邮箱\n"
                + "CN-1,大连海产,CN,大连,水产,零售,+86 411 1234 5678,Li Ming,li@dl.cn\n"
            let summary = try db.importCompanies(from: [directory.writing("bilingual.csv", sheet)])
            #expect(summary.inserted == 1, "\(summary)")
            let company = try db.company(id: "CN-1").company
            #expect(company.name == "大连海产" && company.city == "大连" && company.phone == "+86 411 1234 5678" && company.email == "li@dl.cn")
            #expect(company.seeks == SectorProfile(["retail": 1]), "\(company.seeks)")
            #expect(company.extras == [ExtraField(name: "Phone (Contact)", value: "Li Ming")])
        }
    }

    @Test("two headers that are one name apart from punctuation are both named; files of the same name are told apart by their paths")
    func sameNames() throws {
        let (error, path) = try ImportFixture.refuse("id,name,country,industry,email,E-mail\nA1,Alpha,US,Food,a@b.cn,c@d.cn\n", named: "twice.csv")
        error.expectProblem(in: path, line: 1, field: "header", containing: "columns 'email' and 'E-mail' are one name")
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("us"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("ca"), withIntermediateDirectories: true)
            let us = try directory.writing("us/firms.csv", "id,name,country,industry\nUS-1,One,US,Food\n")
            let ca = try directory.writing("ca/firms.csv", "id,name,country,industry\nCA-1,Two,CA,Food\nCA-2,Three,CA,Food\n")
            let summary = try db.importCompanies(from: [us, ca])
            #expect(summary.files.map(\.file) == [us.relativePath, ca.relativePath] && summary.files.map(\.companies) == [1, 2])
        }
    }

    @Test("UTF-16 without its byte-order mark is refused as such, not as control characters in every field", arguments: [true, false])
    func utf16WithoutMark(littleEndian: Bool) throws {
        let text = "id,name,country,offers\r\nA1,Alpha,US,retail\r\n"
        let bytes = text.utf16.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let (error, path) = try ImportFixture.refuse(bytes, named: "utf16.csv")
        #expect(error.problems.count == 1, "\(error)")
        error.expectProblem(in: path, line: 1, field: "file", containing: "looks like UTF-16 saved without a byte-order mark")
    }

    @Test("a row of separators only, as spreadsheets write a blank row, is skipped like a blank line", arguments: [",,,,", " , ,\t, ,", ",,"])
    func separatorOnlyRows(blank: String) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", "id,name,country,city,offers\nA1,Alpha,US,Austin,retail\n\(blank)\nB1,Beta,US,Boston,retail\n")
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [file])
            #expect(summary.inserted == 2)
            #expect(try db.company(id: "B1").company.name == "Beta")
        }
    }

    @Test("a folder, or a device, given as the sheet is named for what it is, never as a library's error")
    func foldersAndDevices() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let folder = directory.appendingPathComponent("sheet.csv")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let db = try LiaisonDatabase.inMemory()
            #expect {
                try db.importCompanies(from: [folder])
            } throws: { error in
                (error as? ImportError)?.problems.map(\.message) == ["is a folder, not a file"]
            }
            // A device reads as a stream: /dev/null is an empty sheet, not a permission problem.
            #expect {
                try db.importCompanies(from: [URL(fileURLWithPath: "/dev/null")], format: .csv)
            } throws: { error in
                let messages = (error as? ImportError)?.problems.map(\.message) ?? []
                return messages.count == 1 && messages[0].hasPrefix("empty") && !messages[0].contains("permission")
            }
        }
    }

    @Test("a header cell wrapped in the sheet (a line break inside it) reads as its words, in English or Chinese")
    func wrappedHeaders() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", "Company ID,\"公司名称\nCompany\r\nName\",Country,Sector,\"Booth\nNo\"\nB1,Acme,US,software,A1\n")
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [file])
            let acme = try db.company(id: "B1").company
            #expect(acme.name == "Acme" && acme.extras == [ExtraField(name: "Booth No", value: "A1")])
        }
    }

    @Test("Excel's CSV (Macintosh), lines ending in a bare carriage return, is read")
    func macintoshLineEnds() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("mac.csv", "id,name,country,industry\rM1,Acme,US,software\rM2,\"Beta, Co\",US,software\r")
            let db = try LiaisonDatabase.inMemory()
            #expect(try db.importCompanies(from: [file]).inserted == 2)
            #expect(try db.company(id: "M2").company.name == "Beta, Co")
        }
    }

    @Test("weights typed with a full-width colon are read as weights, never dropped")
    func fullWidthColon() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", "id,name,country,industry,seeks\nW3,C,CN,software,agriculture-food：0.5；logistics-transportation：0.3\n")
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [file])
            #expect(try db.company(id: "W3").company.seeks == SectorProfile(["agriculture-food": 0.5, "logistics-transportation": 0.3]))
        }
    }

    @Test("a stream that never ends (/dev/zero) is refused after a bounded read")
    func endlessStream() throws {
        let db = try LiaisonDatabase.inMemory()
        #expect {
            try db.importCompanies(from: [URL(fileURLWithPath: "/dev/zero")], format: .csv)
        } throws: { error in
            (error as? ImportError)?.problems.map(\.message) == ["a stream of more than 512 MiB; save it to a file first"]
        }
    }

    @Test("a --columns mapping that no file uses refuses the import before anything is written")
    func unusedMappingWritesNothing() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", "Ref,Firm,Nation,Wants,Booth No\nR1,Acme,US,software,A1\n")
            let db = try LiaisonDatabase.inMemory()
            let mapping = try HeaderMapping(parsing: "Ref=id,Firm=name,Nation=country,Wants=seeks,Booth=booth")
            #expect {
                try db.importCompanies(from: [file], options: ImportOptions(columns: mapping))
            } throws: { error in
                (error as? ImportError)?.problems.map(\.message) == ["no file has a column 'Booth'"]
            }
            #expect(try db.companies().isEmpty)
        }
    }

    @Test("two columns kept under one name are named with the name they share")
    func keptUnderOneName() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let file = try directory.writing("sheet.csv", "id,name,country,offers,Booth No,Hall\nR1,Acme,US,software,A1,H2\n")
            let mapping = try HeaderMapping(parsing: "booth no=BOOTH,hall=Booth")
            #expect {
                try LiaisonDatabase.inMemory().importCompanies(from: [file], options: ImportOptions(columns: mapping))
            } throws: { error in
                (error as? ImportError)?.problems.map(\.message) == ["columns 'Booth No' and 'Hall' are both kept as 'Booth'"]
            }
        }
    }

    @Test("a sheet saved as Text (Tab delimited) .tsv or .txt, or as Unicode Text (UTF-16 .txt), imports as its CSV does")
    func tabDelimitedText() throws {
        let rows = "Company ID\tCompany Name\tCountry\tSector\nSZ-01\t深圳光伏有限公司\tCN\tSolar panels\nON-01\tMaple Grid Inc.\tCA\tclean-energy\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in rows.replacingOccurrences(of: "\n", with: "\r\n").utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try TestFiles.withTemporaryDirectory { directory in
            for (name, bytes) in [("sheet.tsv", Array(rows.utf8)), ("sheet.txt", Array(rows.utf8)), ("unicode.txt", utf16)] {
                let db = try LiaisonDatabase.inMemory()
                let summary = try db.importCompanies(from: [try directory.writing(name, bytes: bytes)])
                #expect(summary.inserted == 2, "\(name)")
                #expect(try db.company(id: "SZ-01").company.name == "深圳光伏有限公司", "\(name)")
                #expect(try db.company(id: "ON-01").company.offers.text == "clean-energy", "\(name)")
            }
        }
    }

    @Test("a tab-separated sheet whose header names hold more commas than tabs is read by its tabs")
    func tabsOverCommasInHeaderNames() throws {
        let rows = "Company ID\tCompany Name\tCountry\tSector\tProducts, services, brands, parts, spares, notes\nSZ-01\tShenzhen Solar\tCN\tsolar\tpanels, inverters\n"
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [try directory.writing("sheet.tsv", rows)])
            #expect(summary.inserted == 1)
            let company = try db.company(id: "SZ-01").company
            #expect(company.offers.text == "clean-energy")
            #expect(company.extras.map(\.value) == ["panels, inverters"])
        }
    }

    @Test("an XML Spreadsheet 2003 file or a web page saved as .xls is refused saying what it is and how to save it")
    func spreadsheetsSavedAsOtherDocuments() throws {
        for (text, kind) in [("<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\"></Workbook>",
                              "an XML Spreadsheet 2003 file"),
                             ("<html><body><table><tr><td>id</td></tr></table></body></html>", "a web page (HTML table)")] {
            for name in ["export.xls", "export.csv"] {
                let (error, path) = try ImportFixture.refuse(text, named: name)
                #expect(error.problems.count == 1, "\(error)")
                error.expectProblem(in: path, line: 1, field: "file", containing: "is \(kind), which Liaison does not read")
            }
        }
    }
}
