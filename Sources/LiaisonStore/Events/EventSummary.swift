import LiaisonScheduling

/// One event in `liaison event list`.
public struct EventSummary: Sendable {
    public var spec: EventSpec
    public var delegates: Int
    public var hosts: Int
    public var meetings: Int?
    public var publishedAt: String?
}
