import Foundation

/// The fields an event file may hold, at each place: a field Liaison does not read — most often a
/// misspelt one (`maxMeeting`, `avialable`) — is refused with its path, never ignored, as it would
/// leave the setting meant at its default without a word.
enum EventFileFields {
    static let eventFields: Set<String> = ["id", "name", "city", "country", "date", "start", "slots", "slotMinutes", "breakAfter",
                                           "breakMinutes", "tables", "timeZone", "venue", "pairing", "delegation", "days", "sessions"]
    static let rules: Set<String> = ["participants", "requests", "blocks", "locks"]
    static let lists: [String: Set<String>] = [
        "days": ["date", "start", "slots", "breakAfter", "breakMinutes"],
        "sessions": ["name", "slots"],
        "participants": ["company", "maxMeetings", "available", "reps", "interpreter", "side"],
        "requests": ["a", "b", "must", "session", "origin", "status"],
        "blocks": ["a", "b"],
        "locks": ["a", "b", "slot", "table"],
    ]

    /// A field no event file has: where it is, its name, and the fields that place may hold.
    struct Unknown {
        var place: [any CodingKey]
        var field: String
        var allowed: Set<String>
    }

    /// The first field of `object` (one event, parsed) that no event file has, looked at in
    /// sorted order; its path starts at `place`. Nil when there is none.
    static func firstUnknown(in object: [String: Any], at place: [any CodingKey]) -> Unknown? {
        let nested = object["event"] as? [String: Any]
        // The event's fields at the top, or under "event" as `event show` prints them.
        let (fields, fieldsPlace) = nested.map { ($0, place + [FieldKey(stringValue: "event")]) } ?? (object, place)
        let top = nested == nil ? eventFields.union(rules) : rules.union(["event"])
        if let field = firstOutside(top, object) { return Unknown(place: place, field: field, allowed: top) }
        if nested != nil, let field = firstOutside(eventFields, fields) {
            return Unknown(place: fieldsPlace, field: field, allowed: eventFields)
        }
        for (list, allowed) in lists.sorted(by: { $0.key < $1.key }) {
            let (owner, ownerPlace) = list == "days" || list == "sessions" ? (fields, fieldsPlace) : (object, place)
            guard let items = owner[list] as? [Any] else { continue }
            for (index, item) in items.enumerated() {
                if let entry = item as? [String: Any], let field = firstOutside(allowed, entry) {
                    return Unknown(place: ownerPlace + [FieldKey(stringValue: list), FieldKey(intValue: index)], field: field, allowed: allowed)
                }
            }
        }
        return nil
    }

    private static func firstOutside(_ allowed: Set<String>, _ object: [String: Any]) -> String? {
        object.keys.sorted().first { !allowed.contains($0) }
    }
}
