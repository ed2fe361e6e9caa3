/// Who may meet whom at an event.
public enum Pairing: String, Hashable, Sendable, Codable, CaseIterable {
    /// Delegates meet hosts, never their own side (a delegation visiting a country's firms).
    case sides
    /// Any two participants may meet (a chamber's B2B forum).
    case open
}

/// One day of an event: its date, when its first slot starts, how many slots it has, and the
/// pause inside it, if any. Slots are numbered across the whole event: the second day's first
/// slot follows the first day's last.
public struct EventDay: Hashable, Sendable, Codable {
    /// `YYYY-MM-DD`.
    public var date: String
    /// The first slot's start, `HH:MM`, local time.
    public var start: String
    /// Meeting slots this day.
    public var slots: Int
    /// A pause follows this slot of the day (1-based within the day), if any.
    public var breakAfter: Int?
    /// Length of that pause.
    public var breakMinutes: Int

    public init(date: String, start: String, slots: Int, breakAfter: Int? = nil, breakMinutes: Int = 0) {
        self.date = date
        self.start = start
        self.slots = slots
        self.breakAfter = breakAfter
        self.breakMinutes = breakMinutes
    }

    private enum CodingKeys: String, CodingKey { case date, start, slots, breakAfter, breakMinutes }

    /// Reads a day as event files write it: `breakAfter` and `breakMinutes` may be omitted (no pause).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(date: try container.decode(String.self, forKey: .date), start: try container.decode(String.self, forKey: .start),
                  slots: try container.decode(Int.self, forKey: .slots), breakAfter: try container.decodeIfPresent(Int.self, forKey: .breakAfter),
                  breakMinutes: try container.decodeIfPresent(Int.self, forKey: .breakMinutes) ?? 0)
    }
}

/// A named range of slots, such as a morning or one day of a longer event: a request may ask
/// to be placed in it.
///
///     EventSession(name: "morning", slots: SlotSet(1...13))
public struct EventSession: Hashable, Sendable, Codable {
    public var name: String
    /// Slots of the session, numbered across the whole event.
    public var slots: SlotSet

    public init(name: String, slots: SlotSet) {
        self.name = name
        self.slots = slots
    }
}

/// Where a slot falls in real time: which day, its date and its start on the local clock.
public struct SlotTime: Hashable, Sendable {
    /// Index of the day in ``EventSpec/days`` (0 for the first day).
    public var day: Int
    /// `YYYY-MM-DD`.
    public var date: String
    /// Minutes after midnight, local time.
    public var startMinute: Int
    /// `HH:MM`.
    public var start: String { EventSpec.clock(startMinute) }
}
