import LiaisonScheduling

/// Settings given to participants by `liaison event add`; nil keeps what is stored (or the default).
public struct ParticipantSettings: Sendable {
    public var maxMeetings: Int?
    public var available: SlotSet?
    public var reps: Int?
    public var interpreter: String?

    public init(maxMeetings: Int? = nil, available: SlotSet? = nil, reps: Int? = nil, interpreter: String? = nil) {
        self.maxMeetings = maxMeetings
        self.available = available
        self.reps = reps
        self.interpreter = interpreter
    }
}
