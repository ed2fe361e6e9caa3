import Foundation
import LiaisonCore
import LiaisonScheduling

/// Everything the exports of an event show: the event, its participants with their company
/// names, the current schedule with each meeting's reasons and calendar sequence, the published
/// meetings since cancelled, and the quality figures.
public struct EventScheduleDocument: Sendable {
    public struct Person: Hashable, Sendable {
        public var participant: Participant
        public var name: String
        public var city: String
        public var country: String
    }

    public struct Entry: Hashable, Sendable {
        public var meeting: Meeting
        /// Why the pair was matched, e.g. `they seek clean energy, you offer it +0.30; …`.
        public var reasons: String
        /// The calendar SEQUENCE of the meeting: it grows each time the meeting moves.
        public var sequence: Int
    }

    public var event: EventSpec
    public var people: [String: Person]
    /// The current schedule, by slot then table.
    public var meetings: [Entry]
    /// Published meetings no longer in the schedule: calendars must cancel them.
    public var cancelled: [PublishedMeeting]
    public var state: StoredSchedule
    /// Company names of participants and of anyone in a cancelled meeting (who may have left).
    public var names: [String: String]

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
}

extension LiaisonDatabase {
    /// The current schedule of an event with all it takes to export it.
    public func eventScheduleDocument(_ id: String) throws -> EventScheduleDocument {
        let (definition, state, meetings, published) = try writer.read { db in
            guard let definition = try EventStore.definition(id, in: db) else { throw EventError.unknownEvent(id) }
            guard let state = try EventStore.scheduleState(id, in: db) else { throw EventError.notScheduled(id) }
            return (definition, state, try EventStore.meetings(id, in: db), try EventStore.published(id, in: db))
        }
        let companies = try self.companies(ids: definition.participants.map(\.company)
                                               + published.flatMap { [$0.meeting.delegate, $0.meeting.host] })
        var people: [String: EventScheduleDocument.Person] = [:]
        for participant in definition.participants {
            let company = companies[participant.company]?.company
            people[participant.company] = .init(participant: participant, name: company?.name ?? participant.company,
                                                city: company?.city ?? "", country: company?.country ?? "")
        }
        let table = try featureTable()
        let model = ScoreModel(weights: try scoreWeights(), layout: table.layout)
        let explanation = MatchExplanation(taxonomy: taxonomy, languages: table.languages)
        let rows = table.rows(ofIDs: definition.participants.map(\.company))
        let rowOf = Dictionary(zip(definition.participants.map(\.company), rows).compactMap { id, row in row.map { (id, $0) } },
                               uniquingKeysWith: { a, _ in a })
        let previous = Dictionary(published.map { ($0.meeting.pair, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = meetings.map { meeting -> EventScheduleDocument.Entry in
            var reasons = ""
            if let d = rowOf[meeting.delegate], let h = rowOf[meeting.host] {
                let breakdown = model.breakdown(table.features(ofRow: d), table.features(ofRow: h))
                reasons = explanation.line(explanation.reasons(breakdown, subjectSize: companies[meeting.delegate]?.company.size,
                                                               matchSize: companies[meeting.host]?.company.size))
            }
            return .init(meeting: meeting, reasons: reasons, sequence: PublishedMeeting.sequence(of: meeting, after: previous[meeting.pair]))
        }
        let scheduled = Set(meetings.map(\.pair))
        let cancelled = published.filter { !scheduled.contains($0.meeting.pair) }.map { old -> PublishedMeeting in
            var gone = old
            if !old.cancelled { gone.sequence += 1 }
            gone.cancelled = true
            return gone
        }
        return EventScheduleDocument(event: definition.spec, people: people, meetings: entries, cancelled: cancelled, state: state,
                                     names: companies.mapValues(\.company.name))
    }
}
