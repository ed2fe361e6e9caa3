import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event unlock ID A B`
    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take back the lock of two participants' meeting: the scheduler places it, or not, as any other.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String

        func run() throws {
            let removal = try database.open().removeLock(a, b, from: event.id)
            let lock = removal.rule
            print("unlocked: \(a) and \(b) (was in slot \(lock.slot)\(lock.table.map { " at table \($0)" } ?? ""))")
            if removal.discardedSchedule { print(StaleSchedule.note(event: event.id)) }
        }
    }
}
