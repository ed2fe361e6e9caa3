import Foundation
import LiaisonCore

/// The cells of one worksheet part (`xl/worksheets/sheetN.xml`) as rows of text.
///
/// Rows and cells are placed by their references (`<row r="7">`, `<c r="C7">`), never by their
/// order in the file; a row or cell without a reference follows the one before it. A row of the
/// sheet with no `<row>` element is not there at all, as a blank line of CSV is not.
enum XLSXWorksheet {
    static func rows(_ data: Data, part: String, strings: [String], formats: [ExcelNumberFormat],
                     date1904: Bool) throws(WorkbookProblem) -> [SheetRow] {
        var rows: [Int: SheetRow] = [:]
        var rowNumber = 0, column = -1
        // The cell being read.
        var type = "n", style = 0
        var value = "", inline = ""
        var inValue = false, inInline = false, inInlineText = false, phonetic = 0, hasFormula = false, hasValue = false
        var cells: [(column: Int, text: String)] = []
        // The columns of the row being read that have a cell: a second one in a column is damage.
        var columns = Set<Int>()
        var unreadable: [Int: String] = [:]

        func cellText() -> (text: String, problem: String?) {
            // Written by a program that does not compute formulas (openpyxl, for one): no result to read.
            if hasFormula && !hasValue && type != "inlineStr" {
                return ("", "holds a formula whose result was never saved (the file was written by a program, not saved by a "
                        + "spreadsheet): open it in the spreadsheet and save it again")
            }
            switch type {
            case "s":
                guard let index = Int(value.trimmingCharacters(in: .whitespaces)), strings.indices.contains(index) else {
                    return ("", "refers to shared string \(CompanyText.quoted(value)), which the workbook does not have (a damaged workbook?)")
                }
                return (strings[index], nil)
            case "inlineStr":
                return (unescaped(inline), nil)
            case "str":
                return (unescaped(value), nil)
            case "b":
                return (value.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE", nil)
            case "e":
                return ("", "holds the error \(value.trimmingCharacters(in: .whitespaces)) (a formula that could not be computed); correct the formula or clear the cell")
            case "d":
                return (isoDate(value), nil)
            default:
                let text = value.trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return ("", nil) }
                guard let number = Double(text) else {
                    return ("", "holds \(CompanyText.quoted(text)) as a number, which is not one (a damaged workbook?)")
                }
                let format = formats.indices.contains(style) ? formats[style] : .general
                return (format.text(number, date1904: date1904), nil)
            }
        }

        try XMLPart.parse(data, part: part, start: { element throws(WorkbookProblem) in
            switch element.name {
            case "row":
                if let reference = element["r"] {
                    guard let number = Int(reference), number >= 1 else {
                        throw WorkbookProblem("is a damaged workbook: a row of \(part) is numbered \(CompanyText.quoted(reference))")
                    }
                    rowNumber = number
                } else {
                    rowNumber += 1
                }
                guard rowNumber <= XLSXWorkbook.maximumRows else {
                    throw WorkbookProblem(row: rowNumber, "is past Excel's last row, \(XLSXWorkbook.maximumRows)")
                }
                guard rows[rowNumber] == nil else {
                    throw WorkbookProblem(row: rowNumber, "is a damaged workbook: row \(rowNumber) of \(part) appears twice; "
                                          + "open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
                }
                (column, cells, unreadable, columns) = (-1, [], [:], [])
            case "c":
                if let reference = element["r"] {
                    guard let index = columnIndex(reference) else {
                        throw WorkbookProblem(row: rowNumber, "a cell of this row has the reference \(CompanyText.quoted(reference)), which is no cell's (a damaged workbook?)")
                    }
                    column = index
                } else {
                    column += 1
                }
                guard column < XLSXWorkbook.maximumColumns else {
                    throw WorkbookProblem(row: rowNumber, "has a cell past Excel's last column, XFD")
                }
                guard columns.insert(column).inserted else {
                    throw WorkbookProblem(row: rowNumber, "is a damaged workbook: cell \(columnLetters(column))\(rowNumber) of \(part) "
                                          + "appears twice; open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
                }
                type = element["t"] ?? "n"
                style = element["s"].flatMap { Int($0) } ?? 0
                (value, inline, phonetic, hasFormula, hasValue) = ("", "", 0, false, false)
            case "v":
                (inValue, hasValue) = (true, true)
            case "f":
                hasFormula = true
            case "is":
                inInline = true
            case "t" where inInline:
                inInlineText = true
            case "rPh":
                phonetic += 1
            default:
                break
            }
        }, text: { text in
            if inValue {
                value += text
            } else if inInlineText && phonetic == 0 {
                inline += text
            }
        }, end: { name in
            switch name {
            case "v":
                inValue = false
            case "is":
                inInline = false
            case "t":
                inInlineText = false
            case "rPh":
                phonetic -= 1
            case "c":
                var (text, problem) = cellText()
                if problem == nil, text.utf8.count > CompanyText.maximumFieldBytes {
                    (text, problem) = ("", "longer than \(CompanyText.maximumFieldBytes) bytes; the field was not read")
                }
                if let problem { unreadable[column] = problem } else if !text.isEmpty { cells.append((column, text)) }
            case "row":
                guard !cells.isEmpty || !unreadable.isEmpty else { break }
                var row = SheetRow(line: rowNumber, cells: [])
                let width = max((cells.map(\.column).max() ?? -1) + 1, (unreadable.keys.max() ?? -1) + 1)
                row.cells = Array(repeating: "", count: width)
                for cell in cells { row.cells[cell.column] = cell.text }
                row.unreadable = unreadable
                rows[rowNumber] = row
            default:
                break
            }
        })
        return rows.keys.sorted().map { rows[$0]! }
    }

    /// The 0-based column of a cell reference (`C7` → 2), nil when it is none or past `XFD`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0, letters = 0
        for scalar in reference.unicodeScalars {
            let value = scalar.value | 0x20
            guard value >= 0x61, value <= 0x7A else { break }
            index = index * 26 + Int(value - 0x60)
            letters += 1
            if letters > 3 { return nil }
        }
        guard letters > 0, index <= XLSXWorkbook.maximumColumns else { return nil }
        return index - 1
    }

    /// The letters of the 0-based column `index`: 0 → `A`, 27 → `AB`.
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1, letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }

    /// Text as SpreadsheetML stores it, its `_xHHHH_` escapes undone: Excel writes a character XML
    /// cannot hold (a carriage return, a control character) as `_x000D_`, and a literal `_x` that
    /// would read as one as `_x005F_x`.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }

    /// A `t="d"` cell's ISO 8601 value as a date (`2025-11-03`), or a date and time
    /// (`2025-11-03 14:30`) when its time is not midnight.
    private static func isoDate(_ value: String) -> String {
        let text = value.trimmingCharacters(in: .whitespaces)
        guard let t = text.firstIndex(of: "T") else { return text }
        let date = String(text[..<t])
        var time = text[text.index(after: t)...].prefix { $0 != "Z" && $0 != "." && $0 != "+" }
        if time.hasSuffix(":00") && time.count == 8 { time = time.dropLast(3) }
        return time == "00:00" ? date : "\(date) \(time)"
    }
}
