import Foundation

/// A day written on one line, as `liaison event create --day` and the console's create-event form
/// take it: one reader for both, so a day means the same at the terminal and in the browser.
///
///     try EventDay(text: "2027-05-11,09:00,12,break-after=6,break-minutes=30")
extension EventDay {
    /// How a day is written as text, for help and messages.
    public static let textForm = "DATE,START,SLOTS[,break-after=N,break-minutes=M]"
    /// A day written as text.
    public static let textExample = "2027-05-11,09:00,12,break-after=6,break-minutes=30"

    /// Reads a day written `DATE,START,SLOTS`, optionally followed by its pause
    /// `,break-after=N,break-minutes=M` (spaces around parts are ignored). The date and start
    /// must have their shape here; whether the day fits its event is ``EventSpec/problems``'s
    /// to say.
    public init(text: String) throws(EventTextError) {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count >= 3, !parts[0..<3].contains(where: { $0.contains("=") }) else { throw .dayShape }
        guard EventSpec.isDate(parts[0]) else { throw .date(parts[0]) }
        guard EventSpec.minutes(parts[1]) != nil else { throw .start(parts[1]) }
        let slots = try Self.number(parts[2], part: "SLOTS")
        var breakAfter: Int?, breakMinutes: Int?
        for part in parts.dropFirst(3) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { throw .dayShape }
            switch pair[0] {
            case "break-after":
                guard breakAfter == nil else { throw .repeatedPart(pair[0]) }
                breakAfter = try Self.number(pair[1], part: pair[0])
            case "break-minutes":
                guard breakMinutes == nil else { throw .repeatedPart(pair[0]) }
                breakMinutes = try Self.number(pair[1], part: pair[0])
            default: throw .unknownPart(pair[0])
            }
        }
        if breakMinutes != nil, breakAfter == nil { throw .pauseWithoutSlot }
        self.init(date: parts[0], start: parts[1], slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes ?? 0)
    }

    private static func number(_ text: String, part: String) throws(EventTextError) -> Int {
        guard let value = Int(text) else { throw .number(part: part, value: text) }
        return value
    }
}
