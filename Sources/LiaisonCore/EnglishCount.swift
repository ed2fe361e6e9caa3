/// A count with its noun, as English says it: "1 slot", "2 slots", "1 company", "3 companies".
public enum EnglishCount {
    /// `count` and the noun, singular for exactly one; `plural` defaults to the singular with an `s`.
    public static func of(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
