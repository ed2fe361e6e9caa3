/// A meeting as published to calendars: its sequence grows each time it moves or is cancelled.
public struct PublishedMeeting: Hashable, Sendable {
    public var meeting: Meeting
    /// The calendar SEQUENCE (RFC 5545): 0 when first published, one more at each move or cancellation.
    public var sequence: Int
    /// Published once, no longer scheduled: calendars must remove it.
    public var cancelled: Bool
    /// When it was published (ISO 8601), empty in a publication not yet stored.
    public var publishedAt: String
    /// When it was published to take place (``EventSpec/timing(ofSlot:)``); nil in a publication
    /// stored before Liaison kept it.
    public var timing: String?

    public init(meeting: Meeting, sequence: Int, cancelled: Bool, publishedAt: String, timing: String? = nil) {
        self.meeting = meeting
        self.sequence = sequence
        self.cancelled = cancelled
        self.publishedAt = publishedAt
        self.timing = timing
    }
}
