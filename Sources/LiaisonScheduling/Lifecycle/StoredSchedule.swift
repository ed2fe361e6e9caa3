/// The figures of an event's current schedule as kept with it: when it was computed, the minimum
/// asked for, the quality report, the requests left out and what changed against the published
/// schedule.
public struct StoredSchedule: Hashable, Sendable {
    /// ISO 8601 instant of the scheduling.
    public var scheduledAt: String
    public var minMeetings: Int
    public var report: QualityReport
    public var unplacedRequests: [UnplacedRequest]
    public var changes: ScheduleChanges?
    /// ISO 8601 instant of the last change to the event's rules (participants, requests, blocks,
    /// locks) that kept this schedule, nil when none: its figures are of the event as it was.
    public var rulesChangedAt: String?

    public init(scheduledAt: String, minMeetings: Int, report: QualityReport, unplacedRequests: [UnplacedRequest],
                changes: ScheduleChanges?, rulesChangedAt: String? = nil) {
        self.scheduledAt = scheduledAt
        self.minMeetings = minMeetings
        self.report = report
        self.unplacedRequests = unplacedRequests
        self.changes = changes
        self.rulesChangedAt = rulesChangedAt
    }
}
