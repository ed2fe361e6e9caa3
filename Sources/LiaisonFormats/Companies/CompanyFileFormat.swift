import Foundation
import LiaisonCore

/// The file formats companies are imported from and exported to.
public enum CompanyFileFormat: String, CaseIterable, Sendable {
    /// CSV with the header `id,name,country,region,city,size,languages,naics,industry,offers,seeks,description`.
    case csv
    /// JSON Lines: one object per line with the same fields; offers and seeks as objects.
    case jsonl

    /// The format a file's extension names: `.csv`, or `.jsonl` / `.ndjson`.
    public init?(inferredFrom url: URL) {
        switch url.pathExtension.lowercased() {
        case "csv": self = .csv
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }

    /// The CSV columns, in the order Liaison writes them.
    public static let columns = ["id", "name", "country", "region", "city", "size", "languages",
                                 "naics", "industry", "offers", "seeks", "description"]
    /// The problem of a field or column that is not one of ``columns``.
    static func unknownField(_ name: String) -> FieldIssue {
        FieldIssue(field: name, message: "unknown field; fields are \(columns.joined(separator: ","))")
    }

    /// Columns every CSV must have.
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

/// A reader of company records from one file. `next()` throws an ``ImportProblem`` when the file
/// cannot be read any further (malformed quoting, a bad header, an empty file).
protocol CompanyRecordSource: Sendable {
    mutating func next() throws(ImportProblem) -> CompanyFileRecord?
}

extension CompanyFileFormat {
    /// A reader of `data` in this format; `file` names the file in problems.
    func source(for data: Data, file: String) -> any CompanyRecordSource {
        switch self {
        case .csv: CompanyCSVSource(data: data, file: file)
        case .jsonl: CompanyJSONLinesSource(data: data, file: file)
        }
    }
}
