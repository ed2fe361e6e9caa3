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
public struct EventFile: Sendable {
    /// One event as written in the file; omitted fields take their defaults when the event is created.
    public struct Entry: Decodable, Sendable {
        public var id: String
        public var name: String
        public var city: String
        public var country: String
        public var date: String
        public var start: String
        public var slots: Int
        public var slotMinutes: Int
        public var breakAfter: Int?
        public var breakMinutes: Int?
        public var tables: Int
        public var timeZone: String?
        public var participants: [ParticipantEntry]?
        public var requests: [MeetingRequestEntry]?
        public var blocks: [PairBlock]?
        public var locks: [MeetingLock]?
    }

    /// A participant as written: its company, and settings that default when omitted.
    public struct ParticipantEntry: Decodable, Sendable {
        public var company: String
        public var maxMeetings: Int?
        public var available: SlotSet?
        public var reps: Int?
        public var interpreter: String?
    }

    /// A request as written: `must` defaults to false, `origin` to the organizer, `status` to
    /// accepted (a participant's request may be pending or declined).
    public struct MeetingRequestEntry: Decodable, Sendable {
        public var a: String
        public var b: String
        public var must: Bool?
        public var origin: RequestOrigin?
        public var status: RequestStatus?
    }

    /// The events of the file, in its order.
    public var events: [Entry]

    /// Decodes an array of events or one event, as the text's first character says, so that
    /// errors keep the path of the field they are about.
    public static func decode(_ data: Data) throws -> EventFile {
        let first = data.first { !$0.isASCIIWhitespace }
        switch first {
        case UInt8(ascii: "["): return EventFile(events: try JSONDecoder().decode([Entry].self, from: data))
        case UInt8(ascii: "{"): return EventFile(events: [try JSONDecoder().decode(Entry.self, from: data)])
        default: throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "expected an event object or an array of them"))
        }
    }

    /// Why a file could not be read, naming the field path, e.g. `[1].participants[3].maxMeetings`.
    public static func describe(_ error: any Error) -> (field: String, message: String) {
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
