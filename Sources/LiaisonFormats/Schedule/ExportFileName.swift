import Foundation
import LiaisonCore

/// File names built from company ids, safe in any export directory: never `.`, `..`, hidden or
/// holding a path separator, at most ``byteBudget`` bytes whatever the id, the same for an id in
/// every export, and distinct for distinct ids.
public enum ExportFileName {
    /// The most bytes a name takes, leaving room under the usual 255-byte limit (`NAME_MAX`) for
    /// an extension and for the temporary names files are written under.
    public static let byteBudget = 160

    /// `id` as a single file-name component: letters, digits, `-`, `_`, `+`, `@`, `=` and inner
    /// dots are kept; every other character (a `/`, a `\`, a `%`, a `~`, a space, an emoji, a
    /// leading dot…) is percent-encoded as UTF-8, so distinct ids give distinct encodings. An
    /// encoding longer than ``byteBudget`` is cut at a character and ends in `~` and the stable
    /// hash of the whole id (a `~` never comes from an id, which has it encoded).
    ///
    ///     ExportFileName.component("BF/A")                          // "BF%2FA"
    ///     ExportFileName.component(String(repeating: "🚀", count: 21)) // "%F0%9F%9A%80…~1c9f…" (160 bytes)
    public static func component(_ id: String) -> String {
        let units = encodedUnits(id)
        guard units.reduce(0, { $0 + $1.utf8.count }) > byteBudget else { return units.joined() }
        return hashed(units, id)
    }

    /// The names of a set of ids, by id: ``component(_:)``, except that ids whose names a
    /// case-insensitive or normalization-insensitive file system (macOS, Windows) would take for
    /// one name (`CN-a` and `CN-A`) each get the hash of the id appended, so every file stays
    /// separate. A name changes only when an id it collides with joins the set.
    public static func components<S: Sequence>(_ ids: S) -> [String: String] where S.Element == String {
        let ids = Set(ids)
        var names = Dictionary(uniqueKeysWithValues: ids.map { ($0, component($0)) })
        let groups = Dictionary(grouping: ids) { folded(names[$0]!) }
        for (_, group) in groups where group.count > 1 {
            for id in group { names[id] = hashed(encodedUnits(id), id) }
        }
        return names
    }

    /// How a file system that ignores case and Unicode normalization compares names.
    private static func folded(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The encoding of `id` cut to leave room for `~` and its 16-digit hash, then those.
    private static func hashed(_ units: [String], _ id: String) -> String {
        let suffix = "~" + hash(id)
        var name = "", size = 0
        for unit in units {
            guard size + unit.utf8.count + suffix.utf8.count <= byteBudget else { break }
            name += unit
            size += unit.utf8.count
        }
        return name + suffix
    }

    /// FNV-1a of the id's UTF-8, 16 hexadecimal digits.
    private static func hash(_ id: String) -> String {
        let text = String(StableHash.fnv1a(id.utf8), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    /// Each character of `id` as written in a name: itself, or its percent-encoded UTF-8.
    private static func encodedUnits(_ id: String) -> [String] {
        id.unicodeScalars.enumerated().map { index, scalar in
            let kept = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || "-_+@=".unicodeScalars.contains(scalar) || (scalar == "." && index > 0)
            guard !kept else { return String(scalar) }
            return String(scalar).utf8.map { "%" + ($0 < 16 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
        }
    }
}
