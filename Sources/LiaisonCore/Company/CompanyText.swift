import Foundation

/// The rules every text field of a company obeys, and how a value is quoted in a message.
///
/// A field holds no control character (C0, DEL, C1); only `description` may hold line breaks and
/// tabs, because only it is prose, and the organizer's own columns line breaks, because they are
/// kept as written. A line break typed in another field's cell is read as a space
/// (``foldingLineBreaks(_:)``). An id holds no invisible character either (zero-width,
/// bidirectional controls, soft hyphen, byte-order mark: ``isInvisibleInID(_:)``): two ids that
/// look the same must be the same id. Every field is stored in Unicode NFC, so that `Café` typed
/// precomposed or decomposed is one value.
public enum CompanyText {
    /// The longest id accepted, in UTF-8 bytes: ids name agenda files and calendar entries.
    public static let maximumIDBytes = 128
    /// The longest value of any field, in UTF-8 bytes; readers stop copying a field past it.
    public static let maximumFieldBytes = 65_536
    /// How many characters of a value a message quotes.
    public static let quotedCharacters = 80

    /// `text` in Unicode NFC; ASCII text, already NFC, is returned as is without a copy.
    public static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether `scalar` is a control character: C0 (U+0000–U+001F), DEL or C1 (U+0080–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether `scalar` is hidden: it draws nothing, or changes how the text around it reads, so
    /// that two texts that look the same differ. A control character (C0, DEL, C1); a
    /// default-ignorable code point (zero-width space and joiners, word joiner, soft hyphen,
    /// byte-order mark, Hangul fillers, tag characters, bidirectional marks, embeddings, overrides
    /// and isolates…); a line or paragraph separator. Variation selectors, which choose how an
    /// emoji is drawn, are not hidden. The one definition both the id rule
    /// (``isInvisibleInID(_:)``) and the browser's marks (`[U+200B]`) follow.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        if isControl(scalar) { return true }
        if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { return false }
        return scalar.properties.isDefaultIgnorableCodePoint
            || [0x061C, 0x200E, 0x200F, 0x2028, 0x2029].contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether `scalar` is invisible in an id: hidden (``isHidden(_:)``), or white space other
    /// than the plain space — a no-break or ideographic space shows, but as a space it is not.
    public static func isInvisibleInID(_ scalar: Unicode.Scalar) -> Bool {
        scalar != " " && (isHidden(scalar) || scalar.properties.isWhitespace)
    }

    /// Why `value` of `field` breaks the character rules, or nil when it does not: a control
    /// character (tabs and line breaks are allowed when `prose`, line breaks when `lineBreaks`)
    /// or a value over ``maximumFieldBytes``.
    public static func problem(in value: String, prose: Bool = false, lineBreaks: Bool = false) -> String? {
        if value.utf8.count > maximumFieldBytes {
            // The quote, cut short, ends with the size: `longer than 65536 bytes: 'xxxx…' (70000 bytes)`.
            return "longer than \(maximumFieldBytes) bytes: \(quoted(value))"
        }
        // Fast path: printable ASCII only.
        if value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return nil }
        for scalar in value.unicodeScalars where isControl(scalar) {
            if prose, scalar == "\t" { continue }
            if prose || lineBreaks, scalar == "\n" || scalar == "\r" { continue }
            return "holds the control character \(name(of: scalar)) in \(quoted(value)); remove it"
        }
        return nil
    }

    /// `value` with each line break (LF, CR or CRLF), and the white space around it, made one
    /// space: a name typed on two lines of a cell (`广州食品有限公司⏎Guangzhou Foods Co.`) is one
    /// line. Blank lines add nothing.
    public static func foldingLineBreaks(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return value }
        return value.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Why `id` is too long to be an id — a company's or an event's — or nil when it is not:
    /// `longer than 128 bytes: 'xxxx…' (200 bytes)` (over ``maximumIDBytes``, its size said once).
    public static func idLengthProblem(_ id: String) -> String? {
        guard id.utf8.count > maximumIDBytes else { return nil }
        // The quote says the size once the text is cut; written whole, it is said here.
        let quoted = quoted(id)
        return "longer than \(maximumIDBytes) bytes: " + (quoted.hasSuffix("bytes)") ? quoted : "\(quoted) (\(id.utf8.count) bytes)")
    }

    /// `value` as a message quotes it: in single quotes, control and invisible characters written
    /// as `\u{…}`, cut to ``quotedCharacters`` characters with `…` and the full size after it:
    /// `'Solar panels'`, `'xxxx…' (10485760 bytes)`.
    public static func quoted(_ value: String) -> String {
        let (text, cut) = shortened(value)
        return cut ? "'\(text)…' (\(value.utf8.count) bytes)" : "'\(text)'"
    }

    /// `value` as ``quoted(_:)`` writes it, without the quotes: `cross-border-trade`, or
    /// `xxxx… (10485760 bytes)`.
    public static func excerpt(_ value: String) -> String {
        let (text, cut) = shortened(value)
        return cut ? "\(text)… (\(value.utf8.count) bytes)" : text
    }

    /// The first ``quotedCharacters`` characters of `value`, control and invisible characters
    /// escaped, and whether anything was cut.
    private static func shortened(_ value: String) -> (text: String, cut: Bool) {
        var text = ""
        var count = 0
        for character in value {
            if count == quotedCharacters { return (text, true) }
            for scalar in character.unicodeScalars {
                if isControl(scalar) || (scalar != " " && isInvisibleInID(scalar)) {
                    text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return (text, false)
    }

    /// `U+0007`, as a message names a character.
    public static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
