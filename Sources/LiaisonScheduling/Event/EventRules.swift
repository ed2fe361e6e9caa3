/// A request that two participants meet: `must` places it first when it can be placed at all;
/// a plain request makes the pair more likely (and, when only requests are scheduled, is one of
/// the meetings to place). With a `session`, the meeting may only take place in that session's
/// slots. The organizer's requests are in force at once; a participant's (made through its
/// private link, `a` asking to meet `b`) waits for the organizer to accept it, and only requests
/// in force are scheduled.
public struct MeetingRequest: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    public var must: Bool
    /// The name of the session (see ``EventSpec/sessions``) the meeting must fall in, if any.
    public var session: String?
    /// Who asked for the meeting.
    public var origin: RequestOrigin
    /// Whether the organizer has accepted it (always, for the organizer's own).
    public var status: RequestStatus

    public init(a: String, b: String, must: Bool, session: String? = nil, origin: RequestOrigin = .organizer,
                status: RequestStatus = .accepted) {
        self.a = a
        self.b = b
        self.must = must
        self.session = session
        self.origin = origin
        self.status = status
    }

    /// Whether the scheduler takes it into account: accepted.
    public var isInForce: Bool { status == .accepted }

    private enum CodingKeys: String, CodingKey { case a, b, must, session, origin, status }

    /// Decodes a request; `origin` and `status`, absent from what was written before they existed
    /// (stored unplaced requests, older event files), default to an organizer's accepted request.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        a = try container.decode(String.self, forKey: .a)
        b = try container.decode(String.self, forKey: .b)
        must = try container.decode(Bool.self, forKey: .must)
        session = try container.decodeIfPresent(String.self, forKey: .session)
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

/// One scheduled meeting of two participants, `a` and `b`. In a sides event `a` is the
/// delegate and `b` the host (``delegate`` and ``host`` name them so); in an open event `a` is
/// the one whose company id sorts first.
public struct Meeting: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    /// 1-based slot, counted across the whole event.
    public var slot: Int
    /// 1-based table.
    public var table: Int
    public var score: Double

    public init(a: String, b: String, slot: Int, table: Int, score: Double) {
        self.a = a
        self.b = b
        self.slot = slot
        self.table = table
        self.score = score
    }

    /// A meeting of a sides event.
    public init(delegate: String, host: String, slot: Int, table: Int, score: Double) {
        self.init(a: delegate, b: host, slot: slot, table: table, score: score)
    }

    /// The delegate of a sides event's meeting (its `a`).
    public var delegate: String {
        get { a }
        set { a = newValue }
    }

    /// The host of a sides event's meeting (its `b`).
    public var host: String {
        get { b }
        set { b = newValue }
    }

    /// Whether `company` takes part.
    public func involves(_ company: String) -> Bool { a == company || b == company }

    /// The pair, as `a` then `b`.
    public var pair: MeetingPair { MeetingPair(a: a, b: b) }

    private enum CodingKeys: String, CodingKey {
        case a, b, slot, table, score, delegate, host
    }

    /// Reads `a` and `b`, or the `delegate` and `host` of earlier versions.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let a = try container.decodeIfPresent(String.self, forKey: .a) ?? container.decode(String.self, forKey: .delegate)
        let b = try container.decodeIfPresent(String.self, forKey: .b) ?? container.decode(String.self, forKey: .host)
        self.init(a: a, b: b, slot: try container.decode(Int.self, forKey: .slot), table: try container.decode(Int.self, forKey: .table),
                  score: try container.decode(Double.self, forKey: .score))
    }

    /// The `userInfo` key of an encoder writing an open event's meetings: with ``Pairing/open``
    /// there, a meeting is written with `a` and `b`; otherwise (a sides event) with `delegate`
    /// and `host`.
    public static let pairingKey = CodingUserInfoKey(rawValue: "liaison.pairing")!

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let open = encoder.userInfo[Self.pairingKey] as? Pairing == .open
        try container.encode(a, forKey: open ? .a : .delegate)
        try container.encode(b, forKey: open ? .b : .host)
        try container.encode(slot, forKey: .slot)
        try container.encode(table, forKey: .table)
        try container.encode(score, forKey: .score)
    }
}

/// The two participants of a meeting, `a` then `b` (in a sides event, the delegate then the host).
public struct MeetingPair: Hashable, Sendable, Codable, Comparable {
    public var a: String
    public var b: String

    public init(a: String, b: String) {
        self.a = a
        self.b = b
    }

    /// The pair of a sides event.
    public init(delegate: String, host: String) {
        self.init(a: delegate, b: host)
    }

    /// The delegate of a sides event's pair (its `a`).
    public var delegate: String {
        get { a }
        set { a = newValue }
    }

    /// The host of a sides event's pair (its `b`).
    public var host: String {
        get { b }
        set { b = newValue }
    }

    public static func < (x: MeetingPair, y: MeetingPair) -> Bool {
        (x.a, x.b) < (y.a, y.b)
    }
}
