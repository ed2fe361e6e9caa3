/// A networking event: where and when it happens, who may meet whom, and how its time and
/// tables are cut into meeting slots.
///
/// An event spans one or more ``days``; its slots are numbered from 1 across all of them, so a
/// two-day event of 10 slots a day has slots 1–20 and slot 11 opens the second day. Named
/// ``sessions`` are ranges of those slots. A one-day event can still be written with the
/// single-day fields (`date`, `start`, `slots`, `breakAfter`, `breakMinutes`), which read and
/// write its first day.
///
///     let forum = EventSpec(id: "girona-2025", name: "B2B forum", city: "Girona", country: "ES",
///                           days: [EventDay(date: "2025-05-20", start: "09:00", slots: 13),
///                                  EventDay(date: "2025-05-21", start: "09:00", slots: 8)],
///                           slotMinutes: 30, tables: 14, timeZone: "Europe/Madrid", pairing: .open)
///     forum.slots              // 21
///     forum.slotTime(14).date  // "2025-05-21"
public struct EventSpec: Hashable, Sendable {
    public var id: String
    public var name: String
    public var city: String
    /// The country of the venue (ISO 3166-1 alpha-2); any country.
    public var country: String
    /// In a sides event, the country whose companies are the delegates (the visiting
    /// delegation); everyone else is a host unless registered otherwise. Scheduling itself
    /// reads each participant's side; this is what registration defaults to.
    public var delegation: String
    /// Who may meet whom.
    public var pairing: Pairing
    /// The days, in order; at least one.
    public var days: [EventDay]
    /// Named slot ranges (e.g. morning and afternoon) requests may ask for.
    public var sessions: [EventSession]
    public var slotMinutes: Int
    /// Tables, hence meetings at once.
    public var tables: Int
    /// IANA time zone of the venue, e.g. `America/Toronto`.
    public var timeZone: String
    /// The venue's address as agendas show it, e.g. `Port of Oakland, 530 Water St, Oakland, CA`;
    /// empty when not given (agendas then show the city).
    public var venue: String

    /// A one-day event (the single-day form; `breakAfter` counts slots from the first).
    public init(id: String, name: String, city: String, country: String, date: String, start: String, slots: Int,
                slotMinutes: Int, breakAfter: Int? = nil, breakMinutes: Int = 0, tables: Int, timeZone: String,
                venue: String = "", pairing: Pairing = .sides, delegation: String = "CN", sessions: [EventSession] = []) {
        self.init(id: id, name: name, city: city, country: country,
                  days: [EventDay(date: date, start: start, slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes)],
                  slotMinutes: slotMinutes, tables: tables, timeZone: timeZone, venue: venue, pairing: pairing, delegation: delegation,
                  sessions: sessions)
    }

    /// An event of one or more days.
    public init(id: String, name: String, city: String, country: String, days: [EventDay], slotMinutes: Int, tables: Int,
                timeZone: String, venue: String = "", pairing: Pairing = .sides, delegation: String = "CN",
                sessions: [EventSession] = []) {
        self.id = id
        self.name = name
        self.city = city
        self.country = country
        self.delegation = delegation
        self.pairing = pairing
        self.days = days
        self.sessions = sessions
        self.slotMinutes = slotMinutes
        self.tables = tables
        self.timeZone = timeZone
        self.venue = venue
    }

    /// Number of meeting slots over all days. Setting it resizes the last day (the only one of
    /// a one-day event).
    public var slots: Int {
        get { days.reduce(0) { $0 + $1.slots } }
        set {
            guard !days.isEmpty else { days = [EventDay(date: "", start: "", slots: newValue)]; return }
            days[days.count - 1].slots = newValue - (slots - days[days.count - 1].slots)
        }
    }

    /// The first day's date, `YYYY-MM-DD`.
    public var date: String {
        get { days.first?.date ?? "" }
        set { editFirstDay { $0.date = newValue } }
    }

    /// The first slot's start, `HH:MM`, local time.
    public var start: String {
        get { days.first?.start ?? "" }
        set { editFirstDay { $0.start = newValue } }
    }

    /// A pause follows this slot (1-based) of the first day, if any.
    public var breakAfter: Int? {
        get { days.first?.breakAfter }
        set { editFirstDay { $0.breakAfter = newValue } }
    }

    /// Length of the first day's pause.
    public var breakMinutes: Int {
        get { days.first?.breakMinutes ?? 0 }
        set { editFirstDay { $0.breakMinutes = newValue } }
    }

    private mutating func editFirstDay(_ edit: (inout EventDay) -> Void) {
        if days.isEmpty { days = [EventDay(date: "", start: "", slots: 0)] }
        edit(&days[0])
    }

    /// Slot numbers, 1-based, across every day.
    public var slotNumbers: ClosedRange<Int> { 1...max(slots, 1) }

    /// The session of that name, if the event has one.
    public func session(named name: String) -> EventSession? {
        sessions.first { $0.name == name }
    }
}
