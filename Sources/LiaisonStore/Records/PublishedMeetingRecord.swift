import GRDB
import LiaisonScheduling

/// A row of the `published_meeting` table: a meeting as last published to calendars, cancelled
/// ones included, with its calendar sequence and, since v6, its components and reasons; since v13,
/// when it was published to take place.
struct PublishedMeetingRecord: SnakeCaseRecord {
    static let databaseTableName = "published_meeting"

    var event: String
    var delegate: String
    var host: String
    var slot: Int
    var tableNumber: Int
    var score: Double
    var sequence: Int
    var cancelled: Bool
    var publishedAt: String
    var sector: Double?
    var complementarity: Double?
    var language: Double?
    var size: Double?
    var reasons: String?
    var timing: String?

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let slot = Column(CodingKeys.slot)
        static let tableNumber = Column("table_number")
        static let publishedAt = Column("published_at")
    }

    /// The record of `published`, carrying the components and reasons of `scored` (its row in the
    /// schedule, when it is scheduled).
    init(_ published: PublishedMeeting, scored: MeetingRecord?, event: String) {
        self.event = event
        delegate = published.meeting.delegate
        host = published.meeting.host
        slot = published.meeting.slot
        tableNumber = published.meeting.table
        score = published.meeting.score
        sequence = published.sequence
        cancelled = published.cancelled
        publishedAt = published.publishedAt
        sector = scored?.sector
        complementarity = scored?.complementarity
        language = scored?.language
        size = scored?.size
        reasons = scored?.reasons
        timing = published.timing
    }

    var published: PublishedMeeting {
        PublishedMeeting(meeting: Meeting(delegate: delegate, host: host, slot: slot, table: tableNumber, score: score),
                         sequence: sequence, cancelled: cancelled, publishedAt: publishedAt, timing: timing)
    }
}
