import GRDB
import LiaisonScheduling

/// A row of the `event_session` table (since v10): a named range of an event's slots.
struct EventSessionRecord: SnakeCaseRecord {
    static let databaseTableName = "event_session"

    var event: String
    var position: Int
    var name: String
    /// Slots as written by ``SlotSet``'s description, e.g. `1-13`.
    var slots: String

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let position = Column(CodingKeys.position)
    }

    init(_ session: EventSession, event: String, position: Int) {
        self.event = event
        self.position = position
        name = session.name
        slots = session.slots.description
    }

    /// The domain value; a stored slot list that does not parse is an error.
    func session() throws -> EventSession {
        guard let parsed = SlotSet(parsing: slots) else {
            throw StoreError.badStoredValue(table: Self.databaseTableName, column: "slots", value: slots)
        }
        return EventSession(name: name, slots: parsed)
    }
}
