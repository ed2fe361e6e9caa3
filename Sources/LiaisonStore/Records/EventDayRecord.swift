import GRDB
import LiaisonScheduling

/// A row of the `event_day` table (since v10): one day of an event, in order by `position`.
/// An event stored before v10 has no rows here; its single day is the event row's own fields.
struct EventDayRecord: SnakeCaseRecord {
    static let databaseTableName = "event_day"

    var event: String
    var position: Int
    var date: String
    var start: String
    var slots: Int
    var breakAfter: Int?
    var breakMinutes: Int

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let position = Column(CodingKeys.position)
    }

    init(_ day: EventDay, event: String, position: Int) {
        self.event = event
        self.position = position
        date = day.date
        start = day.start
        slots = day.slots
        breakAfter = day.breakAfter
        breakMinutes = day.breakMinutes
    }

    var day: EventDay { EventDay(date: date, start: start, slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes) }
}
