import GRDB
import LiaisonScheduling

/// A row of the `event_request` table: a meeting asked for, by the organizer or (since v9) by a
/// participant through its link, with where it stands.
struct RequestRecord: SnakeCaseRecord {
    static let databaseTableName = "event_request"

    var event: String
    var a: String
    var b: String
    var must: Bool
    var origin: RequestOrigin
    var status: RequestStatus
    /// Since v10: the session the meeting must fall in, if any.
    var session: String?

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let a = Column(CodingKeys.a)
        static let b = Column(CodingKeys.b)
        static let status = Column(CodingKeys.status)
    }

    init(_ request: MeetingRequest, event: String) {
        self.event = event
        a = request.a
        b = request.b
        must = request.must
        origin = request.origin
        status = request.status
        session = request.session
    }

    var request: MeetingRequest { MeetingRequest(a: a, b: b, must: must, session: session, origin: origin, status: status) }
}

extension RequestOrigin: DatabaseValueConvertible {}
extension RequestStatus: DatabaseValueConvertible {}
