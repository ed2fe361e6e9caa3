import Foundation
import LiaisonCore

/// Reads companies from the rows of a sheet, whatever file they come from (CSV, a workbook's
/// worksheet): a header naming the columns in any order, by Liaison's field names or their usual
/// names in English and Chinese (``ColumnNames``) or as `--columns` maps them, `id`, `name` and
/// `country` required, possibly below a title and a few notes; then one company per row, blank
/// rows skipped. Columns that are none of Liaison's fields are kept with each company. A cell
/// guarded against formulas by Liaison's CSV export (`'=…`) reads back as written, also after a
/// spreadsheet opened that CSV and saved it as a workbook.
struct CompanySheetSource<Rows: SheetRowSource>: CompanyRecordSource {
    private var rows: Rows?
    private let bindings: [ColumnBinding]

    /// The layout of the sheet `rows` reads, and a source at its first record. `layout` holds
    /// what is known of the file already (its encoding, its sheet).
    static func open(_ rows: Rows, layout: CompanyFileLayout, columns mapping: HeaderMapping) -> (layout: CompanyFileLayout, source: Self) {
        var rows = rows
        var layout = layout
        let first: SheetRow
        do {
            guard let row = try rows.next() else {
                layout.problems.append(ImportProblem(file: layout.file, line: 1, field: "file",
                                                     message: "empty; expected a header such as \(CompanyFileFormat.columns.joined(separator: ","))"))
                return (layout, refusing())
            }
            first = row
        } catch {
            layout.problems.append(error)
            return (layout, refusing())
        }
        let base = layout
        var bindings = bind(first, in: rows, mapping: mapping, layout: &layout)
        if !hasRequiredColumns(bindings), let below = headerBelow(titles: first, in: rows, mapping: mapping, layout: base) {
            (layout, rows, bindings) = below
        }
        return (layout, Self(rows: rows, bindings: bindings))
    }

    /// A source of no records, for a file refused before its header.
    static func refusing() -> Self {
        Self(rows: nil, bindings: [])
    }

    private init(rows: Rows?, bindings: [ColumnBinding]) {
        self.rows = rows
        self.bindings = bindings
    }

    /// The most lines above the header a sheet may have: a title, a date, a note or two.
    static var mostLinesAboveHeader: Int { 10 }

    /// Whether a header's columns hold every required field.
    private static func hasRequiredColumns(_ bindings: [ColumnBinding]) -> Bool {
        CompanyFileFormat.requiredColumns.allSatisfy { bindings.contains(.field($0)) }
    }

    /// The header of a sheet whose first line is a title (`2025 CCPIT Delegation — Registration
    /// List`) rather than the header: the first of the next rows whose columns hold every required
    /// field, when every row above it has at most two cells filled (a title, a date, a note; never
    /// a company). Its layout (saying which lines were skipped), a reader at the row after it, and
    /// its columns; nil when there is none.
    private static func headerBelow(titles first: SheetRow, in rows: Rows, mapping: HeaderMapping, layout: CompanyFileLayout)
        -> (layout: CompanyFileLayout, rows: Rows, bindings: [ColumnBinding])? {
        func isTitle(_ row: SheetRow) -> Bool {
            row.cells.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count <= 2
        }
        var rows = rows, above = first
        for _ in 0..<mostLinesAboveHeader {
            guard isTitle(above), let candidate = try? rows.next() else { return nil }
            var found = layout
            let bindings = bind(candidate, in: rows, mapping: mapping, layout: &found)
            if hasRequiredColumns(bindings) {
                found.linesAboveHeader = first.line..<candidate.line
                return (found, rows, bindings)
            }
            above = candidate
        }
        return nil
    }

    mutating func next() throws(ImportProblem) -> CompanyFileRecord? {
        guard rows != nil else { return nil }
        var row: SheetRow
        repeat {
            guard let next = try rows!.next() else { return nil }
            row = next
        } while row.isBlank
        let columnName = rows!.columnName
        func label(_ index: Int) -> String {
            guard index < bindings.count else { return columnName(index) }
            switch bindings[index] {
            case .field(let field): return field
            case .extra(let name): return name
            case .unnamed, .duplicate: return columnName(index)
            }
        }
        if rows!.rowsMatchHeaderWidth, row.cells.count != bindings.count {
            return CompanyFileRecord(line: row.line, draft: nil, issues: [
                FieldIssue(field: "row", message: "expected \(bindings.count) fields as in the header, found \(row.cells.count)")
            ])
        }
        var issues = row.unreadable.sorted { $0.key < $1.key }.map { FieldIssue(field: label($0.key), message: $0.value) }
        var draft = CompanyDraft()
        for (index, cell) in row.cells.enumerated() {
            let value = CSVCell.original(cell)
            switch index < bindings.count ? bindings[index] : .unnamed {
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
        return CompanyFileRecord(line: row.line, draft: draft, issues: issues)
    }

    // MARK: - The header

    /// What each header column is read as, recording renamed and kept columns and every problem
    /// of the header in `layout`.
    private static func bind(_ header: SheetRow, in rows: Rows, mapping: HeaderMapping, layout: inout CompanyFileLayout) -> [ColumnBinding] {
        func problem(_ message: String) {
            layout.problems.append(ImportProblem(file: layout.file, line: header.line, field: "header", message: message))
        }
        var bindings: [ColumnBinding] = []
        var columnOf: [ColumnBinding: String] = [:]
        for (index, cell) in header.cells.enumerated() {
            // A header cell wrapped in the sheet (Alt+Enter) holds line breaks: read with spaces, or,
            // as a bilingual header (`公司名称⏎Company Name`), by the first of its lines that names a field.
            let lines = CSVCell.original(cell).split(whereSeparator: \.isNewline).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            let name = lines.filter { !$0.isEmpty }.joined(separator: " ")
            if let unreadable = header.unreadable[index] { problem("\(rows.columnName(index)): \(unreadable)") }
            if let bad = CompanyText.problem(in: name) { problem("\(rows.columnName(index)): \(bad)") }
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
}
