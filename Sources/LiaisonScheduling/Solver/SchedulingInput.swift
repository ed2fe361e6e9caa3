/// Everything a schedule is computed from: the event, who takes part, the organizer's requests,
/// blocks and locks, and the score of every delegate–host pair.
public struct SchedulingInput: Sendable {
    public var event: EventSpec
    public var participants: [Participant]
    public var requests: [MeetingRequest]
    public var blocks: [PairBlock]
    public var locks: [MeetingLock]
    public var scores: PairScores
    /// Meetings every participant should have at least, where the rules allow.
    public var minMeetings: Int
    /// The last published schedule: with `keepPublished`, its meetings that are still valid
    /// stay where they are.
    public var published: [Meeting]
    public var keepPublished: Bool

    public init(event: EventSpec, participants: [Participant], requests: [MeetingRequest] = [], blocks: [PairBlock] = [],
                locks: [MeetingLock] = [], scores: PairScores, minMeetings: Int = 0, published: [Meeting] = [],
                keepPublished: Bool = false) {
        self.event = event
        self.participants = participants
        self.requests = requests
        self.blocks = blocks
        self.locks = locks
        self.scores = scores
        self.minMeetings = minMeetings
        self.published = published
        self.keepPublished = keepPublished
    }
}

/// The score of every delegate–host pair, by company id.
public struct PairScores: Sendable {
    private let delegateIndex: [String: Int]
    private let hostIndex: [String: Int]
    private let values: [Double]

    /// Scores laid out delegate by delegate: `values[d * hosts.count + h]`.
    public init(delegates: [String], hosts: [String], values: [Double]) {
        precondition(values.count == delegates.count * hosts.count, "one score per delegate–host pair")
        delegateIndex = Dictionary(delegates.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        hostIndex = Dictionary(hosts.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        self.values = values
    }

    /// The score of a pair; 0 for a company with no scores.
    public func score(delegate: String, host: String) -> Double {
        guard let d = delegateIndex[delegate], let h = hostIndex[host] else { return 0 }
        return values[d * hostIndex.count + h]
    }
}

/// Input that cannot be scheduled: every problem found, in words an organizer can act on.
public struct SchedulingError: Error, Equatable, CustomStringConvertible {
    public var problems: [String]

    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "cannot schedule: " + (problems.count == 1 ? problems[0] : "\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
    }
}
