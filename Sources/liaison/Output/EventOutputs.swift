import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonFormats
import LiaisonStore

/// `liaison event report` (and what `event schedule` prints): a schedule's quality figures, who
/// falls short and why (and, with no minimum asked, who has no meeting at all), requests left
/// out, and changes against the published schedule.
struct EventReport: CommandOutput {
    let event: String
    let state: StoredSchedule
    /// Participants without any meeting, by id.
    let withoutMeetings: [String]
    let pairing: Pairing

    init(event: String, schedule: EventSchedule) {
        self.event = event
        state = schedule.state
        withoutMeetings = schedule.withoutMeetings
        pairing = schedule.pairing
    }

    /// Changes name meetings as the event's export does: `a` and `b` in an open event.
    var jsonContext: [CodingUserInfoKey: any Sendable] { [Meeting.pairingKey: pairing] }

    private enum CodingKeys: String, CodingKey { case scheduledAt, rulesChangedAt, minMeetings, quality, withoutMeetings, unplacedRequests, changes }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state.scheduledAt, forKey: .scheduledAt)
        try container.encodeIfPresent(state.rulesChangedAt, forKey: .rulesChangedAt)
        try container.encode(state.minMeetings, forKey: .minMeetings)
        try container.encode(state.report, forKey: .quality)
        try container.encode(withoutMeetings, forKey: .withoutMeetings)
        try container.encode(state.unplacedRequests, forKey: .unplacedRequests)
        try container.encodeIfPresent(state.changes, forKey: .changes)
    }

    var columns: [String] { ["figure", "value"] }
    var rows: [[String]] {
        let report = state.report
        return [
            ["meetings", "\(report.meetings)"], ["total score", String(format: "%.6f", report.totalScore)],
            ["upper bound", String(format: "%.6f", report.upperBound)], ["ratio", String(format: "%.6f", report.ratio)],
            ["meetings per participant min", "\(report.meetingsPerParticipant.min)"],
            ["meetings per participant median", "\(report.meetingsPerParticipant.median)"],
            ["meetings per participant max", "\(report.meetingsPerParticipant.max)"],
            ["minimum asked", "\(report.minimumMeetings)"], ["under the minimum", "\(report.underMinimum.count)"],
            ["without any meeting", "\(withoutMeetings.count)"],
            ["must requests placed", "\(report.mustRequests.placed)"], ["must requests asked", "\(report.mustRequests.asked)"],
            ["other requests placed", "\(report.otherRequests.placed)"], ["other requests asked", "\(report.otherRequests.asked)"],
            ["idle gaps mean", String(format: "%.4f", report.idleGaps.mean)], ["idle gaps max", "\(report.idleGaps.max)"],
            ["breaks total", "\(report.breaks.total)"], ["breaks max", "\(report.breaks.max)"], ["breaks spread", "\(report.breaks.spread)"],
            ["idle slots", "\(report.idleSlots)"],
        ] + (report.breaks.fewestProven.map { [["breaks fewest proven", "\($0)"]] } ?? [])
          + (report.breaks.tooLargeToSearch.map { [["breaks too large to search", "\($0)"]] } ?? []) + [
            ["host table changes", "\(report.tableChanges)"], ["scheduled at", state.scheduledAt],
        ] + (state.rulesChangedAt.map { [["rules changed at", $0]] } ?? [])
    }

    var text: String {
        let report = state.report
        var lines = [
            "\(event): \(EnglishCount.of(report.meetings, "meeting")), total score \(String(format: "%.3f", report.totalScore)) of an upper bound of \(String(format: "%.3f", report.upperBound)) (\(String(format: "%.1f", report.ratio * 100)) %)",
            "meetings per participant: min \(report.meetingsPerParticipant.min), median \(report.meetingsPerParticipant.median), max \(report.meetingsPerParticipant.max)"
                + (report.minimumMeetings > 0 ? " (minimum asked: \(report.minimumMeetings), \(report.underMinimum.count) under it)" : ""),
            "requests placed: must \(report.mustRequests.placed)/\(report.mustRequests.asked), other \(report.otherRequests.placed)/\(report.otherRequests.asked)",
            "idle gaps: mean \(String(format: "%.2f", report.idleGaps.mean)), max \(report.idleGaps.max) slots; host table changes: \(report.tableChanges)",
            "breaks: total \(report.breaks.total)\(report.breaks.proofNote), max \(report.breaks.max), spread \(report.breaks.spread); idle slots: \(report.idleSlots)",
        ]
        for shortfall in report.underMinimum {
            lines.append("  under the minimum: \(shortfall.company) (\(EnglishCount.of(shortfall.meetings, "meeting"))): \(shortfall.reason)")
        }
        // With a minimum of one or more, everyone without a meeting is named just above.
        let named = Set(report.underMinimum.map(\.company))
        for company in withoutMeetings where !named.contains(company) {
            lines.append("  without any meeting: \(company): no minimum was asked (--min-meetings \(report.minimumMeetings)); "
                         + "with one, the report says why each participant falls short of it")
        }
        for unplaced in state.unplacedRequests {
            lines.append("  not placed: \(unplaced.request.must ? "must " : "")\(unplaced.request.a) – \(unplaced.request.b): \(unplaced.reason)")
        }
        if let changes = state.changes {
            lines.append("against the published schedule: \(changes.kept) kept, \(changes.added.count) added, \(changes.moved.count) moved, \(changes.dropped.count) dropped")
            for move in changes.moved where move.isRetimed {
                lines.append("  moved: \(move.to.delegate) – \(move.to.host) in slot \(move.to.slot) table \(move.to.table), to the slot's new time")
            }
            for move in changes.moved where !move.isRetimed {
                lines.append("  moved: \(move.to.delegate) – \(move.to.host) from slot \(move.from.slot) table \(move.from.table) to slot \(move.to.slot) table \(move.to.table)")
            }
            for drop in changes.dropped {
                lines.append("  dropped: \(drop.meeting.delegate) – \(drop.meeting.host) (slot \(drop.meeting.slot)): \(drop.reason)")
            }
        }
        if let changed = state.rulesChangedAt {
            lines.append("note: the event's participants or rules changed at \(changed), after this schedule was made: its figures are "
                         + "of the event as it was; `liaison event schedule \(event) --keep-published` brings them up to date")
        }
        return lines.joined(separator: "\n")
    }
}

/// `liaison event list`: JSON an array of entries, each the event with its counts.
struct EventList: CommandOutput {
    let events: [EventSummary]

    private struct Entry: Encodable {
        var event: EventSpec
        var delegates: Int
        var hosts: Int
        var meetings: Int?
        var publishedAt: String?
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(events.map {
            Entry(event: $0.spec, delegates: $0.delegates, hosts: $0.hosts, meetings: $0.meetings, publishedAt: $0.publishedAt)
        })
    }

    var columns: [String] { ["id", "name", "city", "date", "delegates", "hosts", "meetings", "published"] }
    var rightAligned: Set<Int> { [4, 5, 6] }
    var rows: [[String]] {
        events.map { summary in
            [summary.spec.id, summary.spec.name, summary.spec.city, summary.spec.date, "\(summary.delegates)",
             "\(summary.hosts)", summary.meetings.map(String.init) ?? "-", summary.publishedAt ?? "-"]
        }
    }
}

/// `liaison event show`: an event, its participants and rules. In CSV, its participants.
struct EventCard: CommandOutput {
    let definition: EventDefinition

    init(_ definition: EventDefinition) {
        self.definition = definition
    }

    private enum CodingKeys: String, CodingKey { case event, participants, requests, blocks, locks }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(definition.spec, forKey: .event)
        try container.encode(definition.participants, forKey: .participants)
        try container.encode(definition.requests, forKey: .requests)
        try container.encode(definition.blocks, forKey: .blocks)
        try container.encode(definition.locks, forKey: .locks)
    }

    var columns: [String] { ["company", "side", "max", "available", "reps", "interpreter"] }
    var rightAligned: Set<Int> { [2, 4] }
    var rows: [[String]] {
        definition.participants.map { p in
            [p.company, p.side.rawValue, "\(p.maxMeetings)", p.available.description, "\(p.reps)", p.interpreter ?? ""]
        }
    }

    var text: String {
        let spec = definition.spec
        var table = TextTable(columns, rightAligned: rightAligned)
        for row in rows { table.append(row) }
        let when: String = spec.days.count > 1
            ? spec.days.map { "\($0.date) from \($0.start)" }.joined(separator: ", ") + " (\(spec.timeZone))"
            : "\(spec.date) from \(spec.start) (\(spec.timeZone))"
        var slots = "\(spec.slots) × \(spec.slotMinutes) min"
        if spec.days.count > 1 {
            slots += " over \(spec.days.count) days (" + spec.days.map { String($0.slots) }.joined(separator: " + ") + ")"
        } else if let breakAfter = spec.breakAfter {
            slots += ", break of \(spec.breakMinutes) min after slot \(breakAfter)"
        }
        var fields: [(name: String, value: String)] = [("id", spec.id), ("name", spec.name), ("where", "\(spec.city), \(spec.country)")]
        if !spec.venue.isEmpty { fields.append(("venue", spec.venue)) }
        fields += [("when", when), ("slots", slots), ("tables", "\(spec.tables)")]
        if spec.pairing == .open { fields.append(("pairing", "open: any two participants may meet")) }
        if !spec.sessions.isEmpty { fields.append(("sessions", spec.sessions.map { "\($0.name) \($0.slots)" }.joined(separator: ", "))) }
        var lines = [TextTable.fields(fields), "", table.text]
        lines += definition.requests.map { request -> String in
            let session = request.session.map { " in \($0)" } ?? ""
            let asked = request.origin == .participant ? " (asked by \(request.a), \(request.status.rawValue))" : ""
            return "\(request.must ? "must" : "request") \(request.a) – \(request.b)" + session + asked
        }
        lines += definition.blocks.map { "block \($0.a) – \($0.b)" }
        lines += definition.locks.map { "lock \($0.a) – \($0.b) slot \($0.slot)\($0.table.map { " table \($0)" } ?? "")" }
        return lines.joined(separator: "\n")
    }
}
