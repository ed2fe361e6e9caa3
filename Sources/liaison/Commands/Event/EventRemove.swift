import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event remove ID COMPANY…`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unregister companies, with their requests, blocks and locks.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "Company ids.") var companies: [String]

        func run() throws {
            let discarded = try database.open().removeParticipants(companies, from: event.id)
            // Each once, as typed first: `remove X X` removes X.
            var seen = Set<String>()
            print("removed \(companies.filter { seen.insert($0).inserted }.joined(separator: ", ")) from \(event.id)")
            if discarded { print(StaleSchedule.note(event: event.id, what: "the current schedule held their meetings and was discarded")) }
        }
    }
}
