import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event request ID A B [--must|--no-must] [--session NAME|--any-session]`
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Ask for a meeting of two participants.",
            discussion: "Asked again, the pair's request keeps what the command does not say: a must-meet request stays one without --no-must, and its session without --session or --any-session.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        @Flag(inversion: .prefixedNo, help: "The meeting must take place whenever the rules allow (--no-must: a plain request).")
        var must: Bool?
        @Option(help: "The session (a named range of slots) the meeting must fall in.") var session: String?
        @Flag(help: "The meeting may fall in any session (drops the session asked before).") var anySession = false

        func validate() throws {
            if session != nil && anySession { throw ValidationError("give --session or --any-session, not both") }
        }

        func run() throws {
            let asked: LiaisonDatabase.RequestedSession = anySession ? .any : session.map { .named($0) } ?? .unchanged
            let change = try database.open().requestMeeting(a, b, must: must, session: asked, in: event.id)
            print("\(Self.describe(change.rule)): \(a) and \(b)" + (change.rule.session.map { " in the session \($0)" } ?? "")
                  + (change.previous.map { Self.kept(from: $0, by: change.rule) } ?? ""))
            if change.discardedSchedule { print(StaleSchedule.note(event: event.id)) }
        }

        private static func describe(_ request: MeetingRequest) -> String { request.must ? "must-meet" : "requested" }

        /// What the command kept of the pair's request, or what it was.
        private static func kept(from previous: MeetingRequest, by request: MeetingRequest) -> String {
            guard previous.must == request.must && previous.session == request.session else {
                return " (was: \(describe(previous))" + (previous.session.map { " in the session \($0)" } ?? "") + ")"
            }
            return " (as already asked" + (request.must ? "; --no-must makes it a plain request" : "") + ")"
        }
    }
}
