import Foundation
import LiaisonScheduling
import Plot

/// One self-contained, printable page of a schedule: the quality figures, a slot × table grid
/// and one agenda per participant (each on its own printed page). Built with Plot, so every
/// name and reason is escaped by construction.
public enum ScheduleHTML {
    public static func page(_ document: EventScheduleDocument) -> String {
        let event = document.event
        let report = document.state.report
        let tables = Set(document.meetings.map(\.meeting.table)).sorted()
        let bySlotAndTable = Dictionary(document.meetings.map { ([$0.meeting.slot, $0.meeting.table], $0.meeting) },
                                        uniquingKeysWith: { a, _ in a })
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .title("\(event.name) — meeting schedule"),
                .style(stylesheet)
            ),
            .body(
                .h1(.text(event.name)),
                .p(.class("where"), .text("\(event.city), \(event.date), from \(event.start) (\(event.timeZone)) · \(event.slots) slots of \(event.slotMinutes) minutes · \(event.tables) tables")),
                .table(
                    .class("figures"),
                    .tr(.th("Meetings"), .td(.text("\(report.meetings)"))),
                    .tr(.th("Total score"), .td(.text(String(format: "%.3f", report.totalScore)))),
                    .tr(.th("Upper bound"), .td(.text(String(format: "%.3f (%.1f %% reached)", report.upperBound, report.ratio * 100)))),
                    .tr(.th("Meetings per participant"), .td(.text("min \(report.meetingsPerParticipant.min), median \(report.meetingsPerParticipant.median), max \(report.meetingsPerParticipant.max)"))),
                    .tr(.th("Requests placed"), .td(.text("must \(report.mustRequests.placed)/\(report.mustRequests.asked), other \(report.otherRequests.placed)/\(report.otherRequests.asked)"))),
                    .tr(.th("Idle gaps"), .td(.text(String(format: "mean %.2f, max %d slots", report.idleGaps.mean, report.idleGaps.max)))),
                    .tr(.th("Host table changes"), .td(.text("\(report.tableChanges)")))
                ),
                .h2("Grid"),
                .table(
                    .class("grid"),
                    .tr(.th("Table"), .forEach(event.slotNumbers) { slot in .th(.text("\(slot) · \(event.startTime(ofSlot: slot))")) }),
                    .forEach(tables) { table in
                        .tr(
                            .th(.text("\(table)")),
                            .forEach(event.slotNumbers) { slot in
                                if let meeting = bySlotAndTable[[slot, table]] {
                                    .td(.text(document.name(meeting.delegate)), .br(), .span(.class("host"), .text(document.name(meeting.host))))
                                } else {
                                    .td()
                                }
                            }
                        )
                    }
                ),
                .forEach(document.people.keys.sorted()) { company in
                    .section(
                        .class("agenda"),
                        .h2(.text(document.name(company)), .span(.class("id"), .text(" \(company)"))),
                        .p(.text(agendaLine(document, company))),
                        .table(
                            .tr(.th("Time"), .th("Table"), .th("With"), .th("Why")),
                            .forEach(document.agenda(of: company)) { entry in
                                .tr(
                                    .td(.text(event.startTime(ofSlot: entry.meeting.slot))),
                                    .td(.text("\(entry.meeting.table)")),
                                    .td(.text(document.name(document.counterpart(of: company, in: entry.meeting)))),
                                    .td(.text(entry.reasons))
                                )
                            }
                        )
                    )
                }
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    private static func agendaLine(_ document: EventScheduleDocument, _ company: String) -> String {
        guard let person = document.people[company] else { return "" }
        var parts = ["\(person.participant.side == .delegate ? "Delegate" : "Host"), \(person.city), \(person.country)"]
        parts.append("\(document.agenda(of: company).count) meetings")
        if let interpreter = person.participant.interpreter { parts.append("interpreter \(interpreter)") }
        return parts.joined(separator: " · ")
    }

    private static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        .grid td { font-size: 0.85em; min-width: 8em; }
        .host { color: #555; }
        .id { color: #777; font-weight: normal; font-size: 0.8em; }
        @media print { .agenda { page-break-before: always; } body { margin: 0; } }
        """
}
