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
    /// Whether `identifier` names an IANA time zone this system knows, exactly as tzdata spells
    /// it (`America/Denver`, `UTC`): abbreviations such as `MST`, offsets such as `GMT+7` and
    /// misspelt names are not zones. Events never guess a zone; see `EventTimeZone` for deriving
    /// one from a known city.
    public static func isTimeZone(_ identifier: String) -> Bool {
        identifier == "UTC" || (identifier.contains("/") && TimeZone(identifier: identifier)?.identifier == identifier)
    }
}
