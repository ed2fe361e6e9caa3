import Foundation

/// An event with everything an organizer registered: participants, requests, blocks and locks.
public struct EventDefinition: Hashable, Sendable {
    public var spec: EventSpec
    public var participants: [Participant]
    public var requests: [MeetingRequest]
    public var blocks: [PairBlock]
    public var locks: [MeetingLock]

    public init(spec: EventSpec, participants: [Participant] = [], requests: [MeetingRequest] = [],
                blocks: [PairBlock] = [], locks: [MeetingLock] = []) {
        self.spec = spec
        self.participants = participants
        self.requests = requests
        self.blocks = blocks
        self.locks = locks
    }
}

extension EventSpec {
    /// The IANA time zone of a venue: known cities of the story, else the country's most
    /// populous zone.
    public static func defaultTimeZone(city: String, country: String) -> String {
        let byCity = [
            "toronto": "America/Toronto", "ottawa": "America/Toronto", "montreal": "America/Toronto",
            "quebec city": "America/Toronto", "waterloo": "America/Toronto", "halifax": "America/Halifax",
            "vancouver": "America/Vancouver", "calgary": "America/Edmonton", "edmonton": "America/Edmonton",
            "winnipeg": "America/Winnipeg", "saskatoon": "America/Regina",
            "washington": "America/New_York", "washington, d.c.": "America/New_York", "new york": "America/New_York",
            "boston": "America/New_York", "atlanta": "America/New_York", "miami": "America/New_York",
            "oakland": "America/Los_Angeles", "san francisco": "America/Los_Angeles", "san jose": "America/Los_Angeles",
            "los angeles": "America/Los_Angeles", "seattle": "America/Los_Angeles", "chicago": "America/Chicago",
            "houston": "America/Chicago", "austin": "America/Chicago", "beijing": "Asia/Shanghai", "shanghai": "Asia/Shanghai",
        ]
        if let zone = byCity[city.lowercased()] { return zone }
        return ["US": "America/New_York", "CA": "America/Toronto", "CN": "Asia/Shanghai"][country.uppercased()] ?? "UTC"
    }

    /// Whether `timeZone` names a zone this system knows.
    public var hasKnownTimeZone: Bool { TimeZone(identifier: timeZone) != nil }
}
