import Foundation
import Testing

/// An iCalendar file read back: physical lines checked, unfolded, split into properties.
public struct ICSFile {
    public struct Property: Equatable {
        public var name: String
        public var parameters: [String]
        public var value: String

        public init(name: String, parameters: [String], value: String) {
            self.name = name
            self.parameters = parameters
            self.value = value
        }
    }

    public var physicalLines: [String]
    public var properties: [Property]

    /// A continuation line without its leading space (or tab), whatever follows it.
    public static func withoutFirstScalar(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.dropFirst()))
    }

    /// Physical lines joined back into one content line.
    public static func unfolded(_ lines: [String]) -> String {
        lines.first! + lines.dropFirst().map(withoutFirstScalar).joined()
    }

    /// Reads `data`, recording every line-level problem: a line end other than CRLF, a
    /// physical line above 75 octets, a folded line that does not start with a space.
    public init(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"), "the last line does not end in CRLF", sourceLocation: sourceLocation)
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        physicalLines = lines
        var logical: [String] = []
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"), "a bare line break in \(line.debugDescription)", sourceLocation: sourceLocation)
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line.debugDescription)", sourceLocation: sourceLocation)
            // Folding works on octets, so a continuation may begin with a combining mark that
            // joins the space into one Character: compare and drop by scalar.
            if let first = line.unicodeScalars.first, first == " " || first == "\t" {
                #expect(!logical.isEmpty, sourceLocation: sourceLocation)
                logical[logical.count - 1] += Self.withoutFirstScalar(line)
            } else {
                logical.append(line)
            }
        }
        properties = logical.map { line in
            // The value starts after the first colon outside a quoted parameter value.
            var quoted = false
            var split = line.endIndex
            for index in line.indices {
                if line[index] == "\"" { quoted.toggle() }
                if line[index] == ":" && !quoted { split = index; break }
            }
            let head = line[..<split].split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            let value = split < line.endIndex ? String(line[line.index(after: split)...]) : ""
            return Property(name: head[0], parameters: Array(head.dropFirst()), value: value)
        }
    }

    /// The components `BEGIN:kind` … `END:kind` (not nested in one another), each as its properties.
    public func components(_ kind: String) -> [[Property]] {
        var result: [[Property]] = []
        var current: [Property]?
        for property in properties {
            if property.name == "BEGIN" && property.value == kind { current = [] }
            else if property.name == "END" && property.value == kind, let done = current { result.append(done); current = nil }
            else if current != nil { current!.append(property) }
        }
        return result
    }

    /// RFC 5545 TEXT unescaping.
    public static func unescaped(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "n", "N": result.append("\n")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension Array where Element == ICSFile.Property {
    public func value(_ name: String) -> String? { first { $0.name == name }?.value }
    public func property(_ name: String) -> ICSFile.Property? { first { $0.name == name } }
}

/// Just enough HTML reading to check what a page shows.
public enum HTMLText {
    /// The text of an HTML fragment as a browser shows it: tags dropped, character references decoded.
    public static func text(_ html: Substring) -> String {
        var withoutTags = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { withoutTags.append(character) }
        }
        return decoded(withoutTags)
    }

    /// Text as a browser lays it out: every run of HTML's white space (space, tab, line breaks,
    /// form feed; not the no-break spaces) shown as one space, none at the ends.
    public static func shown(_ text: String) -> String {
        text.split { $0 == "\r\n" || " \t\n\r\u{0C}".contains($0) }.joined(separator: " ")
    }

    public static func decoded(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 10 {
                let name = String(after[..<semi])
                let named = ["lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
                var scalar: String?
                if let value = named[name] { scalar = value }
                else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16) { scalar = Unicode.Scalar(code).map(String.init) }
                else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()) { scalar = Unicode.Scalar(code).map(String.init) }
                if let scalar {
                    result += scalar
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }

    /// The fragments between each `open` and the next `close` after it.
    public static func fragments(_ html: String, from open: String, to close: String) -> [Substring] {
        var result: [Substring] = []
        var rest = html[...]
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else { break }
            result.append(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        return result
    }

    public static func count(_ needle: String, in haystack: Substring) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
