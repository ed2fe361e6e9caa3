/// A request that two participants meet: `must` places it first when it can be placed at all;
/// a plain request makes the pair more likely. The organizer's requests are in force at once; a
/// participant's (made through its private link, `a` asking to meet `b`) waits for the organizer
/// to accept it, and only requests in force are scheduled.
public struct MeetingRequest: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    public var must: Bool
    /// Who asked for the meeting.
    public var origin: RequestOrigin
    /// Whether the organizer has accepted it (always, for the organizer's own).
    public var status: RequestStatus

    public init(a: String, b: String, must: Bool, origin: RequestOrigin = .organizer, status: RequestStatus = .accepted) {
        self.a = a
        self.b = b
        self.must = must
        self.origin = origin
        self.status = status
    }

    /// Whether the scheduler takes it into account: accepted.
    public var isInForce: Bool { status == .accepted }

    private enum CodingKeys: String, CodingKey { case a, b, must, origin, status }

    /// Decodes a request; `origin` and `status`, absent from what was written before they existed
    /// (stored unplaced requests, older event files), default to an organizer's accepted request.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        a = try container.decode(String.self, forKey: .a)
        b = try container.decode(String.self, forKey: .b)
        must = try container.decode(Bool.self, forKey: .must)
        origin = try container.decodeIfPresent(RequestOrigin.self, forKey: .origin) ?? .organizer
        status = try container.decodeIfPresent(RequestStatus.self, forKey: .status) ?? .accepted
    }
}

/// Who asked for a meeting.
public enum RequestOrigin: String, Hashable, Sendable, Codable, CaseIterable {
    /// The organizer, at the terminal or in the console.
    case organizer
    /// The participant `a`, through its private link.
    case participant
}

/// Where a request stands with the organizer.
public enum RequestStatus: String, Hashable, Sendable, Codable, CaseIterable {
    /// A participant's request the organizer has not decided on yet: not scheduled.
    case pending
    /// In force: the scheduler places it.
    case accepted
    /// Turned down by the organizer: kept so the participant sees the answer, never scheduled.
    case declined
}

/// Two participants who must never be paired: competitors, or already met.
public struct PairBlock: Hashable, Sendable, Codable {
    public var a: String
    public var b: String

    public init(a: String, b: String) {
        self.a = a
        self.b = b
    }
}

/// A meeting fixed by hand in a slot, and optionally at a table.
public struct MeetingLock: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    public var slot: Int
    public var table: Int?

    public init(a: String, b: String, slot: Int, table: Int? = nil) {
        self.a = a
        self.b = b
        self.slot = slot
        self.table = table
    }
}

/// One scheduled meeting.
public struct Meeting: Hashable, Sendable, Codable {
    public var delegate: String
    public var host: String
    /// 1-based slot.
    public var slot: Int
    /// 1-based table.
    public var table: Int
    public var score: Double

    public init(delegate: String, host: String, slot: Int, table: Int, score: Double) {
        self.delegate = delegate
        self.host = host
        self.slot = slot
        self.table = table
        self.score = score
    }

    /// The unordered pair, as delegate then host.
    public var pair: MeetingPair { MeetingPair(delegate: delegate, host: host) }
}

/// A delegate and a host.
public struct MeetingPair: Hashable, Sendable, Codable, Comparable {
    public var delegate: String
    public var host: String

    public init(delegate: String, host: String) {
        self.delegate = delegate
        self.host = host
    }

    public static func < (a: MeetingPair, b: MeetingPair) -> Bool {
        (a.delegate, a.host) < (b.delegate, b.host)
    }
}
