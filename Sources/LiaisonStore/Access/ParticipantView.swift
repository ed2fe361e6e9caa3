import LiaisonCore
import LiaisonScheduling

/// Everything a participant's page shows, read in one go: the event, its registration and
/// company, its requests and blocks, and — once the event is published — its agenda as
/// published, with what it said came of each meeting.
public struct ParticipantView: Sendable, Hashable {
    /// One meeting of the published agenda, seen from the participant.
    public struct AgendaEntry: Sendable, Hashable {
        public var counterpart: String
        public var slot: Int
        public var table: Int
        /// Published once, since cancelled.
        public var cancelled: Bool
        /// Why the pair was matched, seen from the participant (as scored when scheduled).
        public var reasons: [MatchReason]
    }

    /// Another company named on the page.
    public struct Counterpart: Sendable, Hashable {
        public var name: String
        public var country: String
        public var city: String
    }

    public var event: EventSpec
    public var participant: Participant
    public var company: StoredCompany
    /// Requests naming the participant, whoever made them, by counterpart.
    public var requests: [MeetingRequest]
    /// Blocks naming the participant, whoever made them.
    public var blocks: [PairBlock]
    /// The companies the participant said it is not interested in, through its link: its own
    /// blocks (the organizer's are not its to see).
    public var declined: [String]
    /// The published agenda by slot (cancelled meetings included); nil before the first publication.
    public var agenda: [AgendaEntry]?
    /// When the schedule was last published.
    public var publishedAt: String?
    /// What the participant said came of each meeting, by counterpart.
    public var ratings: [String: MeetingOutcome]
    /// The companies it meets in the current schedule, published or not: the organizer's to call off.
    public var scheduledWith: Set<String>
    /// The companies named in requests, blocks and the agenda.
    public var counterparts: [String: Counterpart]

    /// The other party of a request or block.
    public func other(in pair: (a: String, b: String)) -> String {
        pair.a == participant.company ? pair.b : pair.a
    }
}

/// What participants said came of their meetings, for the organizer's event page.
public struct OutcomeSummary: Sendable, Hashable {
    /// Meetings of the published schedule (not cancelled) times two: each side rates its own.
    public var ratable: Int
    /// Ratings given, by outcome.
    public var counts: [MeetingOutcome: Int]

    /// Ratings given.
    public var rated: Int { counts.values.reduce(0, +) }

    /// The share of ratings with `outcome` (0 when none was given).
    public func rate(_ outcome: MeetingOutcome) -> Double {
        rated == 0 ? 0 : Double(counts[outcome] ?? 0) / Double(rated)
    }
}
