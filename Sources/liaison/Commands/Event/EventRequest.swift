import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event request ID A B [--must]`
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for a meeting of two participants.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        @Flag(help: "The meeting must take place whenever the rules allow.") var must = false

        func run() throws {
            try database.open().addRequest(MeetingRequest(a: a, b: b, must: must), to: event.id)
            print("\(must ? "must-meet" : "requested"): \(a) and \(b)")
        }
    }
}
