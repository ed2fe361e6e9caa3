import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore

extension Liaison.Event {
    /// `liaison event export ID --format … -o PATH`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the schedule: csv and ics into a folder, html and json into a file.",
            discussion: """
                csv: master.csv and agendas/ID.csv; ics: one calendar per participant (ID.ics); html: one printable page \
                (figures, grid, and each agenda on its own page); json: the event, participants, meetings and quality figures. \
                Agendas and calendars are in each participant's language (zh, fr, else en) and from its side. A folder is \
                replaced whole, or left as it was when the export fails; a folder holding other files is refused.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Export format.") var format: ScheduleFormat
        @Option(name: .shortAndLong, help: "The folder (csv, ics) or file (html, json) to write.") var output: String
        @Flag(help: "Show meeting scores and reason contributions in participants' agendas and calendars too (otherwise only the organizer's master list, figures and JSON have them).")
        var withScores = false

        func run() throws {
            let document = try database.open().eventScheduleDocument(event.id)
            let files = try format.files(document, stamp: Date(), withScores: withScores)
            if format.isFolder {
                try ExportFolder.replace(URL(fileURLWithPath: output), with: files, replacing: format.isExportPath)
            } else {
                try Output.write(files[0].data, to: output)
            }
            var note = "wrote the \(format.rawValue) export of \(event.id) (\(EnglishCount.of(document.meetings.count, "meeting"))) to \(output)"
            let empty = document.withoutMeetings
            if !empty.isEmpty {
                note += "; \(empty.count) agenda\(empty.count == 1 ? " is" : "s are") empty: " + empty.prefix(10).joined(separator: ", ")
                    + (empty.count > 10 ? ", and \(empty.count - 10) more" : "")
            }
            Output.note(note)
            let (new, moved, cancelled) = document.unpublished
            if new + moved + cancelled > 0 {
                Output.note("note: these files show the current schedule, which is not published: publishing it tells participants of "
                    + "\(new) new, \(moved) moved and \(cancelled) cancelled meetings; their pages and calendar feeds show the published "
                    + "schedule until `liaison event publish \(event.id)`")
            }
        }
    }
}

extension ScheduleFormat: ExpressibleByArgument {}
