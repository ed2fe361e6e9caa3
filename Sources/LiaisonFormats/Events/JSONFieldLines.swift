import Foundation

/// The line each field and element of a JSON text starts on, by its path as an event file's
/// problems name it (`[1].participants[3].available`), so that a problem found after decoding
/// can say where to look in an editor; and the first field an object gives twice, which
/// Foundation's decoders would take silently, one of the two lost.
public struct JSONFieldLines: Sendable {
    /// A field of one object given again: its path (the later one's), the line of each.
    public struct Repeat: Sendable, Equatable {
        public var path: [PathPart]
        public var line: Int
        public var firstLine: Int
    }

    /// One step of a path: an object's field or an array's position.
    public enum PathPart: Sendable, Equatable {
        case field(String)
        case position(Int)
    }

    private var lines: [String: Int] = [:]
    /// The first field, in the text's order, that its object gives twice; nil when none is.
    public private(set) var repeated: Repeat?

    /// No lines: every path is unknown.
    public init() {}

    /// The lines of `data`'s values. Text that is not JSON gives what was read before it stops.
    public init(_ data: Data) {
        var scanner = Scanner(bytes: [UInt8](data))
        scanner.value(at: [])
        lines = scanner.lines
        repeated = scanner.repeated
    }

    /// The line `path` starts on (a field's name, an element's first character; the second of a
    /// ``repeated`` field); for a path the text does not hold (a field left out), the line of the
    /// nearest entry that holds it.
    public func line(of path: String) -> Int? {
        var path = Substring(path)
        while true {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return path.isEmpty ? nil : lines[""] }
            path = path[..<cut]
        }
    }

    /// `parts` written as problems name a path: `[1].participants[3].available`.
    public static func text(of parts: [PathPart]) -> String {
        parts.reduce(into: "") { text, part in
            switch part {
            case .position(let index): text += "[\(index)]"
            case .field(let name): text += text.isEmpty ? name : ".\(name)"
            }
        }
    }

    /// A reader of valid JSON's structure: it skips over strings, numbers and literals, and keeps
    /// where each value starts.
    private struct Scanner {
        let bytes: [UInt8]
        var at = 0
        var line = 1
        var lines: [String: Int] = [:]
        var repeated: Repeat?

        mutating func value(at path: [PathPart]) {
            skipSpace()
            guard at < bytes.count else { return }
            let text = JSONFieldLines.text(of: path)
            if lines[text] == nil { lines[text] = line }
            switch bytes[at] {
            case UInt8(ascii: "{"): object(at: path)
            case UInt8(ascii: "["): array(at: path)
            case UInt8(ascii: "\""): _ = string()
            default:
                while at < bytes.count, !Self.ends.contains(bytes[at]) { at += 1 }
            }
        }

        private mutating func object(at path: [PathPart]) {
            at += 1
            var seen: [String: Int] = [:]
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { break }
                let keyLine = line
                let key = string()
                let member = path + [.field(key)]
                if let first = seen[key] {
                    if repeated == nil {
                        repeated = Repeat(path: member, line: keyLine, firstLine: first)
                        lines[JSONFieldLines.text(of: member)] = keyLine
                    }
                } else {
                    seen[key] = keyLine
                    lines[JSONFieldLines.text(of: member)] = keyLine
                }
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: ":") { at += 1 }
                value(at: member)
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ",") else { break }
                at += 1
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1 }
        }

        private mutating func array(at path: [PathPart]) {
            at += 1
            var index = 0
            while true {
                skipSpace()
                guard at < bytes.count, bytes[at] != UInt8(ascii: "]") else { break }
                value(at: path + [.position(index)])
                index += 1
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ",") else { break }
                at += 1
            }
            if at < bytes.count, bytes[at] == UInt8(ascii: "]") { at += 1 }
        }

        /// The string that starts here, decoded as JSON decodes it (so that `"a\u0062"` is the
        /// field `ab`), the position moved past it.
        private mutating func string() -> String {
            let start = at
            var escaped = false
            at += 1
            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
                if bytes[at] == UInt8(ascii: "\\") {
                    escaped = true
                    at += 1
                }
                at += 1
            }
            at = min(at + 1, bytes.count)
            let quoted = bytes[start..<at]
            guard escaped else { return String(decoding: quoted.dropFirst().dropLast(), as: UTF8.self) }
            return (try? JSONSerialization.jsonObject(with: Data(quoted), options: .fragmentsAllowed)) as? String
                ?? String(decoding: quoted, as: UTF8.self)
        }

        /// Past white space, counting lines: ended by LF, CRLF, or a CR alone (as old Mac editors write).
        private mutating func skipSpace() {
            while at < bytes.count, Self.space.contains(bytes[at]) {
                if bytes[at] == UInt8(ascii: "\n") || (bytes[at] == UInt8(ascii: "\r") && (at + 1 == bytes.count || bytes[at + 1] != UInt8(ascii: "\n"))) {
                    line += 1
                }
                at += 1
            }
        }

        private static let space: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        private static let ends: Set<UInt8> = space.union([UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")])
    }
}
