import Foundation
import LiaisonScheduling

/// The JSON export of a schedule: the event, the participants (id, side, max meetings, available
/// slots, reps), the meetings (slot, table, delegate, host, score) and the quality figures.
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
            var start: String
            var table: Int
            var delegate: String
            var host: String
            var score: Double
            /// Each reason with its contribution, seen from the delegate, as `liaison match` lists them.
            var reasons: [String]
        }

        var event: EventSpec
        var participants: [Person]
        var meetings: [Entry]
        var quality: QualityReport
        var minMeetings: Int
        var unplacedRequests: [UnplacedRequest]
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
                .init(slot: $0.meeting.slot, start: document.event.startTime(ofSlot: $0.meeting.slot), table: $0.meeting.table,
                      delegate: $0.meeting.delegate, host: $0.meeting.host, score: $0.meeting.score,
                      reasons: $0.reasons.map(ReasonText(taxonomy: document.taxonomy).item))
            },
            quality: document.state.report, minMeetings: document.state.minMeetings,
            unplacedRequests: document.state.unplacedRequests, changes: document.state.changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(export)
    }
}
