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
struct EventFile {
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

    /// Decodes an array of events or one event, as the text's first character says, so that
    /// errors keep the path of the field they are about.
    static func decode(_ data: Data) throws -> EventFile {
        let first = data.first { !$0.isASCIIWhitespace }
        switch first {
        case UInt8(ascii: "["): return EventFile(events: try JSONDecoder().decode([Entry].self, from: data))
        case UInt8(ascii: "{"): return EventFile(events: [try JSONDecoder().decode(Entry.self, from: data)])
        default: throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "expected an event object or an array of them"))
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
            return (path(context.codingPath), "expected \(kind(of: type))")
        case DecodingError.valueNotFound(_, let context):
            return (path(context.codingPath), "missing (null)")
        case DecodingError.dataCorrupted(let context):
            return (context.codingPath.isEmpty ? "json" : path(context.codingPath),
                    context.codingPath.isEmpty && !context.debugDescription.hasPrefix("expected") ? "not valid JSON" : context.debugDescription)
        default:
            return ("json", "not valid JSON")
        }
    }
}

/// What a user calls the JSON value Swift expected as `type`.
private func kind(of type: Any.Type) -> String {
    switch type {
    case is String.Type: "a string"
    case is Int.Type: "a whole number"
    case is Double.Type, is Float.Type: "a number"
    case is Bool.Type: "true or false"
    case is [Any].Type: "an array"
    default: "an object"
    }
}

extension UInt8 {
    var isASCIIWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
