import LiaisonCore

/// Where a problem of one event of an event file is, as the import's messages say it:
/// `FILE: PATH: event 'ID': MESSAGE`. The path is the field's in the file, as decoding names it —
/// `[1].participants[3].available` in an array of events, `participants[3].available` in a file
/// of one event — and is left out for the event as a whole (`FILE: event 'ID': …`, or
/// `FILE: [1]: event 'ID': …` in an array).
struct EventFilePlace {
    var file: String
    /// The event's position in an array of events; nil in a file of one event.
    var position: Int?
    var event: String

    /// `message`, about `field` of the event (a path such as `requests[0]`) or, without one, about
    /// the event as a whole, with where it is.
    func problem(_ message: String, at field: String? = nil) -> String {
        let path = [position.map { "[\($0)]" }, field].compactMap { $0 }.joined(separator: ".")
        return "\(file): " + (path.isEmpty ? "" : "\(path): ") + "event \(CompanyText.quoted(event)): \(message)"
    }
}
