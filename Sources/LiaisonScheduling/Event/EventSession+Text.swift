import Foundation

/// Sessions written as text, as `liaison event create --session` and the console's create-event
/// form take them.
///
///     try EventSession.list(text: "morning=1-6, afternoon=7-12")
extension EventSession {
    /// How a session is written as text.
    public static let textForm = "NAME=SLOTS"

    /// Reads a session written `NAME=SLOTS`, e.g. `morning=1-6` or `first=1-4,7`.
    public init(text: String) throws(EventTextError) {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .sessionShape(text.trimmingCharacters(in: .whitespaces)) }
        guard let slots = SlotSet(parsing: parts[1]) else { throw .sessionSlots(name: parts[0], slots: parts[1]) }
        self.init(name: parts[0], slots: slots)
    }

    /// Reads sessions written one after another, separated by commas, semicolons or line breaks:
    /// `morning=1-6, afternoon=7-12`. A part that is only slots continues the session before it,
    /// so `first=1-4,7, second=8-12` holds slots 1-4 and 7 in `first`. Blank text is no session.
    public static func list(text: String) throws(EventTextError) -> [EventSession] {
        var texts: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
            let piece = piece.trimmingCharacters(in: .whitespaces)
            guard !piece.isEmpty else { continue }
            // Slots (`7`, `9-10`) continue the session before; anything else starts one.
            let continues = !texts.isEmpty && !piece.contains("=") && piece.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }
            if continues { texts[texts.count - 1] += "," + piece } else { texts.append(piece) }
        }
        var sessions: [EventSession] = []
        for text in texts { sessions.append(try EventSession(text: text)) }
        return sessions
    }
}
