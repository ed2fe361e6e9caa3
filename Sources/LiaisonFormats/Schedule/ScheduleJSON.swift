import Foundation
import LiaisonScheduling

/// The JSON export of a schedule: the event, the participants (id, side, max meetings, available
/// slots, reps), the meetings (slot counted from 1 across the whole event, its date and start,
/// table, the two participants, score), the quality figures (breaks and idle slots among them)
/// and the participants without any meeting (`withoutMeetings`, by id).
/// A sides event's meeting names its `delegate` and `host`; an open event's its `a` and `b`
/// (`a` the id that sorts first).
public enum ScheduleJSON {
    struct Document: Encodable {
        struct Person: Encodable {
            var id: String
            var name: String
            var side: Side
            var maxMeetings: Int
            var available: [Int]
            var reps: Int
            var interpreter: String?
        }

        struct Entry: Encodable {
            var slot: Int
            var date: String
            var start: String
            var table: Int
            var a: String
            var b: String
            var open: Bool
            var score: Double
            /// Each reason with its contribution, seen from `a` (the delegate), as `liaison match` lists them.
            var reasons: [String]

            private enum CodingKeys: String, CodingKey { case slot, date, start, table, a, b, delegate, host, score, reasons }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(slot, forKey: .slot)
                try container.encode(date, forKey: .date)
                try container.encode(start, forKey: .start)
                try container.encode(table, forKey: .table)
                try container.encode(a, forKey: open ? .a : .delegate)
                try container.encode(b, forKey: open ? .b : .host)
                try container.encode(score, forKey: .score)
                try container.encode(reasons, forKey: .reasons)
            }
        }

        var event: EventSpec
        var participants: [Person]
        var meetings: [Entry]
        var quality: QualityReport
        var minMeetings: Int
        var unplacedRequests: [UnplacedRequest]
        var withoutMeetings: [String]
        var changes: ScheduleChanges?
    }

    public static func data(_ document: ScheduleDocument) throws -> Data {
        let export = Document(
            event: document.event,
            participants: document.people.keys.sorted().map { id in
                let person = document.people[id]!
                return .init(id: id, name: person.name, side: person.participant.side, maxMeetings: person.participant.maxMeetings,
                             available: person.participant.available.sorted, reps: person.participant.reps,
                             interpreter: person.participant.interpreter)
            },
            meetings: document.meetings.map {
                .init(slot: $0.meeting.slot, date: document.event.date(ofSlot: $0.meeting.slot),
                      start: document.event.startTime(ofSlot: $0.meeting.slot), table: $0.meeting.table,
                      a: $0.meeting.a, b: $0.meeting.b, open: document.event.pairing == .open, score: $0.meeting.score,
                      reasons: $0.reasons.map(ReasonText(taxonomy: document.taxonomy).item))
            },
            quality: document.state.report, minMeetings: document.state.minMeetings,
            unplacedRequests: document.state.unplacedRequests, withoutMeetings: document.withoutMeetings, changes: document.state.changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Meetings elsewhere in the document (the changes against the published schedule) follow the same naming.
        encoder.userInfo[Meeting.pairingKey] = document.event.pairing
        return try encoder.encode(export)
    }
}
