/// How good a schedule is, in the figures an organizer checks before publishing it.
public struct QualityReport: Hashable, Sendable, Codable {
    /// Sum of the scores of all meetings.
    public var totalScore: Double
    /// The exact maximum total score of any set of meetings under the same capacities, blocks,
    /// locks and placed must-meet requests, ignoring slot times: no schedule can score more.
    public var upperBound: Double
    /// `totalScore / upperBound` (1 when the bound is 0).
    public var ratio: Double
    public var meetings: Int
    /// Meetings per participant: minimum, median, maximum.
    public var meetingsPerParticipant: Spread
    /// The minimum asked for (`--min-meetings`).
    public var minimumMeetings: Int
    /// Participants below the minimum, each with the reason.
    public var underMinimum: [Shortfall]
    public var mustRequests: Tally
    public var otherRequests: Tally
    /// Idle slots between a participant's first and last meeting (where it was available):
    /// mean over participants with meetings, and the largest.
    public var idleGaps: Gaps
    /// Times a host changes tables between consecutive meetings (delegates move by design).
    public var tableChanges: Int

    public struct Spread: Hashable, Sendable, Codable {
        public var min: Int
        public var median: Double
        public var max: Int
    }

    public struct Tally: Hashable, Sendable, Codable {
        public var placed: Int
        public var asked: Int
    }

    public struct Gaps: Hashable, Sendable, Codable {
        public var mean: Double
        public var max: Int
    }

    /// A participant with fewer meetings than the minimum, and why.
    public struct Shortfall: Hashable, Sendable, Codable {
        public var company: String
        public var meetings: Int
        public var reason: String
    }
}

/// A must-meet (or plain) request that is not in the schedule, and why.
public struct UnplacedRequest: Hashable, Sendable, Codable {
    public var request: MeetingRequest
    public var reason: String
}
