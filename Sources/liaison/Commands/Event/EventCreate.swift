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
        @Option(help: "The venue's country: an ISO code or a name (any country).") var country: String
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
        @Option(help: "Who may meet whom: sides (a delegation's companies meet hosts) or open (any two participants).")
        var pairing: Pairing = .sides
        @Option(help: "In a sides event, the country whose companies are the delegates; every other company is a host.")
        var delegation: String = "CN"
        @Option(name: .customLong("session"), help: "A named range of slots requests may ask for, e.g. morning=1-6 (repeatable).")
        var sessions: [String] = []

        func validate() throws {
            _ = try parsedSessions()
        }

        /// `name=slots` options as sessions.
        private func parsedSessions() throws -> [EventSession] {
            try sessions.map { text in
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[0].isEmpty, let slots = SlotSet(parsing: parts[1]) else {
                    throw ValidationError("--session '\(text)': expected NAME=SLOTS, e.g. morning=1-6")
                }
                return EventSession(name: parts[0], slots: slots)
            }
        }

        func run() throws {
            // An empty zone is told from the city by the store, or refused saying how to give it.
            let spec = try database.open().createEvent(EventSpec(
                id: event.id, name: name, city: city, country: country, date: date, start: start, slots: slots,
                slotMinutes: slotMinutes, breakAfter: breakAfter, breakMinutes: breakMinutes, tables: tables,
                timeZone: timeZone ?? "", venue: venue, pairing: pairing, delegation: delegation,
                sessions: try parsedSessions()))
            print("created \(spec.id): \(spec.name), \(spec.city) \(spec.date), \(spec.slots) slots from \(spec.start), \(spec.tables) tables (\(spec.timeZone))"
                  + (spec.pairing == .open ? ", open: any two participants may meet" : ""))
        }
    }
}

extension Pairing: ExpressibleByArgument {}
