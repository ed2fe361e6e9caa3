import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonTestSupport
import Testing

/// .xlsx workbooks as Excel, WPS and LibreOffice write them, read through the same header and
/// record rules as CSV: every cell kind, gaps, titles above the header, Chinese headers, which
/// sheet, and the files that are refused (damaged, encrypted, too large).
@Suite("Workbooks: .xlsx read directly")
struct WorkbookReadingTests {
    typealias Cell = TestWorkbook.Cell

    /// What reading a file gave: its layout, its records and the problem that stopped it.
    struct Reading {
        var layout: CompanyFileLayout
        var records: [CompanyFileReader.Checked]
        var stopping: ImportProblem?

        var companies: [Company] { records.compactMap(\.company) }
        /// Every problem, as the import prints it.
        var problems: [String] {
            layout.problems.map(\.description) + records.flatMap { record in
                record.issues.map { ImportProblem(file: layout.file, line: record.line, field: $0.field, message: $0.message).description }
            } + (stopping.map { [$0.description] } ?? [])
        }
    }

    static func read(_ data: Data, file: String = "delegates.xlsx", format: CompanyFileFormat = .xlsx, columns: HeaderMapping = HeaderMapping(),
                     sheet: String? = nil, limits: WorkbookLimits = .default) -> Reading {
        let reader = CompanyFileReader(data: data, file: file, format: format, taxonomy: TaxonomyFile.builtIn, columns: columns,
                                       sheet: sheet, limits: limits)
        defer { reader.cancel() }
        var records: [CompanyFileReader.Checked] = []
        while let batch = reader.next() { records += batch }
        return Reading(layout: reader.layout, records: records, stopping: reader.stoppingProblem)
    }

    static func workbook(_ sheets: TestWorkbook.Sheet...) throws -> Data {
        try TestWorkbook(sheets: sheets).data()
    }

    static let header: [Cell] = ["id", "name", "country", "city", "industry", "phone", "naics"].map { .text($0) }

    // MARK: - Cells

    @Test("shared, inline and rich strings; numbers as Excel shows them; a formula's text; booleans")
    func cellKinds() throws {
        let data = try Self.workbook(.init("Delegates", rows: [
            Self.header + [.text("Registered"), .text("Visa"), .text("Score"), .text("Label")],
            [.text("CN-0001"), .inline("Jade Harbor Foods"), .text("CN"), .rich(["Da", "lian"], phonetic: "ダイレン"), .text("Frozen food exporter"),
             .number("8613800138000"), .number("541511"), .number("45964", style: .date), .bool(true), .number("0.5"),
             .formula("=CONCAT(\"A\",\"1\")", result: "A1")],
        ]))
        let reading = Self.read(data)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let company = try #require(reading.companies.first)
        #expect(company.name == "Jade Harbor Foods")
        #expect(company.city == "Dalian", "a rich string's runs, without its phonetic guide")
        #expect(company.phone == "8613800138000", "a phone number stored as a number, in full digits")
        #expect(company.naics == "541511")
        #expect(company.extras.map(\.name) == ["Registered", "Visa", "Score", "Label"])
        #expect(company.extras.map(\.value) == ["2025-11-03", "TRUE", "0.5", "A1"])
    }

    @Test("numbers in the General format read as Excel shows them", arguments: [
        (541511.0, "541511"), (8613800138000, "8613800138000"), (0.5, "0.5"), (0.1 + 0.2, "0.3"), (-12.25, "-12.25"),
        (1234.5678, "1234.5678"), (1e20, "1E+20"), (123456789012345680, "1.23456789012346E+17"), (0, "0"),
    ] as [(Double, String)])
    func generalNumbers(value: Double, shown: String) throws {
        let data = try Self.workbook(.init("S", rows: [
            [.text("id"), .text("name"), .text("country"), .text("industry"), .text("Value")],
            [.text("X-1"), .text("X"), .text("CN"), .text("logistics"), .number("\(value)")],
        ]))
        let company = try #require(Self.read(data).companies.first)
        #expect(company.extras.first?.value == shown)
    }

    @Test("dates by built-in and custom formats, in the 1900 system (with its leap-year bug) and the 1904 one; durations stay numbers")
    func dates() throws {
        func value(_ cell: Cell, date1904: Bool = false) throws -> String? {
            var book = TestWorkbook(sheets: [.init("S", rows: [
                [.text("id"), .text("name"), .text("country"), .text("industry"), .text("When")],
                [.text("X-1"), .text("X"), .text("CN"), .text("logistics"), cell],
            ])])
            book.date1904 = date1904
            return try #require(Self.read(try book.data()).companies.first).extras.first?.value
        }
        #expect(try value(.number("45964", style: .date)) == "2025-11-03")
        #expect(try value(.number("45964", style: .chineseDate)) == "2025-11-03")
        #expect(try value(.number("45964.5", style: .chineseDate)) == "2025-11-03", "a date format without a time shows the day")
        #expect(try value(.number("59", style: .date)) == "1900-02-28")
        #expect(try value(.number("61", style: .date)) == "1900-03-01", "day 60 is Excel's 29 February 1900, which never was")
        #expect(try value(.number("1", style: .date)) == "1900-01-01")
        #expect(try value(.number("44502", style: .date), date1904: true) == "2025-11-03")
        #expect(try value(.number("45964.6041666667", style: .dateTime)) == "2025-11-03 14:30")
        #expect(try value(.number("45964", style: .dateTime)) == "2025-11-03", "midnight shows the day alone")
        #expect(try value(.number("0.6041666667", style: .time)) == "14:30")
        #expect(try value(.number("1.5", style: .elapsed)) == "1.5", "an elapsed-time format is a duration, not a date")
        #expect(try value(.number("45964", style: .text)) == "45964")
    }

    @Test("cells out of order, gaps in a row and missing rows: a missing cell is empty, a missing row is not there")
    func gaps() throws {
        let data = try Self.workbook(.init("S", rows: [
            .init(1, [("A", .text("id")), ("B", .text("name")), ("C", .text("country")), ("E", .text("industry")), ("F", .text("Booth"))]),
            // Cells written right to left, column D (no header) and column F skipped.
            .init(4, [("E", .text("logistics")), ("C", .text("US")), ("A", .text("US-1")), ("B", .text("Bay Freight"))]),
            .init(2, [("A", .text("CN-1")), ("B", .text("Acme")), ("C", .text("CN")), ("E", .text("Frozen food")), ("F", .text("A12"))]),
            // A row of formatted but empty cells, as Excel writes after clearing a row.
            .init(7, [("A", .inline("")), ("B", .inline("  "))]),
        ]))
        let reading = Self.read(data)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(reading.records.map(\.line) == [2, 4], "rows by their numbers, in order; the blank row skipped")
        #expect(reading.companies.map(\.id) == ["CN-1", "US-1"])
        #expect(reading.companies.map(\.extras.count) == [1, 0])
    }

    @Test("a value in a column without a header is refused, naming the column by its letter")
    func valueRightOfTheHeader() throws {
        let data = try Self.workbook(.init("S", rows: [
            .init(1, [("A", .text("id")), ("B", .text("name")), ("C", .text("country")), ("D", .text("industry"))]),
            .init(2, [("A", .text("CN-1")), ("B", .text("Acme")), ("C", .text("CN")), ("D", .text("logistics")), ("H", .text("stray note"))]),
        ]))
        #expect(Self.read(data).problems == ["delegates.xlsx:2: column H: a value in a column without a header; name the column"])
    }

    @Test("a title and a blank row above a Chinese header; the organizer's own columns are kept and summarized")
    func titleAboveChineseHeader() throws {
        let data = try Self.workbook(.init("报名表", rows: [
            .init(1, [("A", .text("2025 中国贸促会代表团 — 报名表"))]),
            .init(3, [("A", .text("公司编号")), ("B", .text("公司名称")), ("C", .text("国家")), ("D", .text("城市")), ("E", .text("行业")),
                      ("F", .text("展位号"))]),
            .init(4, [("A", .text("CN-0042")), ("B", .text("广州食品有限公司")), ("C", .text("中国")), ("D", .text("广州")), ("E", .text("食品")),
                      ("F", .text("A12"))]),
        ]))
        let reading = Self.read(data)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let company = try #require(reading.companies.first)
        #expect(company.country == "CN" && company.name == "广州食品有限公司" && company.extras == [ExtraField(name: "展位号", value: "A12")])
        #expect(reading.records.first?.line == 4)
        #expect(reading.layout.summary == "delegates.xlsx: columns '公司编号' → id, '公司名称' → name, '国家' → country, '城市' → city, "
                + "'行业' → industry; kept '展位号'; the header is on line 3: lines 1–2 above it skipped")
    }

    @Test("--columns maps a workbook's header as it maps a CSV header")
    func columnsMapping() throws {
        let data = try Self.workbook(.init("S", rows: TestWorkbook.table([
            ["id", "name", "country", "Wants", "Booth No"], ["CN-1", "Acme", "CN", "logistics", "A12"],
        ])))
        let reading = Self.read(data, columns: try HeaderMapping(parsing: "Wants=offers,Booth No=booth"))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let company = try #require(reading.companies.first)
        #expect(company.offers.weights.keys.sorted() == ["logistics-transportation"])
        #expect(company.extras == [ExtraField(name: "booth", value: "A12")])
        #expect(reading.layout.mappedHeaders == ["wants", "boothno"])
    }

    @Test("a text cell that looks like a formula is text; a CSV export's guard (') reads back without it, as from CSV")
    func formulaLookingText() throws {
        let data = try Self.workbook(.init("S", rows: TestWorkbook.table([
            ["id", "name", "country", "industry", "Note", "Guarded"], ["CN-1", "Acme", "CN", "logistics", "=SUM(1)", "'=SUM(1)"],
        ])))
        let company = try #require(Self.read(data).companies.first)
        #expect(company.extras.map(\.value) == ["=SUM(1)", "=SUM(1)"])
    }

    @Test("an error value is refused naming the row and the column's field; every problem is listed")
    func errorCells() throws {
        let data = try Self.workbook(.init("S", rows: [
            Self.header,
            [.text("CN-1"), .text("Acme"), .error("#N/A"), .text("Dalian"), .text("logistics")],
            [.text("CN-2"), .text("Beta"), .text("CN"), .text("Dalian"), .text("logistics"), .error("#REF!")],
        ]))
        let problems = Self.read(data).problems
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("delegates.xlsx:2: country: holds the error #N/A") }, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("delegates.xlsx:3: phone: holds the error #REF!") }, "\(problems)")
    }

    // MARK: - Sheets

    static let threeSheets: Data = try! workbook(
        .init("Config", state: "hidden", rows: TestWorkbook.table([["secret"]])),
        .init("Delegates", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["CN-1", "Acme", "CN", "logistics"]])),
        .init("Hosts", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["US-1", "Bay", "US", "retail"], ["US-2", "Oak", "US", "retail"]]))
    )

    @Test("the first sheet that is not hidden is read, and the summary names the ones that were not")
    func firstVisibleSheet() {
        let reading = Self.read(Self.threeSheets)
        #expect(reading.companies.map(\.id) == ["CN-1"])
        #expect(reading.layout.summary == "delegates.xlsx: sheet 'Delegates' read; 'Config', 'Hosts' not")
    }

    @Test("--sheet reads the sheet it names, in any case; an unknown name is refused listing the sheets")
    func namedSheet() {
        let hosts = Self.read(Self.threeSheets, sheet: "hosts")
        #expect(hosts.companies.map(\.id) == ["US-1", "US-2"])
        #expect(hosts.layout.summary == "delegates.xlsx: sheet 'Hosts' read; 'Config', 'Delegates' not")
        let unknown = Self.read(Self.threeSheets, sheet: "Guests")
        #expect(unknown.problems == ["delegates.xlsx: --sheet: no sheet 'Guests' in this workbook; its sheets are 'Config', 'Delegates', 'Hosts'"])
        #expect(unknown.records.isEmpty)
    }

    @Test("a workbook named .csv or .jsonl is read as the workbook it is")
    func dispatchOnContents() {
        for (file, format) in [("delegates.csv", CompanyFileFormat.csv), ("delegates.jsonl", .jsonl)] {
            let reading = Self.read(Self.threeSheets, file: file, format: format)
            #expect(reading.layout.readAs == .xlsx)
            #expect(reading.companies.map(\.id) == ["CN-1"], "\(reading.problems)")
        }
    }

    // MARK: - Refused files

    @Test("a truncated workbook, a zip that is no workbook, an .ods and an XML part with a DTD are refused in one line")
    func damagedFiles() throws {
        let whole = Self.threeSheets
        let cases: [(Data, String)] = [
            (whole.prefix(whole.count / 2), "damaged or incomplete"),
            (whole.prefix(whole.count - 10), "damaged or incomplete"),
            (try TestWorkbook.zip([("readme.txt", Data("hello".utf8))]), "not an Excel workbook (it has no xl/workbook.xml)"),
            (try TestWorkbook.zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8)), ("content.xml", Data("<x/>".utf8))]),
             "is an OpenDocument file (.ods"),
            (try TestWorkbook.zip([("Index/Document.iwa", Data([1, 2, 3]))]), "is a Numbers document"),
            (Data("id,name,country\n".utf8), "is not an .xlsx workbook"),
        ]
        for (data, expected) in cases {
            let problems = Self.read(data).problems
            #expect(problems.count == 1 && problems[0].hasPrefix("delegates.xlsx:1: file: ") && problems[0].contains(expected), "\(problems)")
        }
        // An external entity in a part: refused before parsing, so nothing is fetched or read.
        var book = TestWorkbook(sheets: [.init("S", rows: TestWorkbook.table([["id", "name", "country"], ["X", "Y", "CN"]]))])
        book.extraParts["xl/sharedStrings.xml"] = Data("""
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>\
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>
            """.utf8)
        let problems = Self.read(try book.data()).problems
        #expect(problems.count == 1 && problems[0].contains("declares a document type"), "\(problems)")
    }

    @Test("a part in an encoding where a document type would not read as ASCII (UTF-16, UTF-7, EBCDIC) is refused; UTF-8 and Latin-1 are read")
    func partEncodings() throws {
        let sheet = """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c>\
            <c r="C1" t="inlineStr"><is><t>country</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>X-1</t></is></c><c r="B2" t="inlineStr"><is><t>Caf\u{E9} Y</t></is></c>\
            <c r="C2" t="inlineStr"><is><t>CN</t></is></c></row></sheetData></worksheet>
            """
        let doctype = #"<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/never.dtd">"#
        let cases: [(part: Data, refusal: String?)] = [
            (Data(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + doctype + sheet).utf16Bytes(bom: true)), "is written in UTF-16"),
            (Data(("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + sheet).utf16Bytes(bom: false)), "is written in UTF-16"),
            (Data(("<?xml version=\"1.0\" encoding=\"UTF-7\"?>" + sheet).utf8), "is written in UTF-7"),
            (Data([0x4C, 0x6F, 0xA7, 0x94, 0x93]) + Data(sheet.utf8), "is written in an encoding other than UTF-8"),
            (Data(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + doctype + sheet).utf8), "declares a document type"),
            (Data(("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + sheet).data(using: .isoLatin1)!), nil),
            (Data(([0xEF, 0xBB, 0xBF] as [UInt8])) + Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sheet).utf8), nil),
        ]
        for (part, refusal) in cases {
            var book = TestWorkbook(sheets: [.init("S", rows: [[Cell]]())])
            book.extraParts["xl/worksheets/sheet1.xml"] = part
            let reading = Self.read(try book.data())
            if let refusal {
                let problems = reading.problems
                #expect(problems.count == 1 && problems[0].contains(refusal) && reading.companies.isEmpty, "\(problems)")
            } else {
                let names = reading.companies.map { $0.name }
                #expect(reading.problems.isEmpty && names == ["Caf\u{E9} Y"], "\(reading.problems)")
            }
        }
    }

    @Test("a part a workbook names but lacks, a row or cell written twice, a formula never computed: each refused in one line; an .xlsb is named")
    func damagedParts() throws {
        let book = TestWorkbook(sheets: [.init("S", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["X-1", "Y", "CN", "logistics"]]))])
        for missing in ["xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels"] {
            var damaged = book
            damaged.missingParts = [missing]
            let problems = Self.read(try damaged.data()).problems
            #expect(problems.count == 1 && problems[0].contains("its part \(missing) is missing"), "\(problems)")
        }
        let twice = Self.read(try TestWorkbook.zip([("xl/workbook.xml", Data("<workbook/>".utf8)), ("xl/Workbook.xml", Data("<workbook/>".utf8))])).problems
        #expect(twice.count == 1 && twice[0].contains("holds the part xl/Workbook.xml twice"), "\(twice)")
        let xlsb = Self.read(try TestWorkbook.zip([("xl/workbook.bin", Data([0])), ("[Content_Types].xml", Data("<Types/>".utf8))])).problems
        #expect(xlsb.count == 1 && xlsb[0].contains("an Excel binary workbook (.xlsb)"), "\(xlsb)")
        func cell(_ reference: String, _ text: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let header = "<row r=\"1\">" + cell("A1", "id") + cell("B1", "name") + cell("C1", "country") + cell("D1", "industry") + "</row>"
        func row(_ number: Int, id: String, name: String? = nil) -> String {
            "<row r=\"\(number)\">" + cell("A\(number)", id) + (name ?? cell("B\(number)", "Firm \(id)")) + cell("C\(number)", "CN")
                + cell("D\(number)", "logistics") + "</row>"
        }
        let cases: [(String, String)] = [
            (row(2, id: "X-1") + row(2, id: "X-2"), ":2: file: is a damaged workbook: row 2 of xl/worksheets/sheet1.xml appears twice"),
            (row(2, id: "X-1", name: cell("B2", "One") + cell("B2", "Two")), ":2: file: is a damaged workbook: cell B2 of xl/worksheets/sheet1.xml appears twice"),
            (row(2, id: "X-1", name: "<c r=\"B2\" t=\"str\"><f>\"Acme\"&amp;\" Ltd\"</f></c>"), ":2: name: holds a formula whose result was never saved"),
        ]
        for (rows, expected) in cases {
            var written = book
            written.sheets[0].xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + header + rows
                + "</sheetData></worksheet>"
            let reading = Self.read(try written.data())
            #expect(reading.problems.count == 1 && reading.problems[0].contains(expected), "\(reading.problems)")
            #expect(reading.companies.isEmpty)
        }
    }

    @Test("--sheet reads the sheet of exactly its name before one that differs only in case or spaces")
    func exactSheetName() throws {
        let data = try Self.workbook(.init("hosts", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["US-1", "Bay", "US", "retail"]])),
                                     .init("HOSTS ", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["US-2", "Oak", "US", "retail"]])))
        #expect(Self.read(data, sheet: "HOSTS ").companies.map(\.id) == ["US-2"])
        #expect(Self.read(data, sheet: "hosts").companies.map(\.id) == ["US-1"])
        #expect(Self.read(data, sheet: "Hosts").companies.map(\.id) == ["US-1"])
    }

    @Test("an encrypted workbook and an Excel 97–2003 file (OLE containers) are refused saying how to save them")
    func oleFiles() {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)
        let encryptionInfo = "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let encrypted = Self.read(Data(ole + encryptionInfo + Array(repeating: 0, count: 100)), file: "delegates.csv", format: .csv).problems
        #expect(encrypted.count == 1 && encrypted[0].contains("password-protected") && encrypted[0].contains("save it as CSV UTF-8"), "\(encrypted)")
        let xls = Self.read(Data(ole), file: "delegates.xls", format: .xlsx).problems
        #expect(xls.count == 1 && xls[0].contains("Excel 97–2003 workbook (.xls) or a password-protected one")
                && xls[0].contains("save it as .xlsx (without a password) or as CSV UTF-8"), "\(xls)")
    }

    @Test("a part that inflates past the cap is refused as too large, without reading it whole")
    func zipBomb() throws {
        // 12 MiB of spaces inside the worksheet's XML: a few kilobytes deflated. (Past 10 MB, more
        // than libxml2 takes in one piece: the part must be fed to the parser in pieces.)
        let padding = String(repeating: " ", count: 12 << 20)
        var book = TestWorkbook(sheets: [.init("S", rows: [] as [TestWorkbook.Row])])
        book.sheets[0].xml = """
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetData>\(padding)</sheetData></worksheet>
            """
        let data = try book.data()
        #expect(data.count < 64 << 10)
        let capped = Self.read(data, limits: WorkbookLimits(partBytes: 1 << 20, totalBytes: 4 << 20)).problems
        #expect(capped.count == 1 && capped[0].contains("too large to read") && capped[0].contains("exceeds 1 MiB"), "\(capped)")
        let total = Self.read(data, limits: WorkbookLimits(partBytes: 16 << 20, totalBytes: 2 << 20)).problems
        #expect(total.count == 1 && total[0].contains("all its parts together exceed 2 MiB"), "\(total)")
        // Under the default caps the same file reads: a sheet with no rows holds no header.
        #expect(Self.read(data).problems.first?.contains("empty; expected a header") == true)
    }
}

private extension String {
    /// The text in UTF-16, little-endian, after its byte order mark when asked.
    func utf16Bytes(bom: Bool) -> [UInt8] {
        (bom ? [0xFF, 0xFE] : []) + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    }
}
