import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event request ID A B [--must] [--session NAME]`
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for a meeting of two participants.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        @Flag(help: "The meeting must take place whenever the rules allow.") var must = false
        @Option(help: "The session (a named range of slots) the meeting must fall in.") var session: String?

        func run() throws {
            let discarded = try database.open().addRequest(MeetingRequest(a: a, b: b, must: must, session: session), to: event.id)
            print("\(must ? "must-meet" : "requested"): \(a) and \(b)" + (session.map { " in the session \($0)" } ?? ""))
            if discarded { print(StaleSchedule.note(event: event.id)) }
        }
    }
}
