import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event create ID …`
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an event.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "The event's name.") var name: String
        @Option(help: "The venue's city.") var city: String
        @Option(help: "The host country (US or CA): its companies are the hosts.") var country: String
        @Option(help: "The day, YYYY-MM-DD.") var date: String
        @Option(help: "The first slot's start, HH:MM.") var start: String
        @Option(help: "Number of meeting slots.") var slots: Int
        @Option(help: "Minutes per slot.") var slotMinutes: Int
        @Option(help: "A break follows this slot.") var breakAfter: Int?
        @Option(help: "Minutes of the break.") var breakMinutes: Int = 0
        @Option(help: "Tables: meetings at once.") var tables: Int
        @Option(help: "IANA time zone of the venue (default: from the city or country).") var timeZone: String?

        func run() throws {
            let spec = EventSpec(id: event.id, name: name, city: city, country: country.uppercased(), date: date, start: start,
                                 slots: slots, slotMinutes: slotMinutes, breakAfter: breakAfter, breakMinutes: breakMinutes,
                                 tables: tables, timeZone: timeZone ?? EventSpec.defaultTimeZone(city: city, country: country))
            try database.open().createEvent(spec)
            print("created \(spec.id): \(spec.name), \(spec.city) \(spec.date), \(spec.slots) slots from \(spec.start), \(spec.tables) tables (\(spec.timeZone))")
        }
    }
}
