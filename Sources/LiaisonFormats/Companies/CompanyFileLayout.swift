import LiaisonCore

/// What was learned about a company file before its first record: its encoding and separator, or
/// which sheet of a workbook was read; which header names stood for which field, the organizer's own columns, and the problems of
/// the header. Every problem of the header is listed; the records are still read.
public struct CompanyFileLayout: Sendable {
    /// The file as problems name it.
    public var file: String
    /// The format the file was read as, which its contents decide: a workbook named `.csv` is
    /// read as the workbook it is.
    public internal(set) var readAs: CompanyFileFormat
    /// The worksheet read, when the file is a workbook.
    public internal(set) var sheet: String?
    /// The workbook's other sheets, not read, in workbook order.
    public internal(set) var otherSheets: [String] = []
    /// The text encoding (CSV only).
    public var encoding: SheetEncoding?
    /// The field separator (CSV only).
    public var delimiter: Character?
    /// Header names that stood for a field under another name (not merely in other capitals), in
    /// header order: `Company Name` → `name`.
    public var renamed: [(header: String, field: String)] = []
    /// The organizer's own columns, kept with each company, in header order.
    public var extras: [String] = []
    /// Those of ``extras`` stored under another spelling of their name (`Booth No.` →
    /// `Booth No`), the one the database or an earlier file of the import has.
    public var respelt: [String: String] = [:]
    /// Liaison's fields the file has columns for (sheets only: each JSON Lines record names its own).
    public internal(set) var fields: Set<String> = []
    /// Problems of the file as a whole (its encoding, its header); they refuse the import.
    public var problems: [ImportProblem] = []
    /// The `--columns` headers found in this file, as ``ColumnNames/key(_:)`` gives them.
    public internal(set) var mappedHeaders: Set<String> = []
    /// Fields whose required column is missing: their absence is reported once, in the header.
    var missingFields: Set<String> = []
    /// The lines above the header (a title, a date, a note), skipped; empty when the header is the
    /// first line.
    public internal(set) var linesAboveHeader: Range<Int> = 0..<0

    init(file: String, readAs format: CompanyFileFormat) {
        self.file = file
        self.readAs = format
    }

    /// How a problem names the column of `field`: the header as the file spells it when it is not
    /// the field's own name, e.g. `Sector (industry)`.
    public func label(of field: String) -> String {
        guard let header = renamed.first(where: { $0.field == field })?.header else { return field }
        return "\(header) (\(field))"
    }

    /// One line saying how the file was read, or nil for a plain UTF-8, comma-separated file with
    /// Liaison's own column names: `sheet.csv: GB18030, separated by ';'; 'Company Name' → name; kept: Booth`.
    /// A workbook of several sheets says which it read: `sheet 'Delegates' read; 'Notes', 'Hosts' not`.
    public var summary: String? {
        var parts: [String] = []
        if let sheet, !otherSheets.isEmpty {
            parts.append("sheet \(CompanyText.quoted(sheet)) read; \(otherSheets.map(CompanyText.quoted).joined(separator: ", ")) not")
        }
        if let encoding, encoding != .utf8 { parts.append(encoding.rawValue) }
        if let delimiter, delimiter != "," { parts.append(delimiter == "\t" ? "separated by tabs" : "separated by '\(delimiter)'") }
        var text = parts.joined(separator: ", ")
        if !renamed.isEmpty {
            text += (text.isEmpty ? "" : "; ") + "columns " + renamed.map { "'\($0.header)' → \($0.field)" }.joined(separator: ", ")
        }
        if !extras.isEmpty {
            text += (text.isEmpty ? "" : "; ") + "kept " + extras.map { name in
                respelt[name].map { "'\(name)' as '\($0)'" } ?? "'\(name)'"
            }.joined(separator: ", ")
        }
        if !linesAboveHeader.isEmpty {
            let lines = linesAboveHeader.count == 1 ? "line \(linesAboveHeader.lowerBound)"
                : "lines \(linesAboveHeader.lowerBound)–\(linesAboveHeader.upperBound - 1)"
            text += (text.isEmpty ? "" : "; ") + "the header is on line \(linesAboveHeader.upperBound): \(lines) above it skipped"
        }
        return text.isEmpty ? nil : "\(file): \(text)"
    }
}
