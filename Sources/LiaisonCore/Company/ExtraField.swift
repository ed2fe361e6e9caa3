/// A column of an organizer's sheet that is none of Liaison's fields (a booth number, a hall, a
/// note), kept per company with its value so that an export gives it back.
public struct ExtraField: Hashable, Sendable, Codable {
    /// The column's name as the sheet's header spells it (trimmed), e.g. `Booth No`.
    public var name: String
    /// The company's value in that column; never empty (an empty cell keeps nothing).
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
