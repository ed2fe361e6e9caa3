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

    /// The request of `a` and `b`, written either way round; nil when the pair has none.
    public func request(between a: String, and b: String) -> MeetingRequest? {
        requests.first { Set([$0.a, $0.b]) == Set([a, b]) }
    }

    /// Whether `a` and `b` are blocked, written either way round.
    public func isBlocked(_ a: String, _ b: String) -> Bool {
        blocks.contains { Set([$0.a, $0.b]) == Set([a, b]) }
    }

    /// The lock of `a` and `b`, written either way round; nil when the pair has none.
    public func lock(between a: String, and b: String) -> MeetingLock? {
        locks.first { Set([$0.a, $0.b]) == Set([a, b]) }
    }

    /// Whether `other` asks the same of a schedule: the same event, participants, requests,
    /// blocks and locks, whatever their order and whichever way round each pair is written.
    public func holdsTheSameRules(as other: EventDefinition) -> Bool {
        func pair(_ a: String, _ b: String) -> [String] { [a, b].sorted() }
        func requests(_ definition: EventDefinition) -> Set<[String?]> {
            Set(definition.requests.map { pair($0.a, $0.b) + ["\($0.must)", $0.session, $0.origin.rawValue, $0.status.rawValue] })
        }
        func locks(_ definition: EventDefinition) -> Set<[String?]> {
            Set(definition.locks.map { pair($0.a, $0.b) + ["\($0.slot)", $0.table.map(String.init)] })
        }
        return spec == other.spec && Set(participants) == Set(other.participants) && requests(self) == requests(other)
            && Set(blocks.map { pair($0.a, $0.b) }) == Set(other.blocks.map { pair($0.a, $0.b) }) && locks(self) == locks(other)
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
