import Foundation
import LiaisonScheduling

/// CSV exports of a schedule: the master list and one agenda per participant, safe to open in a
/// spreadsheet (``CSVTable`` neutralizes every cell that would run as a formula).
public enum ScheduleCSV {
    /// Files by path relative to the export directory: `master.csv` and `agendas/ID.csv` (the id
    /// made safe as a file name by ``ExportFileName/component(_:)``).
    public static func files(_ document: ScheduleDocument) throws -> [(path: String, data: Data)] {
        let event = document.event
        let master = try table(
            header: ["slot", "start", "end", "table", "delegate", "delegate_name", "host", "host_name", "score", "reasons"],
            rows: document.meetings.map { entry in
                let m = entry.meeting
                return ["\(m.slot)", event.startTime(ofSlot: m.slot), EventSpec.clock(event.startMinute(ofSlot: m.slot) + event.slotMinutes),
                        "\(m.table)", m.delegate, document.name(m.delegate), m.host, document.name(m.host), score(m.score), document.reasonLine(entry)]
            })
        var files = [(path: "master.csv", data: master)]
        for company in document.people.keys.sorted() {
            let rows = document.agenda(of: company).map { entry in
                let m = entry.meeting, other = document.counterpart(of: company, in: m)
                return ["\(m.slot)", event.startTime(ofSlot: m.slot), EventSpec.clock(event.startMinute(ofSlot: m.slot) + event.slotMinutes),
                        "\(m.table)", other, document.name(other), document.people[other]?.country ?? "", score(m.score), document.reasonLine(entry)]
            }
            files.append((path: "agendas/\(ExportFileName.component(company)).csv",
                          data: try table(header: ["slot", "start", "end", "table", "with", "with_name", "with_country", "score", "reasons"],
                                          rows: rows)))
        }
        return files
    }

    private static func table(header: [String], rows: [[String]]) throws -> Data {
        try CSVTable.data(header: header, rows: rows)
    }

    private static func score(_ value: Double) -> String {
        String(format: "%.4f", value)
    }
}
