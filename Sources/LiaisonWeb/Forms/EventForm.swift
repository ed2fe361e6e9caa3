import Hummingbird
import LiaisonScheduling

/// The console's create-event form: the event its fields describe, read as `liaison event create`
/// reads its options (days and sessions by the same readers as `--day` and `--session`), and the
/// fields as typed, to show the form again with its problem rather than lose what was typed.
struct EventForm: Sendable {
    var id = ""
    var name = ""
    var city = ""
    var country = ""
    var date = ""
    var start = "09:00"
    var slots = "8"
    var slotMinutes = "20"
    var breakAfter = ""
    var breakMinutes = "0"
    var tables = "10"
    var timeZone = ""
    var venue = ""
    /// Whether `open` is chosen (else `sides`).
    var open = false
    var delegation = "CN"
    var sessions = ""
    /// The days after the first, one a line.
    var days = ""

    /// The empty form.
    init() {}

    /// The form as it was sent.
    init(_ fields: FormFields) {
        id = fields["id"] ?? ""
        name = fields["name"] ?? ""
        city = fields["city"] ?? ""
        country = fields["country"] ?? ""
        date = fields["date"] ?? ""
        start = fields["start"] ?? ""
        slots = fields["slots"] ?? ""
        slotMinutes = fields["slotMinutes"] ?? ""
        breakAfter = fields["breakAfter"] ?? ""
        breakMinutes = fields["breakMinutes"] ?? ""
        tables = fields["tables"] ?? ""
        timeZone = fields["timeZone"] ?? ""
        venue = fields["venue"] ?? ""
        open = fields["pairing"] == Pairing.open.rawValue
        delegation = fields["delegation"] ?? ""
        sessions = fields["sessions"] ?? ""
        days = fields["days"] ?? ""
    }

    /// The event the fields describe: the first day from `date`, `start`, `slots`, `breakAfter`
    /// and `breakMinutes`, then one day for each line of `days`; `sessions` as
    /// `morning=1-6, afternoon=7-12`. A field that cannot be read is a 400 naming it; whether
    /// the event holds together is the store's to say.
    static func spec(_ fields: FormFields) throws -> EventSpec {
        let pairingText = fields.text("pairing") ?? Pairing.sides.rawValue
        guard let pairing = Pairing(rawValue: pairingText) else {
            throw HTTPError(.badRequest, message: "pairing: '\(pairingText)' is not one of: \(Pairing.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var days = [EventDay(date: try fields.require("date"), start: try fields.require("start"), slots: try fields.requireInt("slots"),
                             breakAfter: try fields.int("breakAfter"), breakMinutes: try fields.int("breakMinutes") ?? 0)]
        for (index, line) in (fields["days"] ?? "").split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                days.append(try EventDay(text: String(line)))
            } catch {
                throw HTTPError(.badRequest, message: "more days, line \(index + 1) '\(line)': \(error)")
            }
        }
        let sessions: [EventSession]
        do {
            sessions = try EventSession.list(text: fields["sessions"] ?? "")
        } catch {
            throw HTTPError(.badRequest, message: "sessions: \(error)")
        }
        // An empty zone is told from the city by the store, or refused saying how to give it.
        var spec = EventSpec(id: try fields.require("id"), name: try fields.require("name"), city: try fields.require("city"),
                             country: try fields.require("country"), days: days, slotMinutes: try fields.requireInt("slotMinutes"),
                             tables: try fields.requireInt("tables"), timeZone: fields.text("timeZone") ?? "",
                             venue: fields.text("venue") ?? "", pairing: pairing, sessions: sessions)
        // The delegation is hidden, and means nothing, in an open event.
        if pairing == .sides, let delegation = fields.text("delegation") { spec.delegation = delegation }
        return spec
    }
}
