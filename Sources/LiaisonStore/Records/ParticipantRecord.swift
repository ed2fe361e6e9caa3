import GRDB
import LiaisonScheduling

/// A row of the `event_participant` table: a company registered for an event, with its settings.
struct ParticipantRecord: SnakeCaseRecord {
    static let databaseTableName = "event_participant"

    var event: String
    var company: String
    var side: Side
    var maxMeetings: Int
    /// Slots as written by ``SlotSet``'s description, e.g. `1-4,7`.
    var available: String
    var reps: Int
    var interpreter: String?

    enum Columns {
        static let event = Column(CodingKeys.event)
        static let company = Column(CodingKeys.company)
        static let side = Column(CodingKeys.side)
    }

    init(_ participant: Participant, event: String) {
        self.event = event
        company = participant.company
        side = participant.side
        maxMeetings = participant.maxMeetings
        available = participant.available.description
        reps = participant.reps
        interpreter = participant.interpreter
    }

    /// The domain value; a stored slot list that does not parse is an error.
    func participant() throws -> Participant {
        guard let slots = SlotSet(parsing: available) else {
            throw StoreError.badStoredValue(table: Self.databaseTableName, column: "available", value: available)
        }
        return Participant(company: company, side: side, maxMeetings: maxMeetings, available: slots, reps: reps,
                           interpreter: interpreter)
    }
}
