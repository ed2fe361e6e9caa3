/// An event is written with its `days`, and with the single-day fields (`date`, `start`, `slots`,
/// `breakAfter`, `breakMinutes`: the first day's, slots over all days) that scripts of one-day
/// events read; it is read from `days` when given, else from the single-day fields.
extension EventSpec: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, city, country, venue, delegation, pairing, days, sessions, slotMinutes, tables, timeZone
        case date, start, slots, breakAfter, breakMinutes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // Without `days`, the single-day fields are the one day's, read as a day is.
        let days = try container.decodeIfPresent([EventDay].self, forKey: .days) ?? [EventDay(from: decoder)]
        self.init(id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
                  city: try container.decode(String.self, forKey: .city), country: try container.decode(String.self, forKey: .country),
                  days: days, slotMinutes: try container.decode(Int.self, forKey: .slotMinutes),
                  tables: try container.decode(Int.self, forKey: .tables), timeZone: try container.decode(String.self, forKey: .timeZone),
                  venue: try container.decodeIfPresent(String.self, forKey: .venue) ?? "",
                  pairing: try container.decodeIfPresent(Pairing.self, forKey: .pairing) ?? .sides,
                  delegation: try container.decodeIfPresent(String.self, forKey: .delegation) ?? "CN",
                  sessions: try container.decodeIfPresent([EventSession].self, forKey: .sessions) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(city, forKey: .city)
        try container.encode(country, forKey: .country)
        try container.encode(venue, forKey: .venue)
        try container.encode(date, forKey: .date)
        try container.encode(start, forKey: .start)
        try container.encode(slots, forKey: .slots)
        try container.encodeIfPresent(breakAfter, forKey: .breakAfter)
        try container.encode(breakMinutes, forKey: .breakMinutes)
        try container.encode(delegation, forKey: .delegation)
        try container.encode(pairing, forKey: .pairing)
        try container.encode(days, forKey: .days)
        try container.encode(sessions, forKey: .sessions)
        try container.encode(slotMinutes, forKey: .slotMinutes)
        try container.encode(tables, forKey: .tables)
        try container.encode(timeZone, forKey: .timeZone)
    }
}
