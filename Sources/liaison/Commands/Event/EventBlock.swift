import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event block ID A B`
    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Never pair two participants (competitors, already met).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String

        func run() throws {
            let discarded = try database.open().addBlock(PairBlock(a: a, b: b), to: event.id)
            print("blocked: \(a) and \(b)")
            if discarded { print(StaleSchedule.note(event: event.id)) }
        }
    }
}
