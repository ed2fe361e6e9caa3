import Foundation
import LiaisonCore
import LiaisonFormats
import Testing

@Suite("The line of each field of a JSON text, and a field given twice")
struct JSONFieldLinesTests {
    /// A JSON value to write out.
    indirect enum Value {
        case object([(String, Value)])
        case array([Value])
        case text(String)
        case number(Int)
        case literal(String)
    }

    /// Characters a string or a field's name may hold: JSON's own punctuation, escapes, others' scripts.
    static let characters = Array("ab z{}[]\",:\\\n\t/éé中😀\u{7}")

    static func randomText<G: RandomNumberGenerator>(_ generator: inout G) -> String {
        String((0..<Int.random(in: 0...6, using: &generator)).map { _ in characters.randomElement(using: &generator)! })
    }

    static func randomValue<G: RandomNumberGenerator>(depth: Int, _ generator: inout G) -> Value {
        switch Int.random(in: 0..<(depth < 4 ? 5 : 3), using: &generator) {
        case 0: return .text(randomText(&generator))
        case 1: return .number(Int.random(in: -1_000...1_000, using: &generator))
        case 2: return .literal(["true", "false", "null"].randomElement(using: &generator)!)
        case 3:
            // Names unique in their object, and free of the path's own punctuation.
            var names = Set<String>()
            return .object((0..<Int.random(in: 0...4, using: &generator)).compactMap { _ in
                let name = randomText(&generator).filter { $0 != "." && $0 != "[" }
                guard names.insert(name).inserted else { return nil }
                return (name, randomValue(depth: depth + 1, &generator))
            })
        default:
            return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in randomValue(depth: depth + 1, &generator) })
        }
    }

    /// `text` as a JSON string, some characters written as `\u` escapes.
    static func quoted<G: RandomNumberGenerator>(_ text: String, _ generator: inout G) -> String {
        "\"" + text.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            default:
                if scalar.value < 0x20 || (scalar.value < 0x10000 && Bool.random(using: &generator)) {
                    return String(format: "\\u%04x", scalar.value)
                }
                return String(scalar)
            }
        }.joined() + "\""
    }

    /// Writes `value` out, breaking lines at random between entries, and notes the line each
    /// path starts on: a field at its name, an element where it starts.
    static func write<G: RandomNumberGenerator>(_ value: Value, path: String, into text: inout String, line: inout Int,
                                                lines: inout [String: Int], _ generator: inout G) {
        func gap() {
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: text += "\n"; line += 1
            case 1: text += "\r\n  "; line += 1
            case 2: text += " "
            default: break
            }
        }
        switch value {
        case .object(let members):
            text += "{"
            for (index, (name, member)) in members.enumerated() {
                if index > 0 { text += "," }
                gap()
                let memberPath = path.isEmpty ? name : path + "." + name
                lines[memberPath] = line
                text += quoted(name, &generator) + (Bool.random(using: &generator) ? ": " : ":")
                write(member, path: memberPath, into: &text, line: &line, lines: &lines, &generator)
            }
            gap()
            text += "}"
        case .array(let elements):
            text += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { text += "," }
                gap()
                lines[path + "[\(index)]"] = line
                write(element, path: path + "[\(index)]", into: &text, line: &line, lines: &lines, &generator)
            }
            gap()
            text += "]"
        case .text(let string): text += quoted(string, &generator)
        case .number(let number): text += "\(number)"
        case .literal(let literal): text += literal
        }
    }

    @Test("random JSON texts, lines broken anywhere: every field and element is found on the line it was written on", arguments: Array(UInt64(0)..<40))
    func randomTexts(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        var value = Self.randomValue(depth: 0, &generator)
        if Bool.random(using: &generator) { value = .array([value, Self.randomValue(depth: 1, &generator)]) }
        var text = "", line = 1, expected: [String: Int] = [:]
        Self.write(value, path: "", into: &text, line: &line, lines: &expected, &generator)
        let data = Data(text.utf8)
        #expect((try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)) != nil, "the test wrote no JSON: \(text)")
        let found = JSONFieldLines(data)
        #expect(found.repeated == nil, "\(text)")
        for (path, line) in expected {
            #expect(found.line(of: path) == line, "\(path) in \(text)")
        }
    }

    @Test("a path the text does not hold is found at its nearest entry")
    func nearest() {
        let found = JSONFieldLines(Data("[\n{\"a\": 1,\n \"b\": {\n  \"c\": 2}},\n{\"a\": 3}]".utf8))
        #expect(found.line(of: "[0].b.d") == 3)
        #expect(found.line(of: "[0].b.c") == 4)
        #expect(found.line(of: "[1].z") == 5)
        #expect(found.line(of: "[7].a") == 1)
        #expect(JSONFieldLines().line(of: "a") == nil)
    }

    @Test("a field an object gives twice is found with both lines, however its name is written; the same field in two objects is not", arguments: [
        ("{\"a\": 1,\n\"b\": 2,\n\"a\": 3}", "a", 3, 1),
        ("{\"x\": [{\"id\": 1},\n{\"id\": 2,\n \"name\": \"n\",\n \"n\\u0061me\": \"m\"}]}", "x[1].name", 4, 3),
        ("{\"caf\u{E9}\": 1,\n \"cafe\u{301}\": 2}", "café", 2, 1),
        ("{\"s\": \"{\\\"a\\\": 1, \\\"a\\\": 2}\",\n \"t\": {\"u\": 1}, \"t\": 2}", "t", 2, 2),
    ] as [(String, String, Int, Int)])
    func repeated(text: String, path: String, line: Int, firstLine: Int) throws {
        let found = try #require(JSONFieldLines(Data(text.utf8)).repeated, "\(text)")
        #expect(JSONFieldLines.text(of: found.path) == path)
        #expect(found.line == line && found.firstLine == firstLine)
        #expect(JSONFieldLines(Data(text.utf8)).line(of: path) == line)
    }

    @Test("the same field in different objects, or a name inside a string, is no repeat")
    func notRepeated() {
        #expect(JSONFieldLines(Data(#"[{"a": 1}, {"a": 2, "b": {"a": 3}}, "\"a\": 4, \"a\""]"#.utf8)).repeated == nil)
    }
}
