import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event schedule ID`
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the meeting schedule and report its quality; the published schedule stays until `publish`.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        // Numeric options are parsed unconditionally: a negative value (`-3`) reaches validation,
        // instead of being read as an option of its own ("Missing value").
        @Option(parsing: .unconditional, help: "Give every participant at least this many meetings where the rules allow; who falls short is named, with the reason (0: no minimum, and participants left without any meeting are named). Default 1, or 0 with --only-requests.")
        var minMeetings: Int?
        @Flag(help: "Keep every published meeting that is still valid where it is.") var keepPublished = false
        @Flag(help: "Schedule exactly the requested meetings, no others; those that cannot be placed are named, with the reason.")
        var onlyRequests = false
        @Option(parsing: .unconditional, help: "Spend up to this many seconds on an exact search (SAT) for agendas with fewer breaks, the same meetings kept: it starts with the compaction of agendas and goes on after it; the report says whether the total is proven the fewest possible. Without it, an event of up to a few hundred meetings gets the standard search (25,000 conflicts, the same agendas on every machine); 0: none.")
        var exactSeconds: Double?
        @Option(parsing: .unconditional,
                help: "Seed the scheduler's searches: the same event and seed always give the same schedule; another seed may give another of like quality.",
                transform: SeedValue.parse)
        var seed: UInt64 = 0

        func validate() throws {
            if let minMeetings, minMeetings < 0 { throw ValidationError("--min-meetings must be 0 or more, not \(minMeetings)") }
            if let exactSeconds, !(exactSeconds >= 0 && exactSeconds <= 86_400) {
                throw ValidationError("--exact-seconds must be a number of seconds from 0 to 86400")
            }
        }

        func run() throws {
            let schedule = try database.open().scheduleEvent(event.id, minMeetings: minMeetings ?? (onlyRequests ? 0 : 1), keepPublished: keepPublished,
                                                                    onlyRequests: onlyRequests, exactSearch: .asked(seconds: exactSeconds), seed: seed)
            print(EventReport(event: event.id, schedule: schedule).text)
        }
    }
}
