import GRDB
import LiaisonScheduling

/// A row of the `event_lock` table: a meeting fixed by hand in a slot, and optionally at a table.
struct LockRecord: SnakeCaseRecord {
    static let databaseTableName = "event_lock"

    var event: String
    var a: String
    var b: String
    var slot: Int
    var tableNumber: Int?

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let a = Column(CodingKeys.a)
        static let b = Column(CodingKeys.b)
        static let slot = Column(CodingKeys.slot)
    }

    init(_ lock: MeetingLock, event: String) {
        self.event = event
        a = lock.a
        b = lock.b
        slot = lock.slot
        tableNumber = lock.table
    }

    var lock: MeetingLock { MeetingLock(a: a, b: b, slot: slot, table: tableNumber) }
}
