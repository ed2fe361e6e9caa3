import Foundation

extension Taxonomy {
    /// The NAICS sectors whose official code is a range, and the code Liaison stores for each: its
    /// first, under which the taxonomy files the whole sector.
    static let naicsSectorRanges: [String: String] = ["31-33": "31", "44-45": "44", "48-49": "48"]

    /// The NAICS code a sheet means by `text`, nil when it holds none: a code of 2 to 6 digits,
    /// also in full-width digits (`５４１５１１`), as Excel writes it as a number (`541511.0`), or
    /// followed by its title (`541511 - Custom Computer Programming Services`,
    /// `4841 Trucking`); one of the sectors whose code is a range (`31-33`, `44-45`, `48-49`, also
    /// with a title) is its first code. Anything else, two codes included, is no code.
    public static func naicsCode(reading text: String) -> String? {
        let folded = text.precomposedStringWithCompatibilityMapping.trimmingWhitespace()
        if isNAICSCode(folded) { return folded }
        let digits = folded.prefix(while: \.isASCIIDigit)
        guard isNAICSCode(String(digits)) else { return nil }
        var rest = folded[digits.endIndex...]
        if rest.first == ".", rest.dropFirst().allSatisfy({ $0 == "0" }), rest.count > 1 { return String(digits) }
        var code = String(digits)
        let dashes: Set<Character> = ["-", "–", "—"]
        let beforeDash = rest.drop(while: \.isWhitespace)
        if let dash = beforeDash.first, dashes.contains(dash) {
            let afterDash = beforeDash.dropFirst().drop(while: \.isWhitespace)
            let upper = afterDash.prefix(while: \.isASCIIDigit)
            if !upper.isEmpty {
                guard let first = naicsSectorRanges["\(digits)-\(upper)"] else { return nil }
                code = first
                rest = afterDash[upper.endIndex...]
                if rest.isEmpty { return code }
            }
        }
        // A title after the code: a separator, then words starting with a letter.
        guard let separator = rest.first, separator.isWhitespace || dashes.contains(separator) || separator == ":" else { return nil }
        let title = rest.drop { $0.isWhitespace || dashes.contains($0) || $0 == ":" }
        guard let initial = title.first, initial.isLetter else { return nil }
        return code
    }
}
