import Foundation
import Hummingbird

/// The fields of a submitted form (`application/x-www-form-urlencoded`) or of a URL's query.
struct FormFields: Sendable {
    private var values: [String: [String]]

    init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    /// Parses `a=1&b=x+y`: `+` is a space, `%XX` a byte of UTF-8; a malformed pair is skipped.
    init(urlEncoded text: String) {
        var values: [String: [String]] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String? {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), let value = parts.count > 1 ? decode(parts[1]) : "" else { continue }
            values[name, default: []].append(value)
        }
        self.values = values
    }

    /// The form of a POST: the body, at most 1 MiB, as `application/x-www-form-urlencoded`.
    static func posted(_ request: Request) async throws -> FormFields {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw HTTPError(.unsupportedMediaType, message: "expected a form")
        }
        var request = request
        let body = try await request.collectBody(upTo: 1 << 20)
        return FormFields(urlEncoded: String(buffer: body))
    }

    /// The query of the request's URL.
    static func query(_ request: Request) -> FormFields {
        FormFields(urlEncoded: request.uri.query ?? "")
    }

    /// The field's first value, nil when absent.
    subscript(_ name: String) -> String? { values[name]?.first }

    /// The field's value trimmed, nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// A required field, or a 400 naming it.
    func require(_ name: String) throws -> String {
        guard let value = text(name) else { throw HTTPError(.badRequest, message: "the form lacks '\(name)'") }
        return value
    }

    /// A required whole number, or a 400 naming the field.
    func requireInt(_ name: String) throws -> Int {
        let text = try require(name)
        guard let value = Int(text) else { throw Self.notWhole(name, text) }
        return value
    }

    /// An optional whole number: nil when blank, a 400 when not a number.
    func int(_ name: String) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text) else { throw Self.notWhole(name, text) }
        return value
    }

    /// A field's name as its form's label says it: `maxMeetings` is `max meetings`.
    static func label(_ name: String) -> String {
        name.reduce(into: "") { words, character in
            if character.isUppercase, !words.isEmpty { words += " " }
            words += character.lowercased()
        }
    }

    /// The refusal of `text` written in field `name` where a whole number belongs, naming it as its label does.
    private static func notWhole(_ name: String, _ text: String) -> HTTPError {
        HTTPError(.badRequest, message: "\(label(name)) must be a whole number, not '\(text.prefix(40))'")
    }

    /// Whether a checkbox was ticked.
    func flag(_ name: String) -> Bool { self[name] != nil }
}
