import ArgumentParser
import LiaisonStore

extension Liaison.Event {
    /// `liaison event report ID`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The quality of the current schedule.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var event: EventArgument

        func run() throws {
            try output.print(EventReport(event: event.id, schedule: try database.open().eventSchedule(event.id)))
        }
    }
}
