import Foundation
import LiaisonCore

/// The file formats companies are imported from and exported to.
public enum CompanyFileFormat: String, CaseIterable, Sendable {
    /// CSV with the header `id,name,country,region,city,size,languages,naics,industry,offers,seeks,description`.
    case csv
    /// JSON Lines: one object per line with the same fields; offers and seeks as objects.
    case jsonl
    /// An Office Open XML workbook (Excel, WPS, LibreOffice): one worksheet read as a CSV file is.
    /// Read only: exports are CSV or JSON Lines.
    case xlsx

    /// The format a file's extension names: `.csv` — or `.tsv` and `.txt`, what spreadsheets save
    /// as "Text (Tab delimited)" and "Unicode Text", read as CSV is, by their separator —,
    /// `.jsonl` / `.ndjson`, or `.xlsx` / `.xlsm`.
    public init?(inferredFrom url: URL) {
        switch url.pathExtension.lowercased() {
        case "csv", "tsv", "txt": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        case "xlsx", "xlsm": self = .xlsx
        default: return nil
        }
    }

    /// The format `data` is in by its contents alone, when they say: a spreadsheet application's
    /// own file (a zip archive, an OLE compound file) is read as a workbook whatever its name,
    /// and refused as one when it is not an .xlsx. Nil for text.
    public init?(contentsOf data: Data) {
        guard XLSXWorkbook.isSpreadsheetFile(data) else { return nil }
        self = .xlsx
    }

    /// What `data` is when it is a spreadsheet saved in a form that is neither a sheet nor a
    /// workbook Liaison reads — an XML Spreadsheet 2003 file or a web page (HTML), as Excel saves
    /// them and as some systems export ".xls" files — whatever its name; nil otherwise.
    public static func foreignDocument(_ data: Data) -> String? {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
        guard head.hasPrefix("<") else { return nil }
        if head.contains("urn:schemas-microsoft-com:office:spreadsheet") { return "an XML Spreadsheet 2003 file" }
        if ["<html", "<!doctype html", "<table"].contains(where: head.hasPrefix) || (head.hasPrefix("<?xml") && head.contains("<html")) {
            return "a web page (HTML table)"
        }
        return nil
    }

    /// The formats companies are exported in (``CompanyWriter``): a workbook is read, never written.
    public static let exportable: [CompanyFileFormat] = [.csv, .jsonl]

    /// The standard CSV columns, in the order Liaison writes them.
    public static let columns = ["id", "name", "country", "region", "city", "size", "languages",
                                 "naics", "industry", "offers", "seeks", "description"]
    /// The contact columns, written after the standard ones when any company has a contact.
    public static let contactColumns = ["contact", "email", "phone", "website"]
    /// Every field of a company file.
    public static let allColumns = columns + contactColumns
    /// The columns a company's profile comes from: its offers (given, or from its industry or
    /// NAICS code) and its seeks.
    public static let profileColumns: Set<String> = ["offers", "seeks", "industry", "naics"]
    /// The JSON Lines key of the organizer's own columns: a list of `{"name":…,"value":…}`.
    public static let extraKey = "extra"
    /// The problem of a field or column that is not one of ``allColumns``.
    static func unknownField(_ name: String) -> FieldIssue {
        FieldIssue(field: name, message: "unknown field; fields are \(allColumns.joined(separator: ",")) and \(extraKey)")
    }

    /// Columns every sheet must have (under these names or one of their ``ColumnNames``).
    static let requiredColumns = ["id", "name", "country"]
}

/// One record read from a company file: where it starts, the fields it gives, and any problem
/// found while reading them (a weight that is not a number, a field of the wrong JSON type).
struct CompanyFileRecord {
    var line: Int
    /// The fields read, nil when the record could not be split into fields at all (a wrong
    /// field count, a line that is not a JSON object or not UTF-8).
    var draft: CompanyDraft?
    var issues: [FieldIssue]
}

/// A reader of company records from one file, after its layout was read. `next()` throws an
/// ``ImportProblem`` when the file cannot be read any further (malformed quoting).
protocol CompanyRecordSource: Sendable {
    mutating func next() throws(ImportProblem) -> CompanyFileRecord?
}

extension CompanyFileFormat {
    /// How `data` in this format is laid out, and a reader of its records; `file` names the file
    /// in problems, `columns` names the columns of a sheet's header that Liaison does not
    /// recognize, `sheet` the worksheet of a workbook to read (nil: its first visible one). A
    /// workbook is read as one whatever format it was named as.
    func open(_ data: Data, file: String, columns: HeaderMapping, sheet: String? = nil,
              limits: WorkbookLimits = .default) -> (layout: CompanyFileLayout, source: any CompanyRecordSource) {
        switch CompanyFileFormat(contentsOf: data) ?? self {
        case .csv:
            return CompanyCSVSource.open(data, file: file, columns: columns)
        case .jsonl:
            return (CompanyFileLayout(file: file, readAs: .jsonl), CompanyJSONLinesSource(data: data, file: file))
        case .xlsx:
            return CompanyWorkbookSource.open(data, file: file, columns: columns, sheet: sheet, limits: limits)
        }
    }
}
