import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonStore

extension Liaison.Event {
    /// `liaison event create ID …`
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an event.",
            discussion: """
                A one-day event takes --date, --start and --slots (and --break-after, --break-minutes); an event of \
                several days takes one --day per day instead, in order, e.g. --day 2027-05-11,09:00,12,break-after=6,break-minutes=30 \
                --day 2027-05-12,09:00,8. Slots are numbered across the days.
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "The event's name.") var name: String
        @Option(help: "The venue's city.") var city: String
        @Option(help: "The venue's country: an ISO code or a name (any country).") var country: String
        @Option(help: "The day, YYYY-MM-DD (one-day events; see --day).") var date: String?
        @Option(help: "The first slot's start, HH:MM (one-day events).") var start: String?
        // Numbers are parsed unconditionally: a negative one (`-3`) reaches the event's rules, which
        // refuse it in words, instead of being read as an option of its own ("Missing value").
        @Option(parsing: .unconditional, help: "Number of meeting slots (one-day events).") var slots: Int?
        @Option(parsing: .unconditional, help: "Minutes per slot.") var slotMinutes: Int
        @Option(parsing: .unconditional, help: "A break follows this slot (one-day events).") var breakAfter: Int?
        @Option(parsing: .unconditional, help: "Minutes of the break (one-day events; default 0).") var breakMinutes: Int?
        @Option(name: .customLong("day"),
                help: "A day of the event: \(EventDay.textForm), e.g. \(EventDay.textExample) (repeatable, in order; instead of --date, --start and --slots).")
        var days: [String] = []
        @Option(parsing: .unconditional, help: "Tables: meetings at once.") var tables: Int
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
            _ = try parsedDays()
            _ = try parsedSessions()
        }

        /// The days: each `--day`, or the one day of `--date`, `--start` and `--slots` (never both).
        private func parsedDays() throws -> [EventDay] {
            let single: [(String, Bool)] = [("--date", date != nil), ("--start", start != nil), ("--slots", slots != nil),
                                            ("--break-after", breakAfter != nil), ("--break-minutes", breakMinutes != nil)]
            guard days.isEmpty else {
                let given = single.filter(\.1).map(\.0)
                if !given.isEmpty {
                    throw ValidationError("--day gives each day whole: leave out \(given.joined(separator: ", ")) (a day's pause is written in it: ,break-after=N,break-minutes=M)")
                }
                return try days.map { text in
                    do { return try EventDay(text: text) } catch { throw ValidationError("--day '\(text)': \(error)") }
                }
            }
            guard let date, let start, let slots else {
                let missing = single.prefix(3).filter { !$0.1 }.map(\.0)
                throw ValidationError("missing \(missing.joined(separator: ", ")): give the day with --date, --start and --slots, or each day with --day")
            }
            return [EventDay(date: date, start: start, slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes ?? 0)]
        }

        /// `name=slots` options as sessions.
        private func parsedSessions() throws -> [EventSession] {
            try sessions.map { text in
                do { return try EventSession(text: text) } catch { throw ValidationError("--session '\(text)': \(error)") }
            }
        }

        func run() throws {
            // An empty zone is told from the city by the store, or refused saying how to give it.
            let spec = try database.open().createEvent(EventSpec(
                id: event.id, name: name, city: city, country: country, days: try parsedDays(), slotMinutes: slotMinutes, tables: tables,
                timeZone: timeZone ?? "", venue: venue, pairing: pairing, delegation: delegation, sessions: try parsedSessions()))
            let slots = EnglishCount.of(spec.slots, "slot")
            let when = spec.days.count == 1 ? "\(spec.date), \(slots) from \(spec.start)" : "\(spec.days.count) days from \(spec.date), \(slots)"
            print("created \(spec.id): \(spec.name), \(spec.city) \(when), \(EnglishCount.of(spec.tables, "table")) (\(spec.timeZone))"
                  + (spec.pairing == .open ? ", open: any two participants may meet" : ""))
        }
    }
}

extension Pairing: ExpressibleByArgument {}
