import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event publish ID`
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish the current schedule: what exports and calendars show.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument

        func run() throws {
            let summary = try database.open().publishEvent(event.id)
            print("published \(event.id): \(EnglishCount.of(summary.meetings, "meeting")) (\(summary.new) new, \(summary.moved) moved, \(summary.cancelled) cancelled)")
        }
    }
}
