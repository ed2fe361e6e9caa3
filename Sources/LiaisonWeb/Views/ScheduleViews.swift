import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling

/// `GET /events/ID/schedule`: the quality report and the grid of slots × tables.
struct ScheduleView: Sendable {
    struct Figures: Sendable {
        var meetings: Int
        var total: String
        var bound: String
        var ratio: String
        var min: Int
        var median: String
        var max: Int
        var mustPlaced: Int
        var mustAsked: Int
        var otherPlaced: Int
        var otherAsked: Int
        var idleMean: String
        var idleMax: Int
        /// Breaks (runs of idle slots between two meetings of a day): total, most of anyone, spread.
        var breaksTotal: Int
        var breaksMax: Int
        var breaksSpread: Int
        /// Whether the exact search proved the total the fewest, in words (empty when none ran).
        var breaksProof: String
        var idleSlots: Int
        var tableChanges: Int
        /// When, and whether the event changed since (its figures then being of the event as it was).
        var scheduledAt: String
    }

    struct Shortfall: Sendable {
        var company: String
        /// `1 meeting`, `0 meetings`.
        var meetings: String
        var reason: String
    }

    struct Unplaced: Sendable {
        var pair: String
        var reason: String
    }

    struct Cell: Sendable {
        var meeting: MeetingCell?
    }

    /// A meeting in the grid, with its move form's values.
    struct MeetingCell: Sendable {
        /// The ids as stored, sent back by the move form.
        var delegate: String
        var host: String
        var delegateName: String
        var hostName: String
        var slot: Int
        var table: Int
        var locked: Bool
    }

    struct Row: Sendable {
        var slot: Int
        var time: String
        var cells: [Cell]
    }

    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    var id: String
    var name: String
    var eventHref: String
    var exportsHref: String
    var scheduleAction: String
    var moveAction: String
    var publishAction: String
    /// Why there is no schedule when a change discarded the published event's one; nil otherwise.
    var discarded: String?
    /// The fingerprint of the meetings shown (``Meeting/fingerprint(of:)``): publishing publishes them or nothing.
    var fingerprint: String
    var minMeetings: Int
    /// The most seconds the form lets the exact search for fewer breaks run.
    let exactSecondsLimit = ScheduleRoutes.exactSecondsLimit
    var scheduled: Bool
    var published: String
    var report: Figures?
    var shortfalls: [Shortfall]
    var unplaced: [Unplaced]
    var changes: String?
    /// Who has no meeting though no minimum names it (as `event schedule` lists them), and each
    /// meeting moved or dropped against the published schedule, with why.
    var without: [String]
    var changeLines: [String]
    var tableNumbers: [Int]
    var rows: [Row]

    init(definition: EventDefinition, document: ScheduleDocument?, locked: Set<MeetingPair>, publishedAt: String?, csrf: String,
         notice: String?) {
        let spec = definition.spec
        let base = EventRoutes.href(spec.id)
        organizer = OrganizerBar(csrf: csrf)
        self.notice = notice
        self.csrf = csrf
        id = DisplayText.safe(spec.id)
        name = DisplayText.safe(spec.name)
        eventHref = base
        exportsHref = base + "/exports"
        scheduleAction = base + "/schedule"
        moveAction = base + "/schedule/move"
        publishAction = base + "/publish"
        fingerprint = Meeting.fingerprint(of: document?.meetings.map(\.meeting) ?? [], timing: spec.timing(ofSlot:))
        scheduled = document != nil
        published = publishedAt.map(DisplayText.instant) ?? "not yet"
        minMeetings = document?.state.minMeetings ?? 1
        func shown(_ company: String) -> String { DisplayText.safe(document?.name(company) ?? company) }
        if let document {
            let state = document.state, report = state.report
            self.report = Figures(
                meetings: report.meetings, total: String(format: "%.3f", report.totalScore), bound: String(format: "%.3f", report.upperBound),
                ratio: String(format: "%.1f %%", report.ratio * 100), min: report.meetingsPerParticipant.min,
                median: String(format: "%g", report.meetingsPerParticipant.median), max: report.meetingsPerParticipant.max,
                mustPlaced: report.mustRequests.placed, mustAsked: report.mustRequests.asked, otherPlaced: report.otherRequests.placed,
                otherAsked: report.otherRequests.asked, idleMean: String(format: "%.2f", report.idleGaps.mean), idleMax: report.idleGaps.max,
                breaksTotal: report.breaks.total, breaksMax: report.breaks.max, breaksSpread: report.breaks.spread,
                breaksProof: report.breaks.proofNote,
                idleSlots: report.idleSlots, tableChanges: report.tableChanges,
                scheduledAt: DisplayText.instant(state.scheduledAt) + (state.rulesChangedAt.map(DisplayText.instant).map {
                    " — the event's participants or rules changed at \($0), after it: these figures are of the event as it was; schedule again to bring them up to date"
                } ?? ""))
            shortfalls = report.underMinimum.map { Shortfall(company: shown($0.company), meetings: EnglishCount.of($0.meetings, "meeting"), reason: DisplayText.safe(ConsoleWords.reason($0.reason))) }
            unplaced = state.unplacedRequests.map {
                Unplaced(pair: "\(shown($0.request.a)) – \(shown($0.request.b))", reason: DisplayText.safe(ConsoleWords.reason($0.reason)))
            }
            changes = state.changes.map {
                "Against the published schedule: \($0.kept) kept, \($0.added.count) added, \($0.moved.count) moved, \($0.dropped.count) dropped."
            }
            let named = Set(report.underMinimum.map(\.company))
            without = document.withoutMeetings.filter { !named.contains($0) }.map { "\(shown($0)) (\(DisplayText.safe($0)))" }
            changeLines = (state.changes?.moved ?? []).map { move in
                move.isRetimed
                    ? "Moved: \(shown(move.to.delegate)) – \(shown(move.to.host)) in slot \(move.to.slot) table \(move.to.table), to the slot's new time"
                    : "Moved: \(shown(move.to.delegate)) – \(shown(move.to.host)) from slot \(move.from.slot) table \(move.from.table) "
                        + "to slot \(move.to.slot) table \(move.to.table)"
            } + (state.changes?.dropped ?? []).map { drop in
                "Dropped: \(shown(drop.meeting.delegate)) – \(shown(drop.meeting.host)) (slot \(drop.meeting.slot)): \(DisplayText.safe(ConsoleWords.reason(drop.reason)))"
            }
            var grid: [Int: [Int: MeetingCell]] = [:]
            for entry in document.meetings {
                let m = entry.meeting
                grid[m.slot, default: [:]][m.table] = MeetingCell(delegate: m.delegate, host: m.host, delegateName: shown(m.delegate),
                                                                   hostName: shown(m.host), slot: m.slot, table: m.table,
                                                                   locked: locked.contains(m.pair))
            }
            tableNumbers = Array(1...max(spec.tables, 1))
            rows = spec.slotNumbers.map { slot in
                Row(slot: slot, time: (spec.days.count > 1 ? spec.date(ofSlot: slot) + " " : "") + spec.startTime(ofSlot: slot), cells: (1...max(spec.tables, 1)).map { Cell(meeting: grid[slot]?[$0]) })
            }
        } else {
            report = nil
            shortfalls = []
            unplaced = []
            changes = nil
            without = []
            changeLines = []
            tableNumbers = []
            rows = []
        }
    }
}

/// `GET /events/ID/exports`: every export's files, or why there are none.
struct ExportsView: Sendable {
    struct File: Sendable {
        var path: String
        var href: String
    }

    struct Format: Sendable {
        var label: String
        var files: [File]
    }

    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var id: String
    var name: String
    var eventHref: String
    var scheduleHref: String
    var formats: [Format]
    /// Why there is nothing to export, and where to make a schedule: no current schedule.
    var missing: String?
}
