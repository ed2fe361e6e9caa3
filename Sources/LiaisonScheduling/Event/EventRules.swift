/// An organizer's request that two participants meet: `must` places it first when it can be
/// placed at all; a plain request makes the pair more likely.
public struct MeetingRequest: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    public var must: Bool

    public init(a: String, b: String, must: Bool) {
        self.a = a
        self.b = b
        self.must = must
    }
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
