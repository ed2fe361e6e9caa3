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
    }

    var spec: EventSpec {
        EventSpec(id: id, name: name, city: city, country: country, date: date, start: start, slots: slots,
                  slotMinutes: slotMinutes, breakAfter: breakAfter, breakMinutes: breakMinutes, tables: tables, timeZone: timeZone, venue: venue)
    }
}
