import ArgumentParser
import LiaisonStore

extension Liaison.Event {
    /// `liaison event list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the events.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.print(EventList(events: try database.open().events()))
        }
    }
}
