import Foundation
import ZIPFoundation

/// An .xlsx workbook written the way Excel writes one, in memory, for tests: `[Content_Types].xml`,
/// `xl/workbook.xml` and its relationships, one `xl/worksheets/sheetN.xml` per sheet,
/// `xl/sharedStrings.xml` and `xl/styles.xml`. For tests and benchmarks only.
///
///     var book = TestWorkbook()
///     book.sheets = [.init("Delegates", rows: [[.text("id"), .text("name")], [.text("CN-1"), .text("Acme")]])]
///     let data = try book.data()
public struct TestWorkbook: Sendable {
    /// One cell as Excel stores it.
    public enum Cell: Sendable {
        /// A shared string (`t="s"`).
        case text(String)
        /// An inline string (`t="inlineStr"`).
        case inline(String)
        /// A shared string of rich-text runs, with a phonetic guide (`<rPh>`) that is not its text.
        case rich([String], phonetic: String)
        /// A number as `<v>` holds it, in cell style `style` (0 General, see ``Style``).
        case number(String, style: Style = .general)
        /// A formula whose result is text (`t="str"`).
        case formula(String, result: String)
        case bool(Bool)
        /// An error value (`t="e"`), e.g. `#N/A`.
        case error(String)
    }

    /// The cell styles of the workbook's `styles.xml`, by index in `cellXfs`.
    public enum Style: Int, Sendable {
        case general = 0
        /// Built-in number format 14, the short date.
        case date = 1
        /// A custom date format, `yyyy"年"m"月"d"日"`, as a Chinese Excel writes one.
        case chineseDate = 2
        /// Built-in number format 49, text (`@`).
        case text = 3
        /// A custom format of elapsed hours, `[h]:mm`: a duration, not a date.
        case elapsed = 4
        /// Built-in number format 22, date and time (`m/d/yy h:mm`).
        case dateTime = 5
        /// Built-in number format 20, a time of day (`h:mm`).
        case time = 6
    }

    /// One row: its number and its cells by column letters, in the order written.
    public struct Row: Sendable {
        public var number: Int
        public var cells: [(column: String, cell: Cell)]

        public init(_ number: Int, _ cells: [(String, Cell)]) {
            self.number = number
            self.cells = cells.map { (column: $0.0, cell: $0.1) }
        }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var state: String
        public var rows: [Row]
        /// The worksheet's XML as given, instead of one written from ``rows``.
        public var xml: String?

        /// A sheet of `rows`, each written from column A in order, row numbers from 1.
        public init(_ name: String, state: String = "visible", rows: [[Cell]]) {
            self.init(name, state: state, rows: rows.enumerated().map { index, cells in
                Row(index + 1, cells.enumerated().map { (Self.letters($0.offset), $0.element) })
            })
        }

        /// A sheet of rows with their numbers and cell references given.
        public init(_ name: String, state: String = "visible", rows: [Row]) {
            self.name = name
            self.state = state
            self.rows = rows
        }

        /// The letters of the 0-based column `index`.
        public static func letters(_ index: Int) -> String {
            var number = index + 1, letters = ""
            while number > 0 {
                letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
                number = (number - 1) / 26
            }
            return letters
        }
    }

    public var sheets: [Sheet] = []
    public var date1904 = false
    /// Parts added to the archive as given, or replacing a written one, by path.
    public var extraParts: [String: Data] = [:]
    /// Parts left out of the archive (a damaged workbook), by path.
    public var missingParts: Set<String> = []

    public init(sheets: [Sheet] = []) {
        self.sheets = sheets
    }

    /// Rows of plain cells: a text as a shared string, as a sheet typed in Excel stores it.
    public static func table(_ rows: [[String]]) -> [[Cell]] {
        rows.map { $0.map { Cell.text($0) } }
    }

    /// The bytes of the .xlsx file.
    public func data() throws -> Data {
        var strings: [String] = []
        var stringIndex: [String: Int] = [:]
        func shared(_ text: String) -> Int {
            if let index = stringIndex[text] { return index }
            stringIndex[text] = strings.count
            strings.append("<si><t xml:space=\"preserve\">\(Self.escaped(text))</t></si>")
            return strings.count - 1
        }
        var parts: [(String, Data)] = []
        var overrides = """
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            """
        var sheetElements = "", relationships = ""
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            var xml = sheet.xml
            if xml == nil {
                var body = ""
                for row in sheet.rows {
                    body += "<row r=\"\(row.number)\">"
                    for (column, cell) in row.cells {
                        let reference = "\(column)\(row.number)"
                        switch cell {
                        case .text(let text):
                            body += "<c r=\"\(reference)\" t=\"s\"><v>\(shared(text))</v></c>"
                        case .inline(let text):
                            body += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(Self.escaped(text))</t></is></c>"
                        case .rich(let runs, let phonetic):
                            let xml = "<si>" + runs.map { "<r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">\(Self.escaped($0))</t></r>" }.joined()
                                + "<rPh sb=\"0\" eb=\"1\"><t>\(Self.escaped(phonetic))</t></rPh><phoneticPr fontId=\"1\"/></si>"
                            strings.append(xml)
                            body += "<c r=\"\(reference)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
                        case .number(let value, let style):
                            body += "<c r=\"\(reference)\"\(style == .general ? "" : " s=\"\(style.rawValue)\"")><v>\(value)</v></c>"
                        case .formula(let formula, let result):
                            body += "<c r=\"\(reference)\" t=\"str\"><f>\(Self.escaped(formula))</f><v>\(Self.escaped(result))</v></c>"
                        case .bool(let value):
                            body += "<c r=\"\(reference)\" t=\"b\"><v>\(value ? 1 : 0)</v></c>"
                        case .error(let value):
                            body += "<c r=\"\(reference)\" t=\"e\"><f>VLOOKUP(A1,Z:Z,2,FALSE)</f><v>\(value)</v></c>"
                        }
                    }
                    body += "</row>"
                }
                xml = """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                    <sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>\
                    <sheetData>\(body)</sheetData></worksheet>
                    """
            }
            parts.append(("xl/worksheets/sheet\(number).xml", Data(xml!.utf8)))
            overrides += "<Override PartName=\"/xl/worksheets/sheet\(number).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            let state = sheet.state == "visible" ? "" : " state=\"\(sheet.state)\""
            sheetElements += "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(number)\"\(state) r:id=\"rId\(number)\"/>"
            relationships += "<Relationship Id=\"rId\(number)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(number).xml\"/>"
        }
        let n = sheets.count
        relationships += """
            <Relationship Id="rId\(n + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            <Relationship Id="rId\(n + 2)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
            """
        parts.append(("[Content_Types].xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """.utf8)))
        parts.append(("_rels/.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """.utf8)))
        parts.append(("xl/workbook.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr\(date1904 ? " date1904=\"1\"" : "") defaultThemeVersion="166925"/>\
            <bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>\
            <sheets>\(sheetElements)</sheets><calcPr calcId="191029"/></workbook>
            """.utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(relationships)</Relationships>
            """.utf8)))
        parts.append(("xl/styles.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>\
            <numFmt numFmtId="177" formatCode="[h]:mm"/></numFmts>\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """.utf8)))
        parts.append(("xl/sharedStrings.xml", Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\(strings.count)" uniqueCount="\(strings.count)">\(strings.joined())</sst>
            """.utf8)))
        for (path, data) in extraParts {
            parts.removeAll { $0.0 == path }
            parts.append((path, data))
        }
        parts.removeAll { missingParts.contains($0.0) }
        return try Self.zip(parts)
    }

    /// A zip archive of `parts`, deflated, in memory.
    public static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
