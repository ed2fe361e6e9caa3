import Foundation
import LiaisonCore
import LiaisonScheduling

/// Everything the exports of an event show: the event, its participants with their company
/// names, the schedule with each meeting's reasons and calendar sequence, the published meetings
/// since cancelled, and the quality figures. The store builds it (`eventScheduleDocument`); the
/// writers (``ScheduleCSV``, ``ScheduleICS``, ``ScheduleHTML``, ``ScheduleJSON``) only read it.
public struct ScheduleDocument: Sendable {
    /// A participant with what agendas show of its company.
    public struct Person: Hashable, Sendable {
        public var participant: Participant
        public var name: String
        public var city: String
        public var country: String

        public init(participant: Participant, name: String, city: String, country: String) {
            self.participant = participant
            self.name = name
            self.city = city
            self.country = country
        }
    }

    /// One scheduled meeting as it was scored when scheduled.
    public struct Entry: Hashable, Sendable {
        /// The meeting, with its exact score.
        public var meeting: Meeting
        /// Why the pair was matched, seen from the delegate, as scored when scheduled.
        public var reasons: [MatchReason]
        /// The calendar SEQUENCE of the meeting (see ``Publication``).
        public var sequence: Int

        public init(meeting: Meeting, reasons: [MatchReason], sequence: Int) {
            self.meeting = meeting
            self.reasons = reasons
            self.sequence = sequence
        }
    }

    public var event: EventSpec
    public var people: [String: Person]
    /// The schedule, by slot then table.
    public var meetings: [Entry]
    /// Published meetings no longer in the schedule: calendars must cancel them.
    public var cancelled: [PublishedMeeting]
    public var state: StoredSchedule
    /// Company names of participants and of anyone in a cancelled meeting (who may have left).
    public var names: [String: String]
    /// The sector names reasons are written with.
    public var taxonomy: Taxonomy

    public init(event: EventSpec, people: [String: Person], meetings: [Entry], cancelled: [PublishedMeeting],
                state: StoredSchedule, names: [String: String], taxonomy: Taxonomy) {
        self.event = event
        self.people = people
        self.meetings = meetings
        self.cancelled = cancelled
        self.state = state
        self.names = names
        self.taxonomy = taxonomy
    }

    /// The people of one side, by id.
    public func people(_ side: Side) -> [Person] {
        people.values.filter { $0.participant.side == side }.sorted { $0.participant.company < $1.participant.company }
    }

    public func name(_ company: String) -> String { names[company] ?? company }

    /// Everyone who gets a calendar: the participants, and anyone with a cancelled meeting —
    /// a company that left must still learn its meetings are off.
    public var calendarHolders: [String] {
        Set(people.keys).union(cancelled.flatMap { [$0.meeting.delegate, $0.meeting.host] }).sorted()
    }

    /// A participant's meetings, by slot.
    public func agenda(of company: String) -> [Entry] {
        meetings.filter { $0.meeting.delegate == company || $0.meeting.host == company }.sorted { $0.meeting.slot < $1.meeting.slot }
    }

    /// The other party of a meeting, seen from `company`.
    public func counterpart(of company: String, in meeting: Meeting) -> String {
        meeting.delegate == company ? meeting.host : meeting.delegate
    }

    /// A meeting's reasons on one line, e.g. `they seek clean energy, you offer it +0.30; …`.
    public func reasonLine(_ entry: Entry) -> String {
        ReasonText(taxonomy: taxonomy).line(entry.reasons)
    }
}
