import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event unblock ID A B`
    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back the block of two participants, whoever made it: they may meet again.",
            discussion: "A participant's own block (\"not interested\", through its link) may be taken back too; the command says whose it was.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String

        func run() throws {
            let removal = try database.open().removeBlock(a, b, from: event.id)
            let entry = removal.rule
            print("unblocked: \(a) and \(b)" + (entry.origin == .participant ? " (\(entry.block.a) was not interested, through its link)" : ""))
            if removal.discardedSchedule { print(StaleSchedule.note(event: event.id)) }
        }
    }
}
