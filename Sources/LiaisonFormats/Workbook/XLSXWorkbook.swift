import Foundation
import LiaisonCore

/// An Office Open XML workbook (.xlsx, .xlsm) as Excel, WPS and LibreOffice write it, read in
/// memory: its sheets in workbook order, and the rows of any worksheet as text.
///
///     var workbook = try XLSXWorkbook(data, limits: .default)
///     let sheet = workbook.sheets.first { $0.isWorksheet && !$0.hidden }!
///     let rows = try workbook.rows(of: sheet)   // [SheetRow], each cell as Excel shows it
///
/// What a cell reads as: a string as written (shared, inline, rich text without its phonetic
/// guide, a formula's text result); `TRUE` or `FALSE`; a number as Excel's General format shows
/// it, or as an ISO date or time when its number format is one (``ExcelNumberFormat``). An error
/// value (`#N/A`) is an unreadable cell. The workbook is found through `[Content_Types].xml`
/// and `xl/workbook.xml`; a zip archive that is another kind of document is refused saying what
/// it is.
struct XLSXWorkbook {
    /// One sheet of the workbook, as its tab shows it.
    struct Sheet: Equatable {
        var name: String
        /// Hidden or "very hidden" (hidden from the Unhide dialog too).
        var hidden: Bool
        /// A worksheet of cells; false for a chart sheet or a dialog sheet.
        var isWorksheet: Bool
        /// The archive path of its part.
        var path: String?
    }

    /// Excel's limits: rows and columns of a worksheet.
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// The sheets in workbook (tab) order.
    private(set) var sheets: [Sheet] = []
    /// Whether dates count from 1904 rather than 1900.
    private(set) var date1904 = false
    private var archive: WorkbookArchive
    private var sharedStringsPath: String?
    private var stylesPath: String?

    /// The content types of a workbook's main part: a workbook, a macro-enabled workbook, a template.
    private static let workbookTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
        "application/vnd.ms-excel.template.macroEnabled.main+xml",
    ]

    /// The first bytes of a zip archive (.xlsx, .ods, .numbers) and of an OLE compound file (Excel
    /// 97–2003's .xls, WPS's .et, an encrypted workbook).
    private static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    private static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    /// Whether `data` is a spreadsheet application's own file rather than text: a zip archive or
    /// an OLE compound file, whatever its name says.
    static func isSpreadsheetFile(_ data: Data) -> Bool {
        data.starts(with: zipSignature) || data.starts(with: oleSignature)
    }

    /// The workbook in `data`, its sheets listed; refused with what the file is when it is not one.
    init(_ data: Data, limits: WorkbookLimits) throws(WorkbookProblem) {
        if data.starts(with: Self.oleSignature) { throw Self.oleProblem(data) }
        guard data.starts(with: Self.zipSignature) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) else {
            throw WorkbookProblem("is not an .xlsx workbook (an .xlsx is a zip archive; this file is not one): if it is CSV, name it .csv")
        }
        archive = try WorkbookArchive(data, limits: limits)
        if let kind = Self.otherDocument(archive) {
            throw WorkbookProblem("is \(kind), which Liaison does not read: open it and save it as an Excel workbook (.xlsx) or as CSV UTF-8")
        }

        var workbookPath = "xl/workbook.xml"
        if let types = try archive.read("[Content_Types].xml") {
            var declared: String?
            try XMLPart.parse(types, part: "[Content_Types].xml", start: { element in
                if element.name == "Override", let type = element["ContentType"], Self.workbookTypes.contains(type), declared == nil {
                    declared = element["PartName"]
                }
            })
            if let declared { workbookPath = Self.normalized(declared) }
        }
        guard let workbook = try archive.read(workbookPath) else {
            throw WorkbookProblem("is a zip archive but not an Excel workbook (it has no \(workbookPath)): save the sheet as .xlsx or CSV UTF-8")
        }

        // The workbook's relationships: which part each sheet, the shared strings and the styles are.
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let workbookName = String(workbookPath.split(separator: "/").last ?? "workbook.xml")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + workbookName + ".rels"
        var targets: [String: (path: String, type: String)] = [:]
        // Every spreadsheet writes it: without it no sheet can be found.
        guard let rels = try archive.read(relsPath) else { throw Self.missingPart(relsPath) }
        try XMLPart.parse(rels, part: relsPath, start: { element in
            guard element.name == "Relationship", let id = element["Id"], let target = element["Target"],
                  element["TargetMode"]?.lowercased() != "external" else { return }
            targets[id] = (Self.resolve(target, from: folder), element["Type"] ?? "")
        })
        sharedStringsPath = targets.values.first { $0.type.hasSuffix("/sharedStrings") }?.path
            ?? (archive.contains(folder + "/sharedStrings.xml") ? folder + "/sharedStrings.xml" : nil)
        stylesPath = targets.values.first { $0.type.hasSuffix("/styles") }?.path
            ?? (archive.contains(folder + "/styles.xml") ? folder + "/styles.xml" : nil)

        var sheets: [Sheet] = []
        var date1904 = false
        try XMLPart.parse(workbook, part: workbookPath, start: { element in
            switch element.name {
            case "workbookPr":
                date1904 = ["1", "true"].contains(element["date1904"]?.lowercased() ?? "")
            case "sheet":
                let target = element["id"].flatMap { targets[$0] }
                let state = element["state"] ?? "visible"
                sheets.append(Sheet(name: element["name"] ?? "", hidden: state != "visible",
                                    isWorksheet: target.map { $0.type.hasSuffix("/worksheet") } ?? false, path: target?.path))
            default:
                break
            }
        })
        self.sheets = sheets
        self.date1904 = date1904
        guard sheets.contains(where: \.isWorksheet) else {
            throw WorkbookProblem("is a workbook without a worksheet (only charts, or none): save the companies' sheet as .xlsx or CSV UTF-8")
        }
    }

    /// What an OLE compound file is: an encrypted (password-protected) workbook, which Excel
    /// stores as one, or an Excel 97–2003 workbook.
    private static func oleProblem(_ data: Data) -> WorkbookProblem {
        // An encrypted OOXML file's streams are named EncryptionInfo and EncryptedPackage (UTF-16 names).
        let encrypted = data.range(of: Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })) != nil
        return WorkbookProblem(encrypted
            ? "is a password-protected workbook, which Liaison cannot open: open it in the spreadsheet, remove the password "
              + "(File › Info › Protect Workbook) and save it as .xlsx, or save it as CSV UTF-8"
            : "is an Excel 97–2003 workbook (.xls) or a password-protected one, which Liaison does not read: "
              + "open it in the spreadsheet and save it as .xlsx (without a password) or as CSV UTF-8")
    }

    /// What kind of other document a zip archive is, by the parts it has; nil for a workbook or an
    /// archive of unknown kind.
    private static func otherDocument(_ archive: WorkbookArchive) -> String? {
        if archive.contains("xl/workbook.bin") { return "an Excel binary workbook (.xlsb)" }
        if archive.contains("word/document.xml") { return "a Word document (.docx)" }
        if archive.contains("ppt/presentation.xml") { return "a PowerPoint presentation (.pptx)" }
        if archive.contains("content.xml") && archive.contains("mimetype") {
            return "an OpenDocument file (.ods, as LibreOffice saves by default)"
        }
        if archive.contains("Index/Document.iwa") || archive.contains("Index.zip") {
            return "a Numbers document (.numbers)"
        }
        return nil
    }

    /// A part name without its leading `/`.
    private static func normalized(_ path: String) -> String {
        path.hasPrefix("/") ? String(path.dropFirst()) : path
    }

    /// The archive path of a relationship's target, relative to `folder` unless absolute.
    private static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return normalized(target) }
        var parts = folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    // MARK: - Cells

    /// The rows of `sheet` that have a cell, in row order, each cell's text in its column (`A` is
    /// index 0); cells missing from a row are empty. A row past Excel's limits is refused.
    mutating func rows(of sheet: Sheet) throws(WorkbookProblem) -> [SheetRow] {
        guard let path = sheet.path, let data = try archive.read(path) else { throw Self.missingPart(sheet.path ?? "of sheet \(sheet.name)") }
        let strings = try sharedStrings()
        let formats = try numberFormats()
        return try XLSXWorksheet.rows(data, part: path, strings: strings, formats: formats, date1904: date1904)
    }

    /// A damaged workbook: a part it names is not in the archive.
    private static func missingPart(_ path: String) -> WorkbookProblem {
        WorkbookProblem("is a damaged workbook: its part \(path) is missing; open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
    }

    /// The workbook's shared strings, in order; none when it has none.
    private mutating func sharedStrings() throws(WorkbookProblem) -> [String] {
        guard let path = sharedStringsPath else { return [] }
        guard let data = try archive.read(path) else { throw Self.missingPart(path) }
        var strings: [String] = []
        var current = ""
        var inItem = false, inText = false, phonetic = 0
        try XMLPart.parse(data, part: path, start: { element in
            switch element.name {
            case "si": (inItem, current) = (true, "")
            case "t": inText = inItem
            case "rPh": phonetic += 1
            default: break
            }
        }, text: { text in
            if inText && phonetic == 0 { current += text }
        }, end: { name in
            switch name {
            case "si":
                strings.append(XLSXWorksheet.unescaped(current))
                inItem = false
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        })
        return strings
    }

    /// The number format of each cell style (`<c s=…>` indexes `cellXfs`).
    private mutating func numberFormats() throws(WorkbookProblem) -> [ExcelNumberFormat] {
        guard let path = stylesPath, let data = try archive.read(path) else { return [] }
        var codes: [Int: String] = [:]
        var ids: [Int] = []
        var inCellFormats = false
        try XMLPart.parse(data, part: path, start: { element in
            switch element.name {
            case "numFmt":
                if let id = element["numFmtId"].flatMap({ Int($0) }), let code = element["formatCode"] { codes[id] = code }
            case "cellXfs":
                inCellFormats = true
            case "xf" where inCellFormats:
                ids.append(element["numFmtId"].flatMap { Int($0) } ?? 0)
            default:
                break
            }
        }, end: { name in
            if name == "cellXfs" { inCellFormats = false }
        })
        return ids.map { ExcelNumberFormat(id: $0, code: codes[$0]) }
    }
}
