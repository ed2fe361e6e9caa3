import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event add ID COMPANY…`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register companies for an event (or change the settings of registered ones).",
            discussion: "A company of the delegation (CN) is a delegate; a company of the event's country is a host.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "Company ids.") var companies: [String]
        // Numeric options are parsed unconditionally: a negative value (`-3`) reaches validation,
        // instead of being read as an option of its own ("Missing value").
        @Option(parsing: .unconditional, help: "At most this many meetings (default: one per slot).") var maxMeetings: Int?
        @Option(help: "Slots it is available in, e.g. 1-4,7 (default: all).") var available: String?
        @Option(parsing: .unconditional, help: "Representatives: meetings it can hold at once (default 1).") var reps: Int?
        @Option(help: "Interpretation it needs, e.g. zh-en.") var interpreter: String?

        func validate() throws {
            if let available, SlotSet(parsing: available) == nil { throw ValidationError("--available takes slots such as 1-4,7, not '\(available)'") }
            if let reps, reps < 1 { throw ValidationError("--reps must be at least 1, not \(reps)") }
            if let maxMeetings, maxMeetings < 0 { throw ValidationError("--max-meetings must be 0 or more, not \(maxMeetings)") }
        }

        func run() throws {
            let settings = ParticipantSettings(maxMeetings: maxMeetings, available: available.flatMap(SlotSet.init(parsing:)),
                                               reps: reps, interpreter: interpreter)
            let registration = try database.open().addParticipants(companies, to: event.id, settings: settings)
            defer { if registration.discardedSchedule { print(StaleSchedule.note(event: event.id)) } }
            for participant in registration.participants {
                print("\(participant.company): \(participant.side.rawValue), up to \(EnglishCount.of(participant.maxMeetings, "meeting")), slots \(participant.available), \(EnglishCount.of(participant.reps, "rep"))\(participant.interpreter.map { ", interpreter \($0)" } ?? "")")
            }
        }
    }
}
