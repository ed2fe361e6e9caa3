import Foundation
import LiaisonCore

/// Reads companies from JSON Lines: one JSON object per line, with the CSV's field names;
/// `languages` a list of codes, `offers` and `seeks` objects of sector → weight, `extra` a list
/// of the organizer's own columns (`{"name":"Booth","value":"A12"}`). `revision` and `updatedAt`
/// (or `updated_at`, as Liaison once wrote it), which `companies show` prints, are accepted and
/// ignored, so that what Liaison prints imports back — also as `companies show --format json`
/// prints it, over several lines: a line that is only `{` starts an object that runs to the line
/// where its braces close.
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

    /// The longest line read: room for every field at its longest.
    static let maximumLineBytes = 4 * CompanyText.maximumFieldBytes

    mutating func next() throws(ImportProblem) -> CompanyFileRecord? {
        while position < data.count {
            var end = data[position...].firstIndex(of: UInt8(ascii: "\n")) ?? data.count
            line += 1
            let first = line
            if end - position <= 8, data[position..<end].filter({ !Self.isSpace($0) }).elementsEqual([UInt8(ascii: "{")]) {
                end = objectEnd(from: position)
                line += data[position..<end].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            }
            let bytes = data[position..<end]
            position = end + 1
            guard bytes.count <= Self.maximumLineBytes else {
                return CompanyFileRecord(line: first, draft: nil, issues: [
                    FieldIssue(field: "line", message: "longer than \(Self.maximumLineBytes) bytes; the line was not read")
                ])
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return CompanyFileRecord(line: first, draft: nil, issues: [FieldIssue(field: "line", message: "not valid UTF-8")])
            }
            if text.allSatisfy(\.isWhitespace) { continue }
            do {
                let object = try JSONDecoder().decode(CompanyObject.self, from: Data(text.utf8))
                return CompanyFileRecord(line: first, draft: object.draft, issues: object.issues)
            } catch {
                return CompanyFileRecord(line: first, draft: nil, issues: [FieldIssue(field: "json", message: Self.describe(error))])
            }
        }
        return nil
    }

    /// Where the object opening at `start` ends: the line end after its closing brace, or a line
    /// end inside a string (JSON has none there: the object is cut), or the end of the data.
    private func objectEnd(from start: Int) -> Int {
        var depth = 0, inString = false, escaped = false
        for index in start..<data.count {
            let byte = data[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false } else if byte == UInt8(ascii: "\n") { return index }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "\n") where depth <= 0: return index
            default: break
            }
        }
        return data.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

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
            if Self.shownOnly.contains(field) { continue }
            if field == CompanyFileFormat.extraKey {
                guard try !container.decodeNil(forKey: key) else { continue }
                do throws(FieldIssue) { draft.extras = try Self.extras(container, key) } catch { issues.append(error) }
                continue
            }
            guard CompanyFileFormat.allColumns.contains(field) else {
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

    /// What `companies show --format json` adds to a company, ignored on import.
    private static let shownOnly: Set<String> = ["revision", "updatedAt", "updated_at"]

    /// The organizer's own columns, written as a list of `{"name":…,"value":…}`.
    private static func extras(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws(FieldIssue) -> [ExtraField] {
        guard let list = try? container.decode([ExtraField].self, forKey: key) else {
            throw FieldIssue(field: key.stringValue, message: "expected a list of {\"name\": …, \"value\": …}")
        }
        var seen = Set<String>()
        for extra in list {
            if let field = ColumnNames.field(named: extra.name) {
                throw FieldIssue(field: key.stringValue, message: "\(CompanyText.quoted(extra.name)) is a name of \(field); give it as \(field)")
            }
            guard seen.insert(ColumnNames.key(extra.name)).inserted else {
                throw FieldIssue(field: key.stringValue, message: "\(CompanyText.quoted(extra.name)) is listed twice")
            }
        }
        return list
    }

    /// A profile written as an object of sector → weight.
    private static func profile(_ container: KeyedDecodingContainer<Key>, _ key: Key) throws(FieldIssue) -> [ProfileEntry] {
        let field = key.stringValue
        guard let object = try? container.decode([String: Weight].self, forKey: key) else {
            throw FieldIssue(field: field, message: "expected an object of sector → weight")
        }
        return try object.sorted(by: { $0.key < $1.key }).map { (sector, weight) throws(FieldIssue) in
            guard let value = weight.value else { throw FieldIssue(field: field, message: "weight of \(CompanyText.excerpt(sector)) is not a number") }
            return ProfileEntry(sector: sector, weight: value)
        }
    }
}
