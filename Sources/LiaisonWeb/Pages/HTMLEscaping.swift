import Mustache

/// The templates' HTML escaping (every `{{name}}`), done on UTF-8 bytes: the five characters the
/// template engine's own escaping replaces — `&`, `<`, `>`, `"`, `'` — become the same entities,
/// and text holding none of them (most of a page's) is passed on as it is. The engine's escaping
/// goes character by character through a dictionary, which cost a third of rendering a
/// participant's page. Each byte is looked at, not each character: a `<` followed by a combining
/// mark is escaped too.
///
/// `layout.mustache` opens with `{{% CONTENT_TYPE: HTML_BYTES }}`, so every page is escaped so
/// (a partial included inside a page would fall back to the engine's escaping, which is the same
/// but slower).
struct HTMLEscaping: MustacheContentType {
    /// The name templates choose it by.
    static let name = "HTML_BYTES"

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscape) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
