import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event lock ID A B --slot S [--table T]`
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fix a meeting by hand in a slot (and at a table).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        // A negative slot or table (`-1`) is parsed as one, for the event's rules to refuse,
        // instead of being read as an option of its own ("Missing value").
        @Option(parsing: .unconditional, help: "The slot, from 1.") var slot: Int
        @Option(parsing: .unconditional, help: "The table, from 1.") var table: Int?

        func run() throws {
            let change = try database.open().lockMeeting(MeetingLock(a: a, b: b, slot: slot, table: table), in: event.id)
            let replaced = change.previous.map { previous in
                previous.slot == slot && previous.table == table ? " (as already locked)" : " (was \(Self.place(previous)))"
            }
            print("locked: \(a) and \(b) \(Self.place(change.rule))" + (replaced ?? ""))
            if change.discardedSchedule { print(StaleSchedule.note(event: event.id)) }
        }

        /// Where a lock holds its meeting: `in slot 2 at table 3`.
        private static func place(_ lock: MeetingLock) -> String {
            "in slot \(lock.slot)" + (lock.table.map { " at table \($0)" } ?? "")
        }
    }
}
