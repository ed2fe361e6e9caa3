import Foundation
import LiaisonScheduling
import Plot

/// One self-contained, printable page of a schedule: the quality figures, a slot × table grid
/// and one agenda per participant (each on its own printed page). Built with Plot; every piece
/// of text goes through ``Node/literal(_:)`` or ``Node/isolated(_:)``, which escape it in full
/// (Plot's own `.text` keeps anything that looks like a character reference, and its `.title`
/// copies the title unescaped into attributes).
public enum ScheduleHTML {
    /// The whole page, UTF-8 text.
    public static func page(_ document: ScheduleDocument) -> String {
        let event = document.event
        let report = document.state.report
        let tables = Set(document.meetings.map(\.meeting.table)).sorted()
        let bySlotAndTable = Dictionary(document.meetings.map { ([$0.meeting.slot, $0.meeting.table], $0.meeting) },
                                        uniquingKeysWith: { a, _ in a })
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .raw("<title>\(HTMLEscaping.escaped(event.name)) — meeting schedule</title>"),
                .style(stylesheet)
            ),
            .body(
                .h1(.literal(event.name)),
                .p(.class("where"), .literal("\(event.city), \(event.date), from \(event.start) (\(event.timeZone)) · \(event.slots) slots of \(event.slotMinutes) minutes · \(event.tables) tables")),
                .table(
                    .class("figures"),
                    .tr(.th("Meetings"), .td(.literal("\(report.meetings)"))),
                    .tr(.th("Total score"), .td(.literal(String(format: "%.3f", report.totalScore)))),
                    .tr(.th("Upper bound"), .td(.literal(String(format: "%.3f (%.1f %% reached)", report.upperBound, report.ratio * 100)))),
                    .tr(.th("Meetings per participant"), .td(.literal("min \(report.meetingsPerParticipant.min), median \(report.meetingsPerParticipant.median), max \(report.meetingsPerParticipant.max)"))),
                    .tr(.th("Requests placed"), .td(.literal("must \(report.mustRequests.placed)/\(report.mustRequests.asked), other \(report.otherRequests.placed)/\(report.otherRequests.asked)"))),
                    .tr(.th("Idle gaps"), .td(.literal(String(format: "mean %.2f, max %d slots", report.idleGaps.mean, report.idleGaps.max)))),
                    .tr(.th("Host table changes"), .td(.literal("\(report.tableChanges)")))
                ),
                .h2("Grid"),
                .table(
                    .class("grid"),
                    .tr(.th("Table"), .forEach(event.slotNumbers) { slot in .th(.literal("\(slot) · \(event.startTime(ofSlot: slot))")) }),
                    .forEach(tables) { table in
                        .tr(
                            .th(.literal("\(table)")),
                            .forEach(event.slotNumbers) { slot in
                                if let meeting = bySlotAndTable[[slot, table]] {
                                    .td(.isolated(document.name(meeting.delegate)), .br(), .span(.class("host"), .isolated(document.name(meeting.host))))
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
                        .h2(.isolated(document.name(company)), .span(.class("id"), .literal(" \(company)"))),
                        .p(.literal(agendaLine(document, company))),
                        .table(
                            .tr(.th("Time"), .th("Table"), .th("With"), .th("Why")),
                            .forEach(document.agenda(of: company)) { entry in
                                .tr(
                                    .td(.literal(event.startTime(ofSlot: entry.meeting.slot))),
                                    .td(.literal("\(entry.meeting.table)")),
                                    .td(.isolated(document.name(document.counterpart(of: company, in: entry.meeting)))),
                                    .td(.literal(document.reasonLine(entry)))
                                )
                            }
                        )
                    )
                }
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    private static func agendaLine(_ document: ScheduleDocument, _ company: String) -> String {
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

/// Escaping of text for HTML bodies and attribute values.
enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` written as character references, so a browser
    /// shows exactly `text`.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension Node {
    /// Text shown exactly as written.
    static func literal(_ text: String) -> Node { .raw(HTMLEscaping.escaped(text)) }

    /// A name shown exactly as written and isolated in `<bdi>`, so right-to-left characters in
    /// it cannot reorder the text around it.
    static func isolated(_ text: String) -> Node { .raw("<bdi>\(HTMLEscaping.escaped(text))</bdi>") }
}
