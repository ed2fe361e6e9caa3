/// Text from the database made safe to show, before the template escapes it for HTML: control
/// characters (a terminal escape `ESC[2J`, a NUL) and bidirectional controls (an RTL override
/// that would turn `exe.txt` into `txt.exe`) are shown as visible `[U+XXXX]` marks instead of
/// acting. Form fields that send a value back keep it as it is (escaped by the template only).
enum DisplayText {
    /// An ISO 8601 instant in UTC (`2026-12-07T14:36:06.547Z`, `2026-12-07T14:36:06Z`) as the
    /// console shows instants: `2026-12-07 14:36 UTC`; anything else as it is.
    static func instant(_ iso: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 17, characters[10] == "T", iso.hasSuffix("Z") else { return iso }
        return String(characters[0..<10]) + " " + String(characters[11..<16]) + " UTC"
    }

    /// `text` with every control and bidirectional-control character replaced by its `[U+XXXX]` mark.
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

    /// Controls (C0 but tab and line feed, DEL, C1) and the bidirectional formatting characters.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x061C, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
