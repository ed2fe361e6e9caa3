import Foundation
import LiaisonCore
import LiaisonScheduling

/// The JSON file `liaison event import` reads: one event object, or an array of them. Each holds
/// the event's fields and its participants, requests, blocks and locks. An event of one day may
/// be written with the single-day fields (`date`, `start`, `slots`, `breakAfter`, `breakMinutes`);
/// an event of several days lists them under `days`. `pairing` (`sides`, the default, or `open`)
/// says who may meet whom; in a sides event a participant's side follows from its company's
/// country (`delegation`, CN by default, makes delegates; any other country hosts) unless its
/// entry names a `side`. Named `sessions` are slot ranges a request may require.
///
///     {"id": "girona-forum", "name": "B2B forum", "city": "Girona", "country": "ES", "pairing": "open",
///      "slotMinutes": 30, "tables": 14,
///      "days": [{"date": "2025-05-20", "start": "09:00", "slots": 13, "breakAfter": 6, "breakMinutes": 30},
///               {"date": "2025-05-21", "start": "09:00", "slots": 8}],
///      "sessions": [{"name": "morning", "slots": "1-13"}, {"name": "afternoon", "slots": "14-21"}],
///      "participants": [{"company": "ES-0001", "maxMeetings": 6, "available": "1-6,14-21"}, {"company": "ES-0002"}],
///      "requests": [{"a": "ES-0001", "b": "ES-0002", "must": true, "session": "morning"}],
///      "blocks": [], "locks": [{"a": "ES-0001", "b": "ES-0002", "slot": 3}]}
public struct EventFile: Sendable {
    /// One event as written in the file; omitted fields take their defaults when the event is created.
    public struct Entry: Decodable, Sendable {
        public var id: String
        public var name: String
        public var city: String
        /// The venue's country: an ISO code or an English or Chinese name (told by ``ISOCodes/country(_:)`` when the event is created).
        public var country: String
        /// The days, in order: from `days` when given (single-day fields beside them must say the
        /// same), else the one day of the single-day fields.
        public var days: [EventDay]
        public var slotMinutes: Int
        public var tables: Int
        /// Who may meet whom; `sides` when omitted.
        public var pairing: Pairing?
        /// A sides event's delegation country (code or name); CN when omitted.
        public var delegation: String?
        public var sessions: [EventSession]?
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
            case pairing, delegation, days, sessions
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
            if let given = try fields.decodeIfPresent([EventDay].self, forKey: .days) {
                days = given
                try Self.refuseOtherDay(in: fields, days: given, id: id)
            } else {
                // Without `days`, the single-day fields are the one day's, read as a day is.
                days = [try EventDay(from: top.contains(.event) ? try top.superDecoder(forKey: .event) : decoder)]
            }
            slotMinutes = try fields.decode(Int.self, forKey: .slotMinutes)
            tables = try fields.decode(Int.self, forKey: .tables)
            pairing = try fields.decodeIfPresent(Pairing.self, forKey: .pairing)
            delegation = try fields.decodeIfPresent(String.self, forKey: .delegation)
            sessions = try fields.decodeIfPresent([EventSession].self, forKey: .sessions)
            timeZone = try fields.decodeIfPresent(String.self, forKey: .timeZone)
            venue = try fields.decodeIfPresent(String.self, forKey: .venue)
            participants = try top.decodeIfPresent([ParticipantEntry].self, forKey: .participants)
            requests = try top.decodeIfPresent([MeetingRequestEntry].self, forKey: .requests)
            blocks = try top.decodeIfPresent([PairBlock].self, forKey: .blocks)
            locks = try top.decodeIfPresent([MeetingLock].self, forKey: .locks)
        }

        /// Refuses single-day fields beside `days` that say otherwise than the days do, naming the
        /// event and the fields: one of the two would be dropped without a word. Those that say
        /// the same are read, as `event show` prints both (the single-day fields of the first day,
        /// its slots over every day). No days at all are refused as such when the event is created.
        private static func refuseOtherDay(in fields: KeyedDecodingContainer<CodingKeys>, days: [EventDay], id: String) throws {
            guard !days.isEmpty else { return }
            let said = EventSpec(id: id, name: "", city: "", country: "", days: days, slotMinutes: 0, tables: 0, timeZone: "")
            func quoted(_ text: String) -> String { "'\(text)'" }
            let fieldsAndDays: [(key: CodingKeys, given: String?, days: String)] = [
                (.date, try fields.decodeIfPresent(String.self, forKey: .date).map(quoted), quoted(said.date)),
                (.start, try fields.decodeIfPresent(String.self, forKey: .start).map(quoted), quoted(said.start)),
                (.slots, try fields.decodeIfPresent(Int.self, forKey: .slots).map(String.init), String(said.slots)),
                (.breakAfter, try fields.decodeIfPresent(Int.self, forKey: .breakAfter).map(String.init), said.breakAfter.map(String.init) ?? "none"),
                (.breakMinutes, try fields.decodeIfPresent(Int.self, forKey: .breakMinutes).map(String.init), String(said.breakMinutes)),
            ]
            let otherwise = fieldsAndDays.filter { $0.given != nil && $0.given != $0.days }
            guard let first = otherwise.first, let given = first.given else { return }
            throw DecodingError.dataCorrupted(.init(
                codingPath: fields.codingPath + [CodingKeys.days],
                debugDescription: "event \(CompanyText.quoted(id)) gives days and also \(otherwise.map(\.key.stringValue).joined(separator: ", ")), "
                    + "which say otherwise (\(first.key.stringValue) \(given), where the days say \(first.days)): give one or the other"))
        }

        /// The event as written, omitted fields at their defaults (an empty time zone: to be told
        /// from the venue; countries are told from codes or names when the event is created).
        public var spec: EventSpec {
            EventSpec(id: id, name: name, city: city, country: country, days: days,
                      slotMinutes: slotMinutes, tables: tables, timeZone: timeZone ?? "", venue: venue ?? "", pairing: pairing ?? .sides,
                      delegation: delegation ?? "CN", sessions: sessions ?? [])
        }
    }

    /// A participant as written: its company, and settings that default when omitted.
    public struct ParticipantEntry: Decodable, Sendable {
        public var company: String
        public var maxMeetings: Int?
        public var available: SlotSet?
        public var reps: Int?
        public var interpreter: String?
        /// Its side in a sides event, when not the one its country gives.
        public var side: Side?
    }

    /// A request as written: `must` defaults to false, `origin` to the organizer, `status` to
    /// accepted (a participant's request may be pending or declined).
    public struct MeetingRequestEntry: Decodable, Sendable {
        public var a: String
        public var b: String
        public var must: Bool?
        /// The session the meeting must fall in.
        public var session: String?
        public var origin: RequestOrigin?
        public var status: RequestStatus?
    }

    /// The events of the file, in its order.
    public var events: [Entry]
    /// Whether the file holds an array of events (its fields' paths start with the event's
    /// position, `[1].participants[3]`) rather than one event (`participants[3]`).
    public var isList = false
    /// Where each of its fields is in the text (see ``JSONFieldLines``).
    public var lines = JSONFieldLines()

    /// Decodes an array of events or one event, as the text's first character says, so that
    /// errors keep the path of the field they are about. A UTF-8 byte order mark at the start,
    /// which editors on Windows save, is skipped, as in company sheets, and UTF-16 text is read.
    public static func decode(_ data: Data) throws -> EventFile {
        let data = utf8Text(data)
        let first = data.first { !$0.isASCIIWhitespace }
        do {
            let lines = JSONFieldLines(data)
            // A field given twice: JSON's decoders keep one value and drop the other without a word.
            if let repeated = lines.repeated {
                throw DecodingError.dataCorrupted(.init(codingPath: repeated.path.map(FieldKey.init),
                                                       debugDescription: "given twice (first on line \(repeated.firstLine)); give each field once"))
            }
            // Before decoding: a misspelt field (`table`) explains the field then missing (`tables`).
            try refuseUnknownFields(data, isList: first == UInt8(ascii: "["))
            var file = switch first {
            case UInt8(ascii: "["): EventFile(events: try JSONDecoder().decode([Entry].self, from: data), isList: true)
            case UInt8(ascii: "{"): EventFile(events: [try JSONDecoder().decode(Entry.self, from: data)])
            default: throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "expected an event object or an array of them"))
            }
            file.lines = lines
            return file
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // Text that is not JSON at all: where it stops being JSON.
            let tree: Any
            switch JSONSyntaxPlace.parse(data) {
            case .success(let parsed): tree = parsed
            case .failure(let refusal): throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: refusal.message))
            }
            // Foundation's decoder calls a number that is no whole number, or too large for one,
            // "not valid JSON", without its place. Every number of an event file is whole: when
            // the text is JSON, the first number that is not names the field.
            guard tree is [Any] || tree is [String: Any], let (place, number) = firstNumberNotWhole(in: tree, at: []) else {
                throw DecodingError.dataCorrupted(context)
            }
            throw DecodingError.dataCorrupted(.init(codingPath: place, debugDescription: "expected a whole number, found \(number)"))
        }
    }

    /// Refuses the first field of the file that no event file has (see ``EventFileFields``).
    private static func refuseUnknownFields(_ data: Data, isList: Bool) throws {
        guard let tree = try? JSONSerialization.jsonObject(with: data) else { return }
        let events: [(Any, [any CodingKey])] = isList
            ? ((tree as? [Any]) ?? []).enumerated().map { ($1, [FieldKey(intValue: $0)]) } : [(tree, [])]
        for (event, place) in events {
            guard let object = event as? [String: Any], let unknown = EventFileFields.firstUnknown(in: object, at: place) else { continue }
            throw DecodingError.dataCorrupted(.init(codingPath: unknown.place + [FieldKey(stringValue: unknown.field)],
                                                   debugDescription: "not a field here (misspelt?); the fields here are "
                                                       + unknown.allowed.sorted().joined(separator: ", ")))
        }
    }

    /// The line of `data`, a file's text, that a decoding `error` is about (its field, or the
    /// entry that lacks it); nil when it is about the text as a whole.
    public static func line(of error: any Error, in data: Data) -> Int? {
        let keys: [any CodingKey]
        switch error {
        case DecodingError.keyNotFound(_, let context):
            // The entry that lacks the field, the event itself included.
            return JSONFieldLines(utf8Text(data)).line(of: path(context.codingPath))
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            keys = context.codingPath
        default:
            return nil
        }
        return keys.isEmpty ? nil : JSONFieldLines(utf8Text(data)).line(of: path(keys))
    }

    /// `data` as UTF-8 text without a byte order mark: editors on Windows save one at the start, and
    /// some save JSON as UTF-16 (with a mark, or without one: ASCII text then has zero bytes).
    private static func utf8Text(_ data: Data) -> Data {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return Data(data.dropFirst(3)) }
        let first = [UInt8](data.prefix(2))
        let encoding: String.Encoding?
        if first == [0xFF, 0xFE] || first == [0xFE, 0xFF] {
            encoding = .utf16
        } else if first.count == 2 && first[0] == 0 {
            encoding = .utf16BigEndian
        } else if first.count == 2 && first[1] == 0 {
            encoding = .utf16LittleEndian
        } else {
            encoding = nil
        }
        guard let encoding, var text = String(data: data, encoding: encoding) else { return data }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return Data(text.utf8)
    }

    /// A decoding path as problems name it: `[1].participants[3].maxMeetings`.
    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingPrefix(".").description
    }

    /// Why a file could not be read, naming the field path, e.g. `[1].participants[3].maxMeetings`.
    public static func describe(_ error: any Error) -> (field: String, message: String) {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "missing")
        case DecodingError.typeMismatch(let type, let context):
            return (path(context.codingPath), "expected \(kind(of: type))")
        case DecodingError.valueNotFound(_, let context):
            return (path(context.codingPath), "missing (null)")
        case DecodingError.dataCorrupted(let context):
            if let (value, allowed) = unknownChoice(context.debugDescription) {
                return (path(context.codingPath), "'\(value)' is not one of: \(allowed.joined(separator: ", "))")
            }
            return (context.codingPath.isEmpty ? "json" : path(context.codingPath),
                    context.codingPath.isEmpty && !context.debugDescription.hasPrefix("expected")
                        && !context.debugDescription.hasPrefix("not valid JSON") ? "not valid JSON" : context.debugDescription)
        default:
            return ("json", "not valid JSON")
        }
    }
}

/// The values an event file may give for each of its named choices, by the Swift type that reads it.
private let choices: [String: [String]] = [
    "\(Pairing.self)": Pairing.allCases.map(\.rawValue), "\(Side.self)": Side.allCases.map(\.rawValue),
    "\(RequestOrigin.self)": RequestOrigin.allCases.map(\.rawValue), "\(RequestStatus.self)": RequestStatus.allCases.map(\.rawValue),
]

/// The value and the allowed values when `description` is the decoder's refusal of a value that
/// is none of a choice's (`Cannot initialize Side from invalid String value guest`), so the
/// message names the choices instead of a Swift type.
private func unknownChoice(_ description: String) -> (value: String, allowed: [String])? {
    guard let match = description.firstMatch(of: /^Cannot initialize (\w+) from invalid \w+ value (.*)$/),
          let allowed = choices[String(match.output.1)] else { return nil }
    return (String(match.output.2), allowed)
}

/// The place and the text of the first number in `value` (keys in order) that is not a whole
/// number an `Int` holds, from `place`.
private func firstNumberNotWhole(in value: Any, at place: [any CodingKey]) -> ([any CodingKey], String)? {
    switch value {
    case let object as [String: Any]:
        for key in object.keys.sorted() {
            if let found = firstNumberNotWhole(in: object[key]!, at: place + [FieldKey(stringValue: key)]) { return found }
        }
    case let array as [Any]:
        for (index, element) in array.enumerated() {
            if let found = firstNumberNotWhole(in: element, at: place + [FieldKey(intValue: index)]) { return found }
        }
    case let number as NSNumber where !(value is Bool):
        let double = number.doubleValue
        if double.rounded() != double || abs(double) >= 0x1p63 { return (place, number.description) }
    default:
        break
    }
    return nil
}

/// A field's name or an array's position, as a decoding path holds them.
struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "\(intValue)"
        self.intValue = intValue
    }
    init(_ part: JSONFieldLines.PathPart) {
        switch part {
        case .field(let name): self.init(stringValue: name)
        case .position(let index): self.init(intValue: index)
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
