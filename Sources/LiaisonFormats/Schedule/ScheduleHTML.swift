import Foundation
import LiaisonScheduling
import Plot

/// One self-contained, printable page of a schedule: the organizer's part — the quality figures
/// and a slot × table grid, in English — then one agenda per participant (a
/// ``ParticipantAgenda``, each on its own printed page, in its participant's language, without
/// scores unless `withScores`). Built with Plot; every piece of text goes through
/// ``Node/literal(_:)`` or ``Node/isolated(_:)``, which escape it in full (Plot's own `.text`
/// keeps anything that looks like a character reference, and its `.title` copies the title
/// unescaped into attributes).
public enum ScheduleHTML {
    /// The whole page, UTF-8 text.
    public static func page(_ document: ScheduleDocument, withScores: Bool = false) -> String {
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
                .p(.class("where"), .literal("\(event.venue.isEmpty ? event.city : event.venue), \(event.days.map { "\($0.date) from \($0.start)" }.joined(separator: ", ")) (\(event.timeZone)) · \(event.slots) slots of \(event.slotMinutes) minutes · \(event.tables) tables")),
                .table(
                    .class("figures"),
                    .tr(.th("Meetings"), .td(.literal("\(report.meetings)"))),
                    .tr(.th("Total score"), .td(.literal(String(format: "%.3f", report.totalScore)))),
                    .tr(.th("Upper bound"), .td(.literal(String(format: "%.3f (%.1f %% reached)", report.upperBound, report.ratio * 100)))),
                    .tr(.th("Meetings per participant"), .td(.literal("min \(report.meetingsPerParticipant.min), median \(report.meetingsPerParticipant.median), max \(report.meetingsPerParticipant.max)"))),
                    .tr(.th("Requests placed"), .td(.literal("must \(report.mustRequests.placed)/\(report.mustRequests.asked), other \(report.otherRequests.placed)/\(report.otherRequests.asked)"))),
                    .tr(.th("Idle gaps"), .td(.literal(String(format: "mean %.2f, max %d slots", report.idleGaps.mean, report.idleGaps.max)))),
                    .tr(.th("Breaks"), .td(.text("total \(report.breaks.total)\(report.breaks.proofNote), max \(report.breaks.max), spread \(report.breaks.spread)"))),
                    .tr(.th("Idle slots"), .td(.literal("\(report.idleSlots)"))),
                    .tr(.th("Host table changes"), .td(.literal("\(report.tableChanges)"))),
                    .tr(.th("Without any meeting"), .td(.literal(document.withoutMeetings.isEmpty ? "none" : document.withoutMeetings.joined(separator: ", "))))
                ),
                .h2("Grid"),
                .table(
                    .class("grid"),
                    .tr(.th("Table"), .forEach(event.slotNumbers) { slot in .th(.literal("\(slot) · " + (event.days.count > 1 ? event.date(ofSlot: slot) + " " : "") + event.startTime(ofSlot: slot))) }),
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
                    agenda(ParticipantAgenda(of: company, in: document, withScores: withScores), person: document.people[company])
                }
            )
        )
        return html.render(indentedBy: .spaces(1))
    }

    /// One participant's agenda: a section in its language, its heading the company's name and id.
    private static func agenda(_ agenda: ParticipantAgenda, person: ScheduleDocument.Person?) -> Node<HTML.BodyContext> {
        let w = agenda.words
        let list = w.language == .zh ? "、" : ", ", colon = w.language == .zh ? "：" : w.language == .fr ? " : " : ": "
        let columns = 7 + (agenda.withScores ? 1 : 0) + (agenda.severalDays ? 1 : 0)
        return .section(
            .class("agenda"),
            .div(
                .attribute(named: "lang", value: w.language.rawValue),
                .h2(.isolated(agenda.name), .span(.class("id"), .literal(" \(agenda.company)"))),
                .p(.class("where"), .literal([agenda.eventName, agenda.dates, agenda.venue, "\(w.timeZone) \(agenda.timeZone)"].joined(separator: " · "))),
                .p(.literal(summary(agenda, person: person))),
                .if(agenda.meetings.isEmpty, .p(.class("none"), .literal(w.noMeeting))),
                .table(
                    .tr(.if(agenda.severalDays, .th(.literal(w.date))), .th(.literal(w.time)), .th(.literal(w.table)), .th(.literal(w.with)), .th(.literal(w.offers + " / " + w.seeks)),
                        .th(.literal(w.contact)), .th(.literal(w.interpreter)), .th(.literal(w.why)),
                        .if(agenda.withScores, .th(.literal(w.score)))),
                    .forEach(agenda.lines) { line in
                        switch line {
                        case .meeting(let m):
                            .tr(
                                .if(agenda.severalDays, .td(.literal(m.date))),
                                .td(.literal("\(m.start)–\(m.end)")),
                                .td(.literal("\(m.table)")),
                                .td(.isolated(m.name), .br(), .span(.class("id"), .literal(([m.counterpart, m.city, m.country].filter { !$0.isEmpty }).joined(separator: " · ")))),
                                .td(.if(!m.offers.isEmpty, .literal(w.offers + colon + m.offers.joined(separator: list))),
                                    .if(!m.offers.isEmpty && !m.seeks.isEmpty, .br()),
                                    .if(!m.seeks.isEmpty, .span(.class("seeks"), .literal(w.seeks + colon + m.seeks.joined(separator: list))))),
                                .td(.literal(m.contact.line)),
                                .td(.literal(m.interpreter ?? "")),
                                .td(.literal(m.reasons.joined(separator: w.language == .zh ? "；" : "; "))),
                                .if(agenda.withScores, .td(.literal(m.score.map { String(format: "%.4f", $0) } ?? "")))
                            )
                        case .free(_, let date, let start, let end):
                            .tr(.class("free"), .if(agenda.severalDays, .td(.literal(date))), .td(.literal("\(start)–\(end)")),
                                .td(.attribute(named: "colspan", value: "\(columns - (agenda.severalDays ? 2 : 1))"), .literal(w.free)))
                        }
                    }
                )
            )
        )
    }

    /// `Delegate, Shanghai, China · 3 meetings · interpreter zh-en`, in the agenda's language.
    private static func summary(_ agenda: ParticipantAgenda, person: ScheduleDocument.Person?) -> String {
        let w = agenda.words
        let country = person.map { CountryAndLanguageNames.country($0.country, in: w.language) } ?? ""
        let side = agenda.side.map { $0 == .delegate ? w.delegate : w.host }
        let who = ([side ?? ""] + [person?.city ?? "", country]).filter { !$0.isEmpty }
            .joined(separator: w.language == .zh ? "，" : ", ")
        var parts = [who, w.meetingCount(agenda.meetings.count)]
        if let interpreter = agenda.interpreter { parts.append("\(w.interpreter) \(interpreter)") }
        return parts.joined(separator: " · ")
    }

    private static let stylesheet = """
        body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        .grid td { font-size: 0.85em; min-width: 8em; }
        .host, .seeks { color: #555; }
        .free td { color: #777; font-style: italic; }
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
