import GRDB
import LiaisonScheduling

/// A row of the `event_request` table: a meeting the organizer asked for.
struct RequestRecord: SnakeCaseRecord {
    static let databaseTableName = "event_request"

    var event: String
    var a: String
    var b: String
    var must: Bool

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let a = Column(CodingKeys.a)
        static let b = Column(CodingKeys.b)
    }

    init(_ request: MeetingRequest, event: String) {
        self.event = event
        a = request.a
        b = request.b
        must = request.must
    }

    var request: MeetingRequest { MeetingRequest(a: a, b: b, must: must) }
}
