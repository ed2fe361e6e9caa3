import LiaisonCore

/// Text from the database made safe to show, before the template escapes it for HTML: hidden
/// characters (``CompanyText/isHidden(_:)``, the ones a company id may not hold) — control
/// characters (a terminal escape `ESC[2J`, a NUL), bidirectional controls (an RTL override that
/// would turn `exe.txt` into `txt.exe`), zero-width and other invisible characters (a zero-width
/// space that makes `Acme` another name than `Acme`) — are shown as visible `[U+XXXX]` marks
/// instead of acting or hiding. A form that sends such a text back as it showed it keeps the
/// stored text (see `ParticipantRoutes.profile`).
enum DisplayText {
    /// An ISO 8601 instant in UTC (`2026-12-07T14:36:06.547Z`, `2026-12-07T14:36:06Z`) as the
    /// console shows instants: `2026-12-07 14:36 UTC`; anything else as it is.
    static func instant(_ iso: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 17, characters[10] == "T", iso.hasSuffix("Z") else { return iso }
        return String(characters[0..<10]) + " " + String(characters[11..<16]) + " UTC"
    }

    /// `text` with every hidden character replaced by its `[U+XXXX]` mark.
    static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "[U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The hidden characters but tab and line feed, which lay out a description's lines.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && scalar != "\n" && CompanyText.isHidden(scalar)
    }
}
