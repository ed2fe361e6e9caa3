import Foundation
import LiaisonScheduling

/// The JSON file `liaison event import` reads: one event object, or an array of them. Each holds
/// the event's fields and its participants, requests, blocks and locks; a participant's side
/// follows from its company's country.
///
///     {"id": "oakland-breakfast", "name": "Port of Possibilities", "city": "Oakland", "country": "US",
///      "date": "2025-12-05", "start": "07:30", "slots": 8, "slotMinutes": 15, "tables": 30,
///      "participants": [{"company": "CN-0001", "maxMeetings": 6, "available": "1-6", "interpreter": "zh-en"},
///                       {"company": "US-0003"}],
///      "requests": [{"a": "CN-0001", "b": "US-0003", "must": true}], "blocks": [], "locks": []}
struct EventFile: Decodable {
    struct Entry: Decodable {
        var id: String
        var name: String
        var city: String
        var country: String
        var date: String
        var start: String
        var slots: Int
        var slotMinutes: Int
        var breakAfter: Int?
        var breakMinutes: Int?
        var tables: Int
        var timeZone: String?
        var participants: [ParticipantEntry]?
        var requests: [MeetingRequestEntry]?
        var blocks: [PairBlock]?
        var locks: [MeetingLock]?
    }

    struct ParticipantEntry: Decodable {
        var company: String
        var maxMeetings: Int?
        var available: SlotSet?
        var reps: Int?
        var interpreter: String?
    }

    struct MeetingRequestEntry: Decodable {
        var a: String
        var b: String
        var must: Bool?
    }

    var events: [Entry]

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let many = try? container.decode([Entry].self) {
            events = many
        } else {
            events = [try container.decode(Entry.self)]
        }
    }

    /// Why a file could not be read, naming the field path, e.g. `[1].participants[3].maxMeetings`.
    static func describe(_ error: any Error) -> (field: String, message: String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
        }
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing")
        case DecodingError.typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(type == String.self ? "a string" : type == Int.self ? "a whole number" : "\(type)")")
        case DecodingError.valueNotFound(_, let context):
            return (path(context.codingPath), "missing (null)")
        case DecodingError.dataCorrupted(let context):
            return (context.codingPath.isEmpty ? "json" : path(context.codingPath),
                    context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription)
        default:
            return ("json", "not valid JSON")
        }
    }
}
