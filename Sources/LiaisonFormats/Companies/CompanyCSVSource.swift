import Foundation
import LiaisonCore

/// Reads companies from CSV as spreadsheets export it: UTF-8 (with or without BOM), UTF-16 or
/// GB18030; fields separated by commas, semicolons or tabs (as the header line shows, or an
/// Excel `sep=;` line says); then the header and one company per record, read from its rows as
/// every sheet is (``CompanySheetSource``).
enum CompanyCSVSource {
    /// The layout of `data` and a reader positioned at its first record.
    static func open(_ data: Data, file: String, columns mapping: HeaderMapping) -> (layout: CompanyFileLayout, source: CompanySheetSource<CSVSheetRows>) {
        var layout = CompanyFileLayout(file: file, readAs: .csv)
        func refuse(_ line: Int, _ field: String, _ message: String) -> (layout: CompanyFileLayout, source: CompanySheetSource<CSVSheetRows>) {
            layout.problems.append(ImportProblem(file: file, line: line, field: field, message: message))
            return (layout, .refusing())
        }

        var (encoding, start, neither) = SheetEncoding.detect(data)
        layout.encoding = encoding
        if encoding != .utf16 && SheetEncoding.looksLikeUTF16WithoutMark(data) {
            return refuse(1, "file", "looks like UTF-16 saved without a byte-order mark; save the sheet as CSV UTF-8")
        }
        var text = data
        var decoder = FieldDecoder.utf8
        switch encoding {
        case .utf16:
            guard let converted = SheetEncoding.utf8(fromUTF16: data) else {
                return refuse(1, "file", "starts with a UTF-16 byte-order mark but is not valid UTF-16; save the sheet as CSV UTF-8")
            }
            (text, start) = (converted, 0)
        case .gb18030:
            guard let converter = GB18030Converter() else {
                return refuse(1, "file", "is not UTF-8 but GB18030, which this system cannot convert (glibc's gconv modules are missing); save the sheet as CSV UTF-8")
            }
            decoder = .gb18030(converter)
        case .utf8, .utf8WithBOM:
            break
        }
        // Excel's "CSV (Macintosh)" ends lines with a bare carriage return: with no line feed in
        // the whole file, each is a line end (no GB18030 or UTF-8 byte is a carriage return).
        if !text.contains(UInt8(ascii: "\n")), text.contains(UInt8(ascii: "\r")) {
            text = Data(text.map { $0 == UInt8(ascii: "\r") ? UInt8(ascii: "\n") : $0 })
        }
        // Rows saved as UTF-8 appended to a GBK sheet would be read as GB18030 and stored garbled.
        if encoding == .gb18030, let line = SheetEncoding.firstUTF8Line(text) {
            return refuse(line, "file", "mixes encodings: this line is UTF-8, the file's other lines GB18030 (GBK); "
                          + "save it in one encoding, as CSV UTF-8")
        }
        let undecodable = switch encoding {
        case .gb18030: "not valid GB18030"
        default: neither ? "not valid UTF-8, nor is the file GB18030; save the sheet as CSV UTF-8" : "not valid UTF-8"
        }

        var line = 1
        var delimiter: UInt8
        if let declared = declaredDelimiter(text, from: start) {
            (delimiter, start, line) = (declared.delimiter, declared.next, 2)
        } else {
            delimiter = sniffDelimiter(text, from: start)
        }
        layout.delimiter = Character(Unicode.Scalar(delimiter))

        let reader = CSVRecordReader(data: text, start: start, line: line, delimiter: delimiter, decoder: decoder)
        return CompanySheetSource.open(CSVSheetRows(reader: reader, file: file, undecodable: undecodable), layout: layout, columns: mapping)
    }

    /// The separator an Excel `sep=;` first line declares, and where the header starts after it.
    private static func declaredDelimiter(_ data: Data, from start: Int) -> (delimiter: UInt8, next: Int)? {
        let line = Array(data[(data.startIndex + start)...].prefix(7))
        guard line.count >= 6, line[0...3].map({ $0 | 0x20 }) == Array("sep=".utf8),
              [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09].contains(line[4]) else { return nil }
        if line[5] == 0x0A { return (line[4], start + 6) }
        if line[5] == 0x0D, line.count == 7, line[6] == 0x0A { return (line[4], start + 7) }
        return nil
    }

    /// The separator of the header line: a tab when it has one outside quotes (header names hold
    /// commas and semicolons — `Products, services` — but never a tab, and tab-separated text is
    /// what spreadsheets save as .tsv and .txt), else the more frequent of `,` and `;` (a comma on
    /// a tie or when there is neither).
    private static func sniffDelimiter(_ data: Data, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, 0x09: 0, UInt8(ascii: ";"): 0]
        var quoted = false
        for byte in data[(data.startIndex + start)...] {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        if counts[0x09]! > 0 { return 0x09 }
        return counts[UInt8(ascii: ";")]! > counts[UInt8(ascii: ",")]! ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}

/// The rows of a CSV file, as ``CompanySheetSource`` reads them.
struct CSVSheetRows: SheetRowSource {
    var reader: CSVRecordReader
    let file: String
    /// Why a field that is not valid in the file's encoding was not read.
    let undecodable: String

    mutating func next() throws(ImportProblem) -> SheetRow? {
        let record: CSVRecordReader.Record?
        do {
            record = try reader.next()
        } catch {
            throw ImportProblem(file: file, line: error.line, field: "quoting", message: error.message)
        }
        guard let record else { return nil }
        var row = SheetRow(line: record.line, cells: record.fields)
        for index in record.invalidUTF8Fields { row.unreadable[index] = undecodable }
        for index in record.overlongFields {
            row.unreadable[index] = "longer than \(CompanyText.maximumFieldBytes) bytes; the field was not read"
        }
        return row
    }

    func columnName(_ index: Int) -> String { "column \(index + 1)" }

    var rowsMatchHeaderWidth: Bool { true }
}
