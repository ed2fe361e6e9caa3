import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event unrequest ID A B`
    struct Unrequest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back the request of two participants (the organizer's or a participant's).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String

        func run() throws {
            let removal = try database.open().removeRequest(a, b, from: event.id)
            let request = removal.rule
            print("unrequested: \(a) and \(b)" + (request.origin == .participant ? " (\(request.a)'s request through its link)" : ""))
            if removal.discardedSchedule { print(StaleSchedule.note(event: event.id)) }
        }
    }
}
