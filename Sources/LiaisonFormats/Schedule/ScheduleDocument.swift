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
        /// Its working languages, the one it reads best first: its agenda's language follows
        /// from them (``AgendaLanguage/init(languages:)``).
        public var languages: [String]
        /// The sector ids it offers and seeks, the strongest first.
        public var offers: [String]
        public var seeks: [String]
        /// How to reach it, where given.
        public var contact: ContactDetails

        public init(participant: Participant, name: String, city: String, country: String, languages: [String] = [],
                    offers: [String] = [], seeks: [String] = [], contact: ContactDetails = ContactDetails()) {
            self.participant = participant
            self.name = name
            self.city = city
            self.country = country
            self.languages = languages
            self.offers = offers
            self.seeks = seeks
            self.contact = contact
        }

        /// The language its agenda is written in.
        public var language: AgendaLanguage { AgendaLanguage(languages: languages) }
    }

    /// One scheduled meeting as it was scored when scheduled.
    public struct Entry: Hashable, Sendable {
        /// The meeting, with its exact score.
        public var meeting: Meeting
        /// Why the pair was matched, seen from the delegate, as scored when scheduled (see
        /// ``ScheduleDocument/reasons(of:seenBy:)`` for the host's side).
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
    /// Working languages of those named who are no longer participants (they still get a
    /// calendar cancelling their meetings, in their language).
    public var formerLanguages: [String: [String]]
    /// What publishing this schedule would tell participants that the published one has not:
    /// meetings new to them, moved, cancelled (all zero once it is published).
    public var unpublished: (new: Int, moved: Int, cancelled: Int) = (0, 0, 0)

    public init(event: EventSpec, people: [String: Person], meetings: [Entry], cancelled: [PublishedMeeting],
                state: StoredSchedule, names: [String: String], taxonomy: Taxonomy, formerLanguages: [String: [String]] = [:]) {
        self.event = event
        self.people = people
        self.meetings = meetings
        self.cancelled = cancelled
        self.state = state
        self.names = names
        self.taxonomy = taxonomy
        self.formerLanguages = formerLanguages
    }

    /// The language `company`'s agenda and calendar are written in.
    public func language(of company: String) -> AgendaLanguage {
        people[company]?.language ?? AgendaLanguage(languages: formerLanguages[company] ?? [])
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

    /// A meeting's reasons on one line, seen from the delegate with their contributions (the
    /// organizer's views), e.g. `they seek clean energy, you offer it +0.30; …`.
    public func reasonLine(_ entry: Entry) -> String {
        ReasonText(taxonomy: taxonomy).line(entry.reasons)
    }

    /// A meeting's reasons told to `company`: as stored for the delegate, each turned around
    /// (``MatchReason/seenFromMatch``) for the host.
    public func reasons(of entry: Entry, seenBy company: String) -> [MatchReason] {
        entry.meeting.host == company ? entry.reasons.map(\.seenFromMatch) : entry.reasons
    }

    /// The file name of each calendar holder's agenda and calendar (``ExportFileName/components(_:)``).
    public var fileNames: [String: String] { ExportFileName.components(calendarHolders) }

    /// The participants whose agenda holds no meeting, by id.
    public var withoutMeetings: [String] {
        let met = Set(meetings.flatMap { [$0.meeting.delegate, $0.meeting.host] })
        return people.keys.filter { !met.contains($0) }.sorted()
    }
}
