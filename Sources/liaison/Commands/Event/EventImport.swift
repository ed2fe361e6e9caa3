import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event import FILE.json`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or replace events from a JSON file: each event with its participants, requests, blocks and locks.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A JSON file: one event object, or an array of them.") var file: String

        func run() throws {
            for imported in try database.open().importEvents(from: URL(fileURLWithPath: file)) {
                let definition = imported.definition
                let delegates = definition.participants.filter { $0.side == .delegate }.count
                let who = definition.spec.pairing == .open ? "\(EnglishCount.of(definition.participants.count, "participant")) (open)"
                    : "\(EnglishCount.of(delegates, "delegate")), \(EnglishCount.of(definition.participants.count - delegates, "host"))"
                let days = definition.spec.days.count > 1 ? ", \(definition.spec.days.count) days" : ""
                print("\(definition.spec.id): \(definition.spec.name) — \(who)\(days), "
                      + "\(EnglishCount.of(definition.requests.count, "request")), \(EnglishCount.of(definition.blocks.count, "block")), "
                      + "\(EnglishCount.of(definition.locks.count, "lock"))")
                if imported.discardedSchedule { print(StaleSchedule.note(event: definition.spec.id)) }
            }
        }
    }
}
