/// A networking event: where and when it happens, and how its time and tables are cut into
/// meeting slots.
public struct EventSpec: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    public var city: String
    /// The host country (ISO 3166-1 alpha-2): its companies are the event's hosts.
    public var country: String
    /// The day, `YYYY-MM-DD`.
    public var date: String
    /// The first slot's start, `HH:MM`, local time.
    public var start: String
    /// Number of meeting slots.
    public var slots: Int
    public var slotMinutes: Int
    /// A break follows this slot (1-based), if any.
    public var breakAfter: Int?
    public var breakMinutes: Int
    /// Tables, hence meetings at once.
    public var tables: Int
    /// IANA time zone of the venue, e.g. `America/Toronto`.
    public var timeZone: String
    /// The venue's address as agendas show it, e.g. `Port of Oakland, 530 Water St, Oakland, CA`;
    /// empty when not given (agendas then show the city).
    public var venue: String

    public init(id: String, name: String, city: String, country: String, date: String, start: String, slots: Int,
                slotMinutes: Int, breakAfter: Int? = nil, breakMinutes: Int = 0, tables: Int, timeZone: String, venue: String = "") {
        self.id = id
        self.name = name
        self.city = city
        self.country = country
        self.date = date
        self.start = start
        self.slots = slots
        self.slotMinutes = slotMinutes
        self.breakAfter = breakAfter
        self.breakMinutes = breakMinutes
        self.tables = tables
        self.timeZone = timeZone
        self.venue = venue
    }

    /// Slot numbers, 1-based.
    public var slotNumbers: ClosedRange<Int> { 1...max(slots, 1) }

    /// Minutes after midnight at which `slot` (1-based) starts.
    public func startMinute(ofSlot slot: Int) -> Int {
        let first = Self.minutes(start) ?? 0
        let pause = breakAfter.map { slot > $0 ? breakMinutes : 0 } ?? 0
        return first + (slot - 1) * slotMinutes + pause
    }

    /// `HH:MM` of `slot`'s start.
    public func startTime(ofSlot slot: Int) -> String {
        Self.clock(startMinute(ofSlot: slot))
    }

    /// `HH:MM` → minutes after midnight.
    public static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes after midnight → `HH:MM` (past midnight wraps to the next day's clock).
    public static func clock(_ minutes: Int) -> String {
        let wrapped = ((minutes % 1440) + 1440) % 1440
        let hours = wrapped / 60, rest = wrapped % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// Problems that make the event impossible to schedule, in words; empty when it is sound.
    public var problems: [String] {
        var problems: [String] = []
        if slots < 1 || slots > SlotSet.largestSlot { problems.append("slots must be between 1 and \(SlotSet.largestSlot), not \(slots)") }
        if slotMinutes > 1440 || breakMinutes > 1440 { problems.append("slots and breaks last at most a day (1440 minutes)") }
        if tables < 1 { problems.append("tables must be at least 1, not \(tables): no meeting could take place") }
        if slotMinutes < 1 { problems.append("slot minutes must be at least 1, not \(slotMinutes)") }
        if breakMinutes < 0 { problems.append("break minutes cannot be negative") }
        if let breakAfter, !(1..<max(slots, 1)).contains(breakAfter) {
            problems.append("a break after slot \(breakAfter) is outside the slots 1–\(slots) (it must fall between two slots)")
        }
        if Self.minutes(start) == nil { problems.append("start '\(start)' is not a time HH:MM") }
        if !Self.isDate(date) { problems.append("date '\(date)' is not a date YYYY-MM-DD") }
        if let first = Self.minutes(start), (1...SlotSet.largestSlot).contains(slots), (0...1440).contains(slotMinutes),
           (0...1440).contains(breakMinutes), first + slots * slotMinutes + (breakAfter == nil ? 0 : breakMinutes) > 1440 {
            problems.append("the slots run past midnight")
        }
        return problems
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
