import Foundation
import LiaisonScheduling

/// The JSON file `liaison event import` reads: one event object, or an array of them. Each holds
/// the event's fields and its participants, requests, blocks and locks; a participant's side
/// follows from its company's country.
///
///     {"id": "oakland-breakfast", "name": "Port of Possibilities", "city": "Oakland", "country": "US",
///      "venue": "Port of Oakland, 530 Water St, Oakland, CA", "timeZone": "America/Los_Angeles", "date": "2025-12-05", "start": "07:30", "slots": 8, "slotMinutes": 15, "tables": 30,
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
        /// The IANA zone; when omitted, derived from the city (``EventTimeZone``).
        public var timeZone: String?
        /// The venue's address; empty when omitted.
        public var venue: String?
        public var participants: [ParticipantEntry]?
        public var requests: [MeetingRequestEntry]?
        public var blocks: [PairBlock]?
        public var locks: [MeetingLock]?

        private enum CodingKeys: String, CodingKey {
            case event, id, name, city, country, date, start, slots, slotMinutes, breakAfter, breakMinutes, tables, timeZone, venue
            case participants, requests, blocks, locks
        }

        /// Reads the event's fields at the top of the object, or — as `liaison event show --format
        /// json` prints them, so that its output imports back — under `"event"`.
        public init(from decoder: any Decoder) throws {
            let top = try decoder.container(keyedBy: CodingKeys.self)
            let fields = top.contains(.event) ? try top.nestedContainer(keyedBy: CodingKeys.self, forKey: .event) : top
            id = try fields.decode(String.self, forKey: .id)
            name = try fields.decode(String.self, forKey: .name)
            city = try fields.decode(String.self, forKey: .city)
            country = try fields.decode(String.self, forKey: .country)
            date = try fields.decode(String.self, forKey: .date)
            start = try fields.decode(String.self, forKey: .start)
            slots = try fields.decode(Int.self, forKey: .slots)
            slotMinutes = try fields.decode(Int.self, forKey: .slotMinutes)
            breakAfter = try fields.decodeIfPresent(Int.self, forKey: .breakAfter)
            breakMinutes = try fields.decodeIfPresent(Int.self, forKey: .breakMinutes)
            tables = try fields.decode(Int.self, forKey: .tables)
            timeZone = try fields.decodeIfPresent(String.self, forKey: .timeZone)
            venue = try fields.decodeIfPresent(String.self, forKey: .venue)
            participants = try top.decodeIfPresent([ParticipantEntry].self, forKey: .participants)
            requests = try top.decodeIfPresent([MeetingRequestEntry].self, forKey: .requests)
            blocks = try top.decodeIfPresent([PairBlock].self, forKey: .blocks)
            locks = try top.decodeIfPresent([MeetingLock].self, forKey: .locks)
        }
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
