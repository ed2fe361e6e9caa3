/// How good a schedule is, in the figures an organizer checks before publishing it.
public struct QualityReport: Hashable, Sendable, Codable {
    /// Sum of the scores of all meetings.
    public var totalScore: Double
    /// A proven upper bound on the total score of any schedule with the same locks and placed
    /// must-meet requests under the same capacities, blocks and tables: the best set of meetings
    /// with slot times ignored — exact for a sides event whose pairs all fit the model, a
    /// fractional relaxation in an open event, and certified by duality when a large event's
    /// candidates are each participant's best partners. No schedule can score more.
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
    /// Times a host changes tables between consecutive meetings (delegates move by design;
    /// 0 in an open event, which has no hosts).
    public var tableChanges: Int
    /// Breaks: runs of slots without a meeting between two of a participant's meetings on the
    /// same day (slots it is unavailable in included, as in Bofill et al., JAIR 74, 2022), over
    /// the participants with meetings.
    public var breaks: Breaks
    /// Available slots without a meeting between a participant's first and last meeting of a
    /// day, summed over participants.
    public var idleSlots: Int

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

    /// Breaks of participants with meetings: their sum, the most any one has, and the largest
    /// difference between two participants (fairness asks for at most 2).
    public struct Breaks: Hashable, Sendable, Codable {
        public var total: Int
        public var max: Int
        public var spread: Int
        /// After an exact search (`exactSeconds`): whether it proved that no timing of these
        /// meetings, with counts as fair, has fewer breaks; absent when none was asked for.
        public var fewestProven: Bool?
        /// True when an exact search was asked for but the event is too large for one (its
        /// formula would pass about four million clauses); absent otherwise.
        public var tooLargeToSearch: Bool?

        public init(total: Int, max: Int, spread: Int) {
            self.total = total
            self.max = max
            self.spread = spread
        }
    }

    /// A participant with fewer meetings than the minimum, and why.
    public struct Shortfall: Hashable, Sendable, Codable {
        public var company: String
        public var meetings: Int
        public var reason: String
    }
}

extension QualityReport {
    private enum CodingKeys: String, CodingKey {
        case totalScore, upperBound, ratio, meetings, meetingsPerParticipant, minimumMeetings, underMinimum, mustRequests,
             otherRequests, idleGaps, tableChanges, breaks, idleSlots
    }

    /// Reads a report; one stored before breaks were measured reads as having none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        totalScore = try container.decode(Double.self, forKey: .totalScore)
        upperBound = try container.decode(Double.self, forKey: .upperBound)
        ratio = try container.decode(Double.self, forKey: .ratio)
        meetings = try container.decode(Int.self, forKey: .meetings)
        meetingsPerParticipant = try container.decode(Spread.self, forKey: .meetingsPerParticipant)
        minimumMeetings = try container.decode(Int.self, forKey: .minimumMeetings)
        underMinimum = try container.decode([Shortfall].self, forKey: .underMinimum)
        mustRequests = try container.decode(Tally.self, forKey: .mustRequests)
        otherRequests = try container.decode(Tally.self, forKey: .otherRequests)
        idleGaps = try container.decode(Gaps.self, forKey: .idleGaps)
        tableChanges = try container.decode(Int.self, forKey: .tableChanges)
        breaks = try container.decodeIfPresent(Breaks.self, forKey: .breaks) ?? Breaks(total: 0, max: 0, spread: 0)
        idleSlots = try container.decodeIfPresent(Int.self, forKey: .idleSlots) ?? 0
    }
}

/// A must-meet (or plain) request that is not in the schedule, and why.
public struct UnplacedRequest: Hashable, Sendable, Codable {
    public var request: MeetingRequest
    public var reason: String
}
