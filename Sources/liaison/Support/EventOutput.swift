import Foundation
import LiaisonScheduling
import LiaisonStore

/// The quality report of a schedule, as text for people.
enum EventReportText {
    static func render(_ id: String, _ state: StoredSchedule) -> String {
        let report = state.report
        var lines = [
            "\(id): \(report.meetings) meetings, total score \(String(format: "%.3f", report.totalScore)) of an upper bound of \(String(format: "%.3f", report.upperBound)) (\(String(format: "%.1f", report.ratio * 100)) %)",
            "meetings per participant: min \(report.meetingsPerParticipant.min), median \(report.meetingsPerParticipant.median), max \(report.meetingsPerParticipant.max)"
                + (report.minimumMeetings > 0 ? " (minimum asked: \(report.minimumMeetings), \(report.underMinimum.count) under it)" : ""),
            "requests placed: must \(report.mustRequests.placed)/\(report.mustRequests.asked), other \(report.otherRequests.placed)/\(report.otherRequests.asked)",
            "idle gaps: mean \(String(format: "%.2f", report.idleGaps.mean)), max \(report.idleGaps.max) slots; host table changes: \(report.tableChanges)",
        ]
        for shortfall in report.underMinimum {
            lines.append("  under the minimum: \(shortfall.company) (\(shortfall.meetings) meetings): \(shortfall.reason)")
        }
        for unplaced in state.unplacedRequests {
            lines.append("  not placed: \(unplaced.request.must ? "must " : "")\(unplaced.request.a) – \(unplaced.request.b): \(unplaced.reason)")
        }
        if let changes = state.changes {
            lines.append("against the published schedule: \(changes.kept) kept, \(changes.added.count) added, \(changes.moved.count) moved, \(changes.dropped.count) dropped")
            for move in changes.moved {
                lines.append("  moved: \(move.to.delegate) – \(move.to.host) from slot \(move.from.slot) table \(move.from.table) to slot \(move.to.slot) table \(move.to.table)")
            }
            for drop in changes.dropped {
                lines.append("  dropped: \(drop.meeting.delegate) – \(drop.meeting.host) (slot \(drop.meeting.slot)): \(drop.reason)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// `liaison event report --format json`.
struct EventReportDocument: Encodable {
    var scheduledAt: String
    var minMeetings: Int
    var quality: QualityReport
    var unplacedRequests: [UnplacedRequest]
    var changes: ScheduleChanges?

    init(_ state: StoredSchedule) {
        scheduledAt = state.scheduledAt
        minMeetings = state.minMeetings
        quality = state.report
        unplacedRequests = state.unplacedRequests
        changes = state.changes
    }
}

/// `liaison event list --format json`.
struct EventListEntry: Encodable {
    var event: EventSpec
    var delegates: Int
    var hosts: Int
    var meetings: Int?
    var publishedAt: String?

    init(_ summary: EventSummary) {
        event = summary.spec
        delegates = summary.delegates
        hosts = summary.hosts
        meetings = summary.meetings
        publishedAt = summary.publishedAt
    }
}

/// `liaison event show --format json`.
struct EventShowDocument: Encodable {
    var event: EventSpec
    var participants: [Participant]
    var requests: [MeetingRequest]
    var blocks: [PairBlock]
    var locks: [MeetingLock]

    init(_ definition: EventDefinition) {
        event = definition.spec
        participants = definition.participants
        requests = definition.requests
        blocks = definition.blocks
        locks = definition.locks
    }
}
