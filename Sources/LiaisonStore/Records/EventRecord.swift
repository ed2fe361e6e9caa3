import GRDB
import LiaisonScheduling

/// A row of the `event` table: where and when an event happens and how its time is cut into slots.
struct EventRecord: SnakeCaseRecord {
    static let databaseTableName = "event"

    var id: String
    var name: String
    var city: String
    var country: String
    var date: String
    var start: String
    var slots: Int
    var slotMinutes: Int
    var breakAfter: Int?
    var breakMinutes: Int
    var tables: Int
    var timeZone: String
    var createdAt: String
    var venue: String
    /// Since v10: who may meet whom.
    var pairing: Pairing
    /// Since v10: the country of a sides event's delegates.
    var delegation: String

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let date = Column(CodingKeys.date)
        static let start = Column(CodingKeys.start)
    }

    init(_ spec: EventSpec, createdAt: String) {
        id = spec.id
        name = spec.name
        city = spec.city
        country = spec.country
        date = spec.date
        start = spec.start
        slots = spec.slots
        slotMinutes = spec.slotMinutes
        breakAfter = spec.breakAfter
        breakMinutes = spec.breakMinutes
        tables = spec.tables
        timeZone = spec.timeZone
        self.createdAt = createdAt
        venue = spec.venue
        pairing = spec.pairing
        delegation = spec.delegation
    }

    /// The event with `days` and `sessions` as stored beside it; with no stored days (an event
    /// stored before v10), its single day is this row's.
    func spec(days: [EventDay], sessions: [EventSession]) -> EventSpec {
        let days = days.isEmpty ? [EventDay(date: date, start: start, slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes)] : days
        return EventSpec(id: id, name: name, city: city, country: country, days: days, slotMinutes: slotMinutes, tables: tables,
                         timeZone: timeZone, venue: venue, pairing: pairing, delegation: delegation, sessions: sessions)
    }
}
