import LiaisonCore

/// A meeting of a schedule with what it was scored with when the event was scheduled: the exact
/// score (in ``meeting``), its components and its reasons, seen from the delegate. Exports read
/// these rather than scoring again, so a later change of weights cannot make them disagree.
public struct ScheduledMeeting: Hashable, Sendable {
    public var meeting: Meeting
    /// Nil for a meeting scheduled before components were kept.
    public var components: ScoreComponents?
    public var reasons: [MatchReason]

    public init(meeting: Meeting, components: ScoreComponents?, reasons: [MatchReason]) {
        self.meeting = meeting
        self.components = components
        self.reasons = reasons
    }
}
