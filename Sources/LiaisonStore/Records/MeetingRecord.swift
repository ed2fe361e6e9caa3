import GRDB
import LiaisonCore
import LiaisonScheduling

/// A row of the `event_meeting` table: a meeting of an event's current schedule, with its exact
/// score, the score's components and its reasons (seen from the delegate, as JSON) as they were
/// when the event was scheduled. Components and reasons are null in schedules made before they
/// were kept (v6).
struct MeetingRecord: SnakeCaseRecord {
    static let databaseTableName = "event_meeting"

    var event: String
    var delegate: String
    var host: String
    var slot: Int
    var tableNumber: Int
    var score: Double
    var sector: Double?
    var complementarity: Double?
    var language: Double?
    var size: Double?
    var reasons: String?

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let delegate = Column(CodingKeys.delegate)
        static let host = Column(CodingKeys.host)
        static let slot = Column(CodingKeys.slot)
        static let tableNumber = Column("table_number")
    }

    init(_ meeting: ScheduledMeeting, event: String) throws {
        self.event = event
        delegate = meeting.meeting.delegate
        host = meeting.meeting.host
        slot = meeting.meeting.slot
        tableNumber = meeting.meeting.table
        score = meeting.meeting.score
        sector = meeting.components?.sector
        complementarity = meeting.components?.complementarity
        language = meeting.components?.language
        size = meeting.components?.size
        reasons = try StoredJSON.text(meeting.reasons)
    }

    var meeting: Meeting { Meeting(delegate: delegate, host: host, slot: slot, table: tableNumber, score: score) }

    /// The meeting with what it was scored with.
    func scheduled() throws -> ScheduledMeeting {
        let components = sector.flatMap { sector in
            complementarity.flatMap { complementarity in
                language.flatMap { language in
                    size.map { ScoreComponents(sector: sector, complementarity: complementarity, language: language, size: $0) }
                }
            }
        }
        return ScheduledMeeting(
            meeting: meeting, components: components,
            reasons: try reasons.map { try StoredJSON.value([MatchReason].self, $0, in: Self.databaseTableName, column: "reasons") } ?? [])
    }
}
