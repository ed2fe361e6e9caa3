import Foundation
import LiaisonScheduling

/// CSV exports of a schedule: the organizer's master list and one agenda per participant, safe
/// to open in a spreadsheet (``CSVTable`` neutralizes every cell that would run as a formula).
///
/// An agenda (a ``ParticipantAgenda``) is for a person opening it in Excel: UTF-8 with a byte
/// order mark (so Chinese names show), in the participant's language, first a few label–value
/// rows (who, event, date, venue, time zone), a blank row, then one row per slot — a meeting,
/// or a free slot. Every row has the same number of cells.
public enum ScheduleCSV {
    /// The byte order mark agendas start with.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Files by path relative to the export directory: `master.csv` and `agendas/NAME.csv` (the
    /// name from ``ScheduleDocument/fileNames``). Scores are in the master list; in agendas only
    /// `withScores`.
    public static func files(_ document: ScheduleDocument, withScores: Bool = false) throws -> [(path: String, data: Data)] {
        let event = document.event
        // An event of several days says each meeting's date; an open event's meetings name `a` and `b`.
        let dated = event.days.count > 1
        let (a, b) = event.pairing == .open ? ("a", "b") : ("delegate", "host")
        let master = try table(
            header: ["slot"] + (dated ? ["date"] : []) + ["start", "end", "table", a, a + "_name", b, b + "_name", "score", "reasons"],
            rows: document.meetings.map { entry in
                let m = entry.meeting
                return ["\(m.slot)"] + (dated ? [event.date(ofSlot: m.slot)] : [])
                    + [event.startTime(ofSlot: m.slot), EventSpec.clock(event.startMinute(ofSlot: m.slot) + event.slotMinutes),
                       "\(m.table)", m.a, document.name(m.a), m.b, document.name(m.b), score(m.score), document.reasonLine(entry)]
            })
        var files = [(path: "master.csv", data: master)]
        let names = document.fileNames
        for company in document.people.keys.sorted() {
            let agenda = ParticipantAgenda(of: company, in: document, withScores: withScores)
            files.append((path: "agendas/\(names[company]!).csv", data: Data(byteOrderMark) + (try self.agenda(agenda))))
        }
        return files
    }

    /// One agenda's rows, without the byte order mark.
    public static func agenda(_ agenda: ParticipantAgenda) throws -> Data {
        let w = agenda.words
        let head = [w.date, w.start, w.end, w.table, w.with, w.id, w.country, w.city, w.offers, w.seeks, w.contact, w.interpreter, w.why]
            + (agenda.withScores ? [w.score] : [])
        let list = agenda.words.language == .zh ? "、" : ", "
        let rows = agenda.lines.map { line -> [String] in
            switch line {
            case .meeting(let m):
                return [m.date, m.start, m.end, "\(m.table)", m.name, m.counterpart, m.country, m.city, m.offers.joined(separator: list),
                        m.seeks.joined(separator: list), m.contact.line, m.interpreter ?? "",
                        m.reasons.joined(separator: agenda.words.language == .zh ? "；" : "; ")] + (m.score.map { [score($0)] } ?? [])
            case .free(_, let date, let start, let end):
                return [date, start, end, "", w.free]
            }
        }
        let about = [
            [w.agendaOf, "\(agenda.name) (\(agenda.company))"], [w.event, agenda.eventName], [w.date, agenda.dates], [w.venue, agenda.venue],
            [w.timeZone, agenda.timeZone], [w.meetings, "\(agenda.meetings.count)"],
        ] + (agenda.interpreter.map { [[w.interpreter, $0]] } ?? [])
        let all = about + [[]] + [head] + rows
        let padded = all.map { $0 + Array(repeating: "", count: head.count - $0.count) }
        return try table(header: padded[0], rows: Array(padded.dropFirst()))
    }

    private static func table(header: [String], rows: [[String]]) throws -> Data {
        try CSVTable.data(header: header, rows: rows)
    }

    private static func score(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
