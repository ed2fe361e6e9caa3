import Foundation
import LiaisonCore

/// Reads companies from CSV as spreadsheets export it: UTF-8 (with or without BOM), UTF-16 or
/// GB18030; fields separated by commas, semicolons or tabs (as the header line shows, or an
/// Excel `sep=;` line says); a header naming the columns in any order, by Liaison's field names
/// or their usual names in English and Chinese (``ColumnNames``), `id`, `name` and `country`
/// required; then one company per record. Columns that are none of Liaison's fields are kept
/// with each company. A cell guarded against formulas by Liaison's export (`'=…`) reads back as written.
struct CompanyCSVSource: CompanyRecordSource {
    private var reader: CSVRecordReader?
    private let file: String
    private let bindings: [ColumnBinding]
    private let undecodable: String

    /// The layout of `data` and a reader positioned at its first record.
    static func open(_ data: Data, file: String, columns mapping: HeaderMapping) -> (layout: CompanyFileLayout, source: CompanyCSVSource) {
        var layout = CompanyFileLayout(file: file)
        func refuse(_ line: Int, _ field: String, _ message: String) -> (layout: CompanyFileLayout, source: CompanyCSVSource) {
            layout.problems.append(ImportProblem(file: file, line: line, field: field, message: message))
            return (layout, CompanyCSVSource(reader: nil, file: file, bindings: [], undecodable: ""))
        }

        if let workbook = SheetEncoding.workbook(data) {
            return refuse(1, "file", "is \(workbook), not CSV: open it and save it as CSV UTF-8 (File › Save As)")
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

        var reader = CSVRecordReader(data: text, start: start, line: line, delimiter: delimiter, decoder: decoder)
        let header: CSVRecordReader.Record
        do {
            guard let first = try reader.next() else {
                return refuse(line, "file", "empty; expected a header such as \(CompanyFileFormat.columns.joined(separator: ","))")
            }
            header = first
        } catch {
            return refuse(error.line, "quoting", error.message)
        }
        var bindings = bind(header, mapping: mapping, layout: &layout, undecodable: undecodable)
        if !hasRequiredColumns(bindings), let below = headerBelow(titles: header, in: reader, mapping: mapping, layout: layout, undecodable: undecodable) {
            (layout, reader, bindings) = below
        }
        return (layout, CompanyCSVSource(reader: reader, file: file, bindings: bindings, undecodable: undecodable))
    }

    /// The most lines above the header a sheet may have: a title, a date, a note or two.
    static let mostLinesAboveHeader = 10

    /// Whether a header's columns hold every required field.
    private static func hasRequiredColumns(_ bindings: [ColumnBinding]) -> Bool {
        CompanyFileFormat.requiredColumns.allSatisfy { bindings.contains(.field($0)) }
    }

    /// The header of a sheet whose first line is a title (`2025 CCPIT Delegation — Registration
    /// List`) rather than the header: the first of the next lines whose columns hold every required
    /// field, when every line above it has at most two cells filled (a title, a date, a note; never
    /// a company). Its layout (saying which lines were skipped), a reader at the line after it, and
    /// its columns; nil when there is none.
    private static func headerBelow(titles first: CSVRecordReader.Record, in reader: CSVRecordReader, mapping: HeaderMapping,
                                    layout: CompanyFileLayout, undecodable: String)
        -> (layout: CompanyFileLayout, reader: CSVRecordReader, bindings: [ColumnBinding])? {
        func isTitle(_ record: CSVRecordReader.Record) -> Bool {
            record.fields.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count <= 2
        }
        var reader = reader, above = first
        for _ in 0..<mostLinesAboveHeader {
            guard isTitle(above), let candidate = try? reader.next() else { return nil }
            var found = CompanyFileLayout(file: layout.file)
            (found.encoding, found.delimiter) = (layout.encoding, layout.delimiter)
            let bindings = bind(candidate, mapping: mapping, layout: &found, undecodable: undecodable)
            if hasRequiredColumns(bindings) {
                found.linesAboveHeader = first.line..<candidate.line
                return (found, reader, bindings)
            }
            above = candidate
        }
        return nil
    }

    private init(reader: CSVRecordReader?, file: String, bindings: [ColumnBinding], undecodable: String) {
        self.reader = reader
        self.file = file
        self.bindings = bindings
        self.undecodable = undecodable
    }

    mutating func next() throws(ImportProblem) -> CompanyFileRecord? {
        guard var record = try read() else { return nil }
        // A row of separators only is how spreadsheets write a blank row: skipped, as a blank line is.
        while record.invalidUTF8Fields.isEmpty && record.overlongFields.isEmpty
                && record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            guard let next = try read() else { return nil }
            record = next
        }
        func label(_ index: Int) -> String {
            switch bindings[index] {
            case .field(let field): field
            case .extra(let name): name
            case .unnamed, .duplicate: "column \(index + 1)"
            }
        }
        guard record.fields.count == bindings.count else {
            return CompanyFileRecord(line: record.line, draft: nil, issues: [
                FieldIssue(field: "row", message: "expected \(bindings.count) fields as in the header, found \(record.fields.count)")
            ])
        }
        var issues = record.invalidUTF8Fields.map { FieldIssue(field: label($0), message: undecodable) }
        issues += record.overlongFields.map {
            FieldIssue(field: label($0), message: "longer than \(CompanyText.maximumFieldBytes) bytes; the field was not read")
        }
        var draft = CompanyDraft()
        for (index, (binding, cell)) in zip(bindings, record.fields).enumerated() {
            let value = CSVCell.original(cell)
            switch binding {
            case .field(let field):
                do { try draft.setField(field, text: value) } catch { issues.append(error) }
            case .extra(let name):
                if !value.isEmpty { draft.extras.append(ExtraField(name: name, value: value)) }
            case .unnamed:
                if !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    issues.append(FieldIssue(field: label(index), message: "a value in a column without a header; name the column"))
                }
            case .duplicate:
                break
            }
        }
        return CompanyFileRecord(line: record.line, draft: draft, issues: issues)
    }

    private mutating func read() throws(ImportProblem) -> CSVRecordReader.Record? {
        guard reader != nil else { return nil }
        do {
            return try reader!.next()
        } catch {
            throw ImportProblem(file: file, line: error.line, field: "quoting", message: error.message)
        }
    }

    // MARK: - The header

    /// What each header column is read as, recording renamed and kept columns and every problem
    /// of the header in `layout`.
    private static func bind(_ header: CSVRecordReader.Record, mapping: HeaderMapping, layout: inout CompanyFileLayout,
                             undecodable: String) -> [ColumnBinding] {
        func problem(_ message: String) {
            layout.problems.append(ImportProblem(file: layout.file, line: header.line, field: "header", message: message))
        }
        var bindings: [ColumnBinding] = []
        var columnOf: [ColumnBinding: String] = [:]
        for (index, cell) in header.fields.enumerated() {
            // A header cell wrapped in the sheet (Alt+Enter) holds line breaks: read with spaces, or,
            // as a bilingual header (`公司名称⏎Company Name`), by the first of its lines that names a field.
            let lines = CSVCell.original(cell).split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let name = lines.filter { !$0.isEmpty }.joined(separator: " ")
            if header.invalidUTF8Fields.contains(index) { problem("column \(index + 1): \(undecodable)") }
            if let bad = CompanyText.problem(in: name) { problem("column \(index + 1): \(bad)") }
            guard !name.isEmpty, !ColumnNames.key(name).isEmpty else {
                bindings.append(.unnamed)
                continue
            }
            let binding: ColumnBinding
            if let mapped = mapping.target(of: name) {
                binding = mapped
                layout.mappedHeaders.insert(ColumnNames.key(name))
            } else if let field = ColumnNames.field(named: name) ?? lines.lazy.compactMap({ ColumnNames.field(namedIn: $0) }).first {
                binding = .field(field)
            } else {
                binding = .extra(name)
            }
            if case .extra(let kept) = binding, let field = ColumnNames.field(named: kept) {
                // Exported under this name, the column would read back as the field.
                problem("--columns keeps '\(name)' as '\(kept)', which is a name of \(field); choose another name")
            }
            let key: ColumnBinding = if case .extra(let kept) = binding { .extra(ColumnNames.key(kept)) } else { binding }
            if let first = columnOf[key] {
                if ColumnNames.key(first) == ColumnNames.key(name) {
                    problem(first == name ? "column '\(name)' appears twice"
                            : "columns '\(first)' and '\(name)' are one name (case, spaces and punctuation aside): keep one, or rename one with --columns '\(name)=…'")
                } else if case .field(let field) = binding {
                    problem("columns '\(first)' and '\(name)' both mean \(field); keep one, or map the other elsewhere with --columns '\(name)=…'")
                } else if case .extra(let kept) = binding {
                    problem("columns '\(first)' and '\(name)' are both kept as '\(kept)'")
                }
                bindings.append(.duplicate)
                continue
            }
            columnOf[key] = name
            if case .field(let field) = binding { layout.fields.insert(field) }
            switch binding {
            case .field(let field) where ColumnNames.key(name) != field:
                layout.renamed.append((name, field))
            case .extra(let kept):
                layout.extras.append(kept)
            default:
                break
            }
            bindings.append(binding)
        }
        for required in CompanyFileFormat.requiredColumns where columnOf[.field(required)] == nil {
            let others = ColumnNames.aliases.first { $0.field == required }?.names.prefix(4).map { "'\($0)'" } ?? []
            problem("missing the required column '\(required)' (or \(others.joined(separator: ", ")), …)")
            layout.missingFields.insert(required)
        }
        return bindings
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

    /// The separator of the header line: the most frequent of `,`, `;` and tab outside quotes
    /// (a comma on a tie or when there is none).
    private static func sniffDelimiter(_ data: Data, from start: Int) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, 0x09: 0, UInt8(ascii: ";"): 0]
        var quoted = false
        for byte in data[(data.startIndex + start)...] {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return [UInt8(ascii: ","), 0x09, UInt8(ascii: ";")].max { counts[$0]! < counts[$1]! } ?? UInt8(ascii: ",")
    }
}
