import Foundation
import LiaisonCore

/// Reads companies from JSON Lines: one JSON object per line, with the CSV's field names;
/// `languages` a list of codes, `offers` and `seeks` objects of sector → weight.
///
///     {"id":"CN-0001","name":"Jade Harbor Foods","country":"CN","offers":{"agriculture-food":1},"seeks":{"retail":0.5}}
struct CompanyJSONLinesSource: CompanyRecordSource {
    private let data: Data
    private let file: String
    private var position = 0
    private var line = 0

    init(data: Data, file: String) {
        self.data = data
        self.file = file
        position = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    mutating func next() throws(ImportProblem) -> CompanyFileRecord? {
        while position < data.count {
            let end = data[position...].firstIndex(of: UInt8(ascii: "\n")) ?? data.count
            let bytes = data[position..<end]
            position = end + 1
            line += 1
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return CompanyFileRecord(line: line, draft: nil, issues: [FieldIssue(field: "line", message: "not valid UTF-8")])
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            do {
                let object = try JSONDecoder().decode(CompanyObject.self, from: Data(text.utf8))
                return CompanyFileRecord(line: line, draft: object.draft, issues: object.issues)
            } catch {
                return CompanyFileRecord(line: line, draft: nil, issues: [FieldIssue(field: "json", message: Self.describe(error))])
            }
        }
        return nil
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.typeMismatch = error { return "each line must be one JSON object" }
        return "not valid JSON"
    }
}

/// One line's object, decoded field by field so that each wrong field is reported on its own.
private struct CompanyObject: Decodable {
    var draft = CompanyDraft()
    var issues: [FieldIssue] = []

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A weight as written: a number, or whatever else stood there.
    private struct Weight: Decodable {
        var value: Double?
        init(from decoder: any Decoder) throws {
            value = try? decoder.singleValueContainer().decode(Double.self)
        }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        for key in container.allKeys {
            let field = key.stringValue
            guard CompanyFileFormat.columns.contains(field) else {
                issues.append(CompanyFileFormat.unknownField(field))
                continue
            }
            guard try !container.decodeNil(forKey: key) else { continue }
            do throws(FieldIssue) {
                if let text = try? container.decode(String.self, forKey: key) {
                    try draft.setField(field, text: text)
                } else if field == "naics", let code = try? container.decode(Int.self, forKey: key) {
                    try draft.setField(field, text: String(code))
                } else if field == "languages", let codes = try? container.decode([String].self, forKey: key) {
                    draft.languages = codes
                } else if field == "offers" || field == "seeks" {
                    let entries = try Self.profile(container, key)
                    if field == "offers" { draft.offers = entries } else { draft.seeks = entries }
                } else {
                    throw FieldIssue(field: field, message: field == "languages" ? "expected a list of language codes" : "expected a string")
                }
            } catch {
                issues.append(error)
            }
        }
    }

    /// A profile written as an object of sector → weight.
    private static func profile(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws(FieldIssue) -> [ProfileEntry] {
        let field = key.stringValue
        guard let object = try? container.decode([String: Weight].self, forKey: key) else {
            throw FieldIssue(field: field, message: "expected an object of sector → weight")
        }
        return try object.sorted(by: { $0.key < $1.key }).map { (sector, weight) throws(FieldIssue) in
            guard let value = weight.value else { throw FieldIssue(field: field, message: "weight of \(sector) is not a number") }
            return ProfileEntry(sector: sector, weight: value)
        }
    }
}
