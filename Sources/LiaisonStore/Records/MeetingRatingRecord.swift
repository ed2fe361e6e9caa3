import GRDB
import LiaisonScheduling

/// A row of the `meeting_rating` table: what a participant says came of its meeting with a
/// counterpart.
struct MeetingRatingRecord: SnakeCaseRecord {
    static let databaseTableName = "meeting_rating"

    var event: String
    var company: String
    var counterpart: String
    var outcome: MeetingOutcome
    var ratedAt: String

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let company = Column(CodingKeys.company)
    }
}

extension MeetingOutcome: DatabaseValueConvertible {}
