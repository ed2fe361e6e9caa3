import LiaisonScheduling

/// What unregistering a participant takes with it (``LiaisonDatabase/removeParticipants(_:from:)``),
/// for a front end to say before it is done: the requests, blocks and locks naming it, and whether
/// the current schedule holds its meetings, which would then be discarded.
public struct ParticipantRemoval: Sendable, Equatable {
    /// The participant with its settings.
    public var participant: Participant
    /// Every request naming it, the participants' own whatever their status.
    public var requests: [MeetingRequest]
    /// Every block naming it, with who made each.
    public var blocks: [BlockEntry]
    /// Every lock naming it.
    public var locks: [MeetingLock]
    /// How many meetings of the current schedule it has; more than none, and removing it
    /// discards that schedule (what was published stays published).
    public var scheduledMeetings: Int

    public init(participant: Participant, requests: [MeetingRequest], blocks: [BlockEntry], locks: [MeetingLock], scheduledMeetings: Int) {
        self.participant = participant
        self.requests = requests
        self.blocks = blocks
        self.locks = locks
        self.scheduledMeetings = scheduledMeetings
    }
}
