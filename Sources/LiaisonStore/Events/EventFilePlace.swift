import LiaisonCore
import LiaisonFormats

/// Where a problem of one event of an event file is, as the import's messages say it:
/// `FILE:LINE: PATH: event 'ID': MESSAGE`, as a sheet's problems name file and line. The path is
/// the field's in the file, as decoding names it — `[1].participants[3].available` in an array of
/// events, `participants[3].available` in a file of one event — and is left out for the event as
/// a whole (`FILE:LINE: event 'ID': …`, or `FILE:LINE: [1]: event 'ID': …` in an array); the line
/// is the field's, or that of the entry that leaves it out.
struct EventFilePlace {
    var file: String
    /// The event's position in an array of events; nil in a file of one event.
    var position: Int?
    var event: String
    var lines: JSONFieldLines

    /// `message`, about `field` of the event (a path such as `requests[0]`) or, without one, about
    /// the event as a whole, with where it is.
    func problem(_ message: String, at field: String? = nil) -> String {
        let path = [position.map { "[\($0)]" }, field].compactMap { $0 }.joined(separator: ".")
        return Self.line(file, lines.line(of: path)) + (path.isEmpty ? "" : "\(path): ") + "event \(CompanyText.quoted(event)): \(message)"
    }

    /// The start of a problem's line: `FILE:LINE: `, or `FILE: ` without a line.
    static func line(_ file: String, _ line: Int?) -> String {
        "\(file)" + (line.map { ":\($0)" } ?? "") + ": "
    }
}
