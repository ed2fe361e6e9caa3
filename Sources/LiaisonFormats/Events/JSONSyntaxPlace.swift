import Foundation

/// Where JSON text stops being JSON, in words a person can find in an editor: `not valid JSON
/// at line 3, column 9`, or that the text ends before its JSON does. Foundation's decoder says
/// only "not valid JSON"; its JSONSerialization gives the byte the parse failed at, which is
/// turned into a line and a column (counted in characters, from 1).
enum JSONSyntaxPlace {
    /// `data` parsed (see `JSONSerialization`), or why it is not JSON.
    static func parse(_ data: Data) -> Result<Any, Refusal> {
        do {
            return .success(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
        } catch {
            return .failure(Refusal(message: refusal(data, error)))
        }
    }

    /// Why a text is not JSON, in words.
    struct Refusal: Error {
        let message: String
    }

    /// Where `data` stopped being JSON, as `error`, JSONSerialization's, says.
    private static func refusal(_ data: Data, _ error: any Error) -> String {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? ""
        if let match = detail.firstMatch(of: /around (?:character|line \d+, column) (\d+)/), let offset = Int(match.output.1) {
            let (line, column) = place(of: min(offset, data.count), in: data)
            return "not valid JSON at line \(line), column \(column)"
        }
        if detail.localizedCaseInsensitiveContains("end of file") {
            return "not valid JSON: the text ends before its JSON does (line \(place(of: data.count, in: data).line))"
        }
        return "not valid JSON"
    }

    /// The line and column (from 1) of the byte at `offset`.
    static func place(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let start = before.lastIndex(of: UInt8(ascii: "\n")).map { before.index(after: $0) } ?? before.startIndex
        return (line, String(decoding: before[start...], as: UTF8.self).count + 1)
    }
}
