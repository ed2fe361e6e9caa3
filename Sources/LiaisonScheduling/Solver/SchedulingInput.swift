/// Everything a schedule is computed from: the event, who takes part, the organizer's requests,
/// blocks and locks, and the scores of the pairs that may meet.
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
    /// The published meetings whose slot now takes place at another time than it was published
    /// for (the event's days, hours or time zone changed since): each is moved, even where it
    /// stays in its slot and at its table, as publishing will tell calendars.
    public var publishedRetimed: Set<MeetingPair> = []
    public var keepPublished: Bool
    /// Schedule exactly the requested meetings (must-meet first, then plain requests) and no
    /// other pair; the requests that cannot be placed are listed with the reason.
    public var onlyRequests: Bool
    /// Break counts of any two participants should differ by at most this much, where the
    /// meetings allow (Bofill et al.'s fairness d).
    public var fairness: Int
    /// Seeds the local search; the same input and seed always give the same schedule.
    public var seed: UInt64
    /// What an exact search (SAT) may spend looking for agendas with fewer breaks (nil: none),
    /// from the start of the compaction, beside it and then after it. It stops early when it
    /// proves that none exists.
    public var exactSearch: ExactBudget?

    public init(event: EventSpec, participants: [Participant], requests: [MeetingRequest] = [], blocks: [PairBlock] = [],
                locks: [MeetingLock] = [], scores: PairScores, minMeetings: Int = 0, published: [Meeting] = [],
                keepPublished: Bool = false, onlyRequests: Bool = false, fairness: Int = 2, seed: UInt64 = 0) {
        self.event = event
        self.participants = participants
        self.requests = requests
        self.blocks = blocks
        self.locks = locks
        self.scores = scores
        self.minMeetings = minMeetings
        self.published = published
        self.keepPublished = keepPublished
        self.onlyRequests = onlyRequests
        self.fairness = fairness
        self.seed = seed
    }
}

/// Input that cannot be scheduled: every problem found, in words an organizer can act on, each
/// with the entry of the input it is about when there is one.
public struct SchedulingError: Error, Equatable, CustomStringConvertible {
    public var found: [InputProblem]

    /// The problems in words.
    public var problems: [String] { found.map(\.message) }

    /// Problems about no entry in particular.
    public init(problems: [String]) {
        found = problems.map { InputProblem($0) }
    }

    public init(found: [InputProblem]) {
        self.found = found
    }

    public var description: String {
        "cannot schedule: " + (problems.count == 1 ? problems[0] : "\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
    }
}
