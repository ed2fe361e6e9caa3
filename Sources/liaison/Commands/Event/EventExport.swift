import ArgumentParser
import Foundation
import LiaisonFormats
import LiaisonStore

extension Liaison.Event {
    /// `liaison event export ID --format … -o PATH`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the schedule: csv and ics into a directory, html and json into a file.",
            discussion: """
                csv: master.csv and agendas/ID.csv; ics: one calendar per participant (ID.ics); html: one printable page;
                json: the event, participants, meetings and quality figures.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Export format.") var format: ScheduleFormat
        @Option(name: .shortAndLong, help: "The directory (csv, ics) or file (html, json) to write.") var output: String

        func run() throws {
            let document = try database.open().eventScheduleDocument(event.id)
            let files = try format.files(document, stamp: Date())
            if format.isFolder {
                try Output.writeDirectory(files, to: output)
            } else {
                try Output.write(files[0].data, to: output)
            }
            Output.note("wrote the \(format.rawValue) export of \(event.id) (\(document.meetings.count) meetings) to \(output)")
        }
    }
}

extension ScheduleFormat: ExpressibleByArgument {}
