/// Reads the subset of MiniZinc data the forum instances use: `name = value;` assignments whose
/// value is an integer, an array of integers `[1, 2]`, an array of integer sets `[{1, 2}, {}]`
/// or a 2-D array `[| 1, 2 | 3, 4 |]`; `%` starts a comment.
import Foundation

enum DZNReader {
    enum Value: Equatable {
        case integer(Int)
        case integers([Int])
        case sets([Set<Int>])
        case rows([[Int]])
    }

    struct Field {
        var value: Value
        /// The line the assignment starts on.
        var line: Int
        /// For a 2-D array, the line each row starts on.
        var rowLines: [Int] = []
    }

    static func fields(_ text: String) throws(DZNError) -> [String: Field] {
        // Strip comments, keeping line breaks so lines can be counted.
        var clean = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            clean += (line.firstIndex(of: "%").map { line[..<$0] } ?? line[...]) + "\n"
        }
        var fields: [String: Field] = [:]
        var line = 1
        for statement in clean.split(separator: ";", omittingEmptySubsequences: false) {
            let startLine = line + (statement.prefix { $0.isWhitespace }.filter { $0 == "\n" }.count)
            defer { line += statement.filter { $0 == "\n" }.count }
            let body = statement.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !body.isEmpty else { continue }
            guard let equals = body.firstIndex(of: "=") else { throw DZNError(line: startLine, message: "expected name = value, found '\(body.prefix(40))'") }
            let name = body[..<equals].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw DZNError(line: startLine, message: "'\(name)' is not a name")
            }
            let value = try parse(String(body[body.index(after: equals)...]).trimmingCharacters(in: .whitespacesAndNewlines), line: startLine, name: name)
            if fields[name] != nil { throw DZNError(line: startLine, message: "\(name) is assigned twice") }
            var rowLines: [Int] = []
            if case .rows = value {
                // Row k starts after the k-th "|" of the assignment.
                var rowLine = startLine
                var started = false
                for character in body {
                    if character == "\n" { rowLine += 1 }
                    if character == "|" { rowLines.append(rowLine); started = true }
                }
                if started { rowLines.removeLast() }
            }
            fields[name] = Field(value: value, line: startLine, rowLines: rowLines)
        }
        return fields
    }

    private static func parse(_ text: String, line: Int, name: String) throws(DZNError) -> Value {
        if let value = Int(text) { return .integer(value) }
        guard text.hasPrefix("["), text.hasSuffix("]") else { throw DZNError(line: line, message: "\(name): expected an integer or an array") }
        let inner = text.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        if inner.hasPrefix("|") {
            guard inner.hasSuffix("|") else { throw DZNError(line: line, message: "\(name): a 2-D array ends with |]") }
            // Every "|" but the last starts a row.
            let rows = inner.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return .rows(try rows.map { row throws(DZNError) in try integers(row, line: line, name: name) })
        }
        if inner.contains("{") {
            var sets: [Set<Int>] = []
            var rest = Substring(inner)
            while let open = rest.firstIndex(of: "{") {
                guard rest[..<open].allSatisfy({ $0 == "," || $0.isWhitespace }) else {
                    throw DZNError(line: line, message: "\(name): expected a set {…}")
                }
                guard let close = rest[open...].firstIndex(of: "}") else { throw DZNError(line: line, message: "\(name): a set is not closed") }
                sets.append(Set(try integers(String(rest[rest.index(after: open)..<close]), line: line, name: name)))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.allSatisfy({ $0 == "," || $0.isWhitespace }) else { throw DZNError(line: line, message: "\(name): expected a set {…}") }
            return .sets(sets)
        }
        return .integers(try integers(inner, line: line, name: name))
    }

    private static func integers(_ text: String, line: Int, name: String) throws(DZNError) -> [Int] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        var values: [Int] = []
        for (index, part) in parts.enumerated() {
            if part.isEmpty && index == parts.count - 1 { continue }   // a trailing comma
            guard let value = Int(part) else { throw DZNError(line: line, message: "\(name): '\(part)' is not an integer") }
            values.append(value)
        }
        return values
    }
}
