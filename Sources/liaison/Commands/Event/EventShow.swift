import ArgumentParser
import LiaisonStore

extension Liaison.Event {
    /// `liaison event show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an event, its participants and rules.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var event: EventArgument

        func run() throws {
            try output.print(EventCard(try database.open().eventDefinition(event.id)))
        }
    }
}
