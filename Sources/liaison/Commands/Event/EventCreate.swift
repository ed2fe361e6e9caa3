import ArgumentParser
import Foundation
import LiaisonCore
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
        @Option(help: "IANA time zone of the venue, e.g. America/Denver (default: the zone of a known city, or of a one-zone country).")
        var timeZone: String?
        @Option(help: "The venue's address, shown on agendas, e.g. \"Port of Oakland, 530 Water St, Oakland, CA\".") var venue: String = ""

        func run() throws {
            // An empty zone is told from the city by the store, or refused saying how to give it.
            let spec = try database.open().createEvent(EventSpec(
                id: event.id, name: name, city: city, country: ISOCodes.country(country) ?? country.uppercased(), date: date, start: start, slots: slots,
                slotMinutes: slotMinutes, breakAfter: breakAfter, breakMinutes: breakMinutes, tables: tables,
                timeZone: timeZone ?? "", venue: venue))
            print("created \(spec.id): \(spec.name), \(spec.city) \(spec.date), \(spec.slots) slots from \(spec.start), \(spec.tables) tables (\(spec.timeZone))")
        }
    }
}
