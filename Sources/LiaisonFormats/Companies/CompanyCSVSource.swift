import Foundation
import LiaisonCore

/// Reads companies from CSV: a header naming the columns (any order, `id`, `name` and `country`
/// required), then one company per record.
struct CompanyCSVSource: CompanyRecordSource {
    private var reader: CSVRecordReader
    private let file: String
    private var columns: [String]?

    init(data: Data, file: String) {
        reader = CSVRecordReader(data: data)
        self.file = file
    }

    mutating func next() throws(ImportProblem) -> CompanyFileRecord? {
        let columns = if let columns { columns } else { try readHeader() }
        guard let record = try read() else { return nil }
        var issues = record.invalidUTF8Fields.map { FieldIssue(field: columns[$0], message: "not valid UTF-8") }
        guard record.fields.count == columns.count else {
            issues.append(FieldIssue(field: "row", message: "expected \(columns.count) fields as in the header, found \(record.fields.count)"))
            return CompanyFileRecord(line: record.line, draft: nil, issues: issues)
        }
        var draft = CompanyDraft()
        for (column, value) in zip(columns, record.fields) {
            do { try draft.setField(column, text: value) } catch { issues.append(error) }
        }
        return CompanyFileRecord(line: record.line, draft: draft, issues: issues)
    }

    private mutating func read() throws(ImportProblem) -> CSVRecordReader.Record? {
        do {
            return try reader.next()
        } catch {
            throw ImportProblem(file: file, line: error.line, field: "quoting", message: error.message)
        }
    }

    private mutating func readHeader() throws(ImportProblem) -> [String] {
        guard let header = try read() else {
            throw ImportProblem(file: file, line: 1, field: "file", message: "empty; expected the header \(CompanyFileFormat.columns.joined(separator: ","))")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var seen = Set<String>()
        for name in names {
            guard CompanyFileFormat.columns.contains(name) else {
                throw ImportProblem(file: file, line: header.line, field: "header",
                                    message: "'\(name)': \(CompanyFileFormat.unknownField(name).message)")
            }
            guard seen.insert(name).inserted else {
                throw ImportProblem(file: file, line: header.line, field: "header", message: "column '\(name)' appears twice")
            }
        }
        for required in CompanyFileFormat.requiredColumns where !seen.contains(required) {
            throw ImportProblem(file: file, line: header.line, field: "header", message: "missing the required column '\(required)'")
        }
        columns = names
        return names
    }
}
