import ArgumentParser
import Foundation
import LiaisonScheduling
import LiaisonStore

extension Liaison {
    /// `liaison event`: networking events and their 1:1 meeting schedules.
    struct Event: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create events, register participants, schedule 1:1 meetings, publish and export agendas.",
            subcommands: [
                Create.self, Import.self, Add.self, Remove.self, Request.self, Block.self, Lock.self,
                Schedule.self, List.self, Show.self, Report.self, Publish.self, Export.self,
            ])
    }
}

/// The event-id argument shared by the event commands.
struct EventArgument: ParsableArguments {
    @Argument(help: "The event's id.")
    var id: String
}

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

    /// `liaison event import FILE.json`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or replace events from a JSON file: each event with its participants, requests, blocks and locks.")

        @OptionGroup var database: DatabaseOptions
        @Argument(help: "A JSON file: one event object, or an array of them.") var file: String

        func run() throws {
            for definition in try database.open().importEvents(from: URL(fileURLWithPath: file)) {
                let delegates = definition.participants.filter { $0.side == .delegate }.count
                print("\(definition.spec.id): \(definition.spec.name) — \(delegates) delegates, \(definition.participants.count - delegates) hosts, "
                      + "\(definition.requests.count) requests, \(definition.blocks.count) blocks, \(definition.locks.count) locks")
            }
        }
    }

    /// `liaison event add ID COMPANY…`
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register companies for an event (or change the settings of registered ones).",
            discussion: "A company of the delegation (CN) is a delegate; a company of the event's country is a host.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "Company ids.") var companies: [String]
        @Option(help: "At most this many meetings (default: one per slot).") var maxMeetings: Int?
        @Option(help: "Slots it is available in, e.g. 1-4,7 (default: all).") var available: String?
        @Option(help: "Representatives: meetings it can hold at once (default 1).") var reps: Int?
        @Option(help: "Interpretation it needs, e.g. zh-en.") var interpreter: String?

        func validate() throws {
            if let available, SlotSet(parsing: available) == nil { throw ValidationError("--available takes slots such as 1-4,7, not '\(available)'") }
            if let reps, reps < 1 { throw ValidationError("--reps must be at least 1") }
            if let maxMeetings, maxMeetings < 0 { throw ValidationError("--max-meetings cannot be negative") }
        }

        func run() throws {
            let settings = ParticipantSettings(maxMeetings: maxMeetings, available: available.flatMap(SlotSet.init(parsing:)),
                                               reps: reps, interpreter: interpreter)
            for participant in try database.open().addParticipants(companies, to: event.id, settings: settings) {
                print("\(participant.company): \(participant.side.rawValue), up to \(participant.maxMeetings) meetings, slots \(participant.available), \(participant.reps) rep\(participant.reps > 1 ? "s" : "")\(participant.interpreter.map { ", interpreter \($0)" } ?? "")")
            }
        }
    }

    /// `liaison event remove ID COMPANY…`
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unregister companies, with their requests, blocks and locks.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "Company ids.") var companies: [String]

        func run() throws {
            let discarded = try database.open().removeParticipants(companies, from: event.id)
            print("removed \(companies.joined(separator: ", ")) from \(event.id)")
            if discarded {
                print("the current schedule met them and was discarded: run `liaison event schedule \(event.id)` again (--keep-published keeps what was published)")
            }
        }
    }

    /// `liaison event request ID A B [--must]`
    struct Request: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for a meeting of two participants.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        @Flag(help: "The meeting must take place whenever the rules allow.") var must = false

        func run() throws {
            try database.open().addRequest(MeetingRequest(a: a, b: b, must: must), to: event.id)
            print("\(must ? "must-meet" : "requested"): \(a) and \(b)")
        }
    }

    /// `liaison event block ID A B`
    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Never pair two participants (competitors, already met).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String

        func run() throws {
            try database.open().addBlock(PairBlock(a: a, b: b), to: event.id)
            print("blocked: \(a) and \(b)")
        }
    }

    /// `liaison event lock ID A B --slot S [--table T]`
    struct Lock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Fix a meeting by hand in a slot (and at a table).")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Argument(help: "One participant.") var a: String
        @Argument(help: "The other.") var b: String
        @Option(help: "The slot, from 1.") var slot: Int
        @Option(help: "The table, from 1.") var table: Int?

        func run() throws {
            try database.open().addLock(MeetingLock(a: a, b: b, slot: slot, table: table), to: event.id)
            print("locked: \(a) and \(b) in slot \(slot)\(table.map { " at table \($0)" } ?? "")")
        }
    }

    /// `liaison event schedule ID`
    struct Schedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the meeting schedule and report its quality; the published schedule stays until `publish`.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Give every participant at least this many meetings where the rules allow.") var minMeetings: Int = 0
        @Flag(help: "Keep every published meeting that is still valid where it is.") var keepPublished = false

        func validate() throws {
            if minMeetings < 0 { throw ValidationError("--min-meetings cannot be negative") }
        }

        func run() throws {
            let db = try database.open()
            _ = try db.scheduleEvent(event.id, minMeetings: minMeetings, keepPublished: keepPublished)
            print(EventReportText.render(event.id, try db.eventScheduleState(event.id)))
        }
    }

    /// `liaison event list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the events.")

        @OptionGroup var database: DatabaseOptions
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() throws {
            let events = try database.open().events()
            switch format {
            case .json:
                print(try Output.json(events.map { EventListEntry($0) }))
            case .table:
                var table = TextTable(["id", "name", "city", "date", "delegates", "hosts", "meetings", "published"], rightAligned: [4, 5, 6])
                for summary in events {
                    table.append([summary.spec.id, summary.spec.name, summary.spec.city, summary.spec.date, "\(summary.delegates)",
                                  "\(summary.hosts)", summary.meetings.map(String.init) ?? "-", summary.publishedAt ?? "-"])
                }
                print(table.text)
            }
        }
    }

    /// `liaison event show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an event, its participants and rules.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() throws {
            let definition = try database.open().eventDefinition(event.id)
            switch format {
            case .json:
                print(try Output.json(EventShowDocument(definition)))
            case .table:
                let spec = definition.spec
                print(TextTable.fields([
                    ("id", spec.id), ("name", spec.name), ("where", "\(spec.city), \(spec.country)"), ("when", "\(spec.date) from \(spec.start) (\(spec.timeZone))"),
                    ("slots", "\(spec.slots) × \(spec.slotMinutes) min" + (spec.breakAfter.map { ", break of \(spec.breakMinutes) min after slot \($0)" } ?? "")),
                    ("tables", "\(spec.tables)"),
                ]))
                var table = TextTable(["company", "side", "max", "available", "reps", "interpreter"], rightAligned: [2, 4])
                for p in definition.participants {
                    table.append([p.company, p.side.rawValue, "\(p.maxMeetings)", p.available.description, "\(p.reps)", p.interpreter ?? ""])
                }
                print("")
                print(table.text)
                for request in definition.requests { print("\(request.must ? "must" : "request") \(request.a) – \(request.b)") }
                for block in definition.blocks { print("block \(block.a) – \(block.b)") }
                for lock in definition.locks { print("lock \(lock.a) – \(lock.b) slot \(lock.slot)\(lock.table.map { " table \($0)" } ?? "")") }
            }
        }
    }

    /// `liaison event report ID`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The quality of the current schedule.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Output format.") var format: RecordFormat = .table

        func run() throws {
            let state = try database.open().eventScheduleState(event.id)
            switch format {
            case .json: print(try Output.json(EventReportDocument(state)))
            case .table: print(EventReportText.render(event.id, state))
            }
        }
    }

    /// `liaison event publish ID`
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish the current schedule: what exports and calendars show.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument

        func run() throws {
            let summary = try database.open().publishEvent(event.id)
            print("published \(event.id): \(summary.meetings) meetings (\(summary.new) new, \(summary.moved) moved, \(summary.cancelled) cancelled)")
        }
    }

    /// `liaison event export ID --format … -o PATH`
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the schedule: csv and ics into a directory, html and json into a file.",
            discussion: """
                csv: master.csv and agendas/ID.csv; ics: one calendar per participant (ID.ics); html: one printable page;
                json: the event, participants, meetings and quality figures.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, ics, html }

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var event: EventArgument
        @Option(help: "Export format.") var format: Format
        @Option(name: .shortAndLong, help: "The directory (csv, ics) or file (html, json) to write.") var output: String

        func run() throws {
            let document = try database.open().eventScheduleDocument(event.id)
            switch format {
            case .json: try Output.write(try ScheduleJSON.data(document), to: output)
            case .html: try Output.write(Data(ScheduleHTML.page(document).utf8), to: output)
            case .csv: try Output.writeDirectory(try ScheduleCSV.files(document), to: output)
            case .ics: try Output.writeDirectory(ScheduleICS.files(document, stamp: Date()), to: output)
            }
            Output.note("wrote the \(format.rawValue) export of \(event.id) (\(document.meetings.count) meetings) to \(output)")
        }
    }
}
