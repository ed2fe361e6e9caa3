/// File names built from company ids, safe in any export directory.
public enum ExportFileName {
    /// `id` as a single file-name component: letters, digits, `-`, `_`, `+`, `@`, `=` and inner
    /// dots are kept; every other character (a `/`, a `\`, a `%`, a space, a leading dot…) is
    /// percent-encoded as UTF-8. Distinct ids give distinct names, and no name is `.`, `..`,
    /// hidden or holds a path separator.
    public static func component(_ id: String) -> String {
        var name = ""
        for (index, scalar) in id.unicodeScalars.enumerated() {
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || "-_+@=".unicodeScalars.contains(scalar) || (scalar == "." && index > 0)
            if kept {
                name.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { name += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2) }
            }
        }
        return name
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
