import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling
import LiaisonFormats
@testable import LiaisonStore
import Testing

/// Small events over generated companies: `ScenarioGenerator(seed:)` with 12 delegates (CN),
/// 20 US and 15 Canadian firms, saved into a fresh database.
enum EventFixture {
    static func companies(seed: UInt64, delegates: Int = 12, us: Int = 20, ca: Int = 15) -> [Company] {
        let generator = ScenarioGenerator(seed: seed, taxonomy: TaxonomyFile.builtIn)
        return generator.companies(of: .delegates, count: delegates) + generator.companies(of: .unitedStates, count: us)
            + generator.companies(of: .canada, count: ca)
    }

    /// Runs `body` with a fresh database holding the generated companies and `extra` ones.
    static func withCompanies<T>(seed: UInt64 = 7, storage: Storage = .memory, extra: [Company] = [],
                                 _ body: (LiaisonDatabase) throws -> T) throws -> T {
        try storage.withDatabase { db in
            try db.save(companies(seed: seed) + extra)
            return try body(db)
        }
    }

    /// A small Canadian event: `slots` slots of 20 minutes from 09:00 with a 15-minute break
    /// after slot 3, `tables` tables.
    static func spec(_ id: String = "forum", country: String = "CA", city: String = "Toronto", slots: Int = 6, tables: Int = 4,
                     date: String = "2025-12-01", start: String = "09:00", breakAfter: Int? = 3, breakMinutes: Int = 15,
                     timeZone: String = "America/Toronto") -> EventSpec {
        EventSpec(id: id, name: "Forum \(id)", city: city, country: country, date: date, start: start, slots: slots, slotMinutes: 20,
                  breakAfter: breakAfter, breakMinutes: breakMinutes, tables: tables, timeZone: timeZone)
    }

    static func ids(_ prefix: String, _ numbers: ClosedRange<Int>) -> [String] {
        numbers.map { prefix + "-" + String(format: "%04d", $0) }
    }

    /// A company of `country` with a chosen name and a profile that scores with the other side.
    static func named(_ id: String, _ name: String, country: String) -> Company {
        Company(id: id, name: name, country: country, city: country == "CN" ? "Shanghai" : "Toronto", languages: ["en"],
                offers: SectorProfile(country == "CN" ? ["clean-energy": 1] : ["capital-markets": 1]),
                seeks: SectorProfile(country == "CN" ? ["capital-markets": 1] : ["clean-energy": 1]))
    }
}

/// Every row of every event table, as text, to check that a refused operation wrote nothing.
struct EventSnapshot: Equatable, CustomStringConvertible {
    var tables: [String: [String]]

    init(_ database: LiaisonDatabase) throws {
        var tables: [String: [String]] = [:]
        try database.writer.read { db in
            for table in ["event", "event_participant", "event_request", "event_block", "event_lock", "event_schedule",
                          "event_meeting", "published_meeting"] {
                tables[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted()
            }
        }
        self.tables = tables
    }

    var description: String { tables.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n") }
}

/// The published meetings as the database holds them, read with our own SQL.
struct PublishedRow: Hashable {
    var delegate: String
    var host: String
    var slot: Int
    var table: Int
    var sequence: Int
    var cancelled: Bool

    var pair: MeetingPair { MeetingPair(delegate: delegate, host: host) }

    static func all(_ event: String, in database: LiaisonDatabase) throws -> [MeetingPair: PublishedRow] {
        let rows = try database.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM published_meeting WHERE event = ?", arguments: [event]).map {
                PublishedRow(delegate: $0["delegate"], host: $0["host"], slot: $0["slot"], table: $0["table_number"],
                             sequence: $0["sequence"], cancelled: $0["cancelled"])
            }
        }
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.pair, $0) })
    }
}


/// A random event over the generated companies: random availability, maximums, reps, requests,
/// blocks and locks, built so that the locks and must-meet requests never contradict each other
/// (the scheduler must accept it).
struct RandomStoredEvent {
    var spec: EventSpec
    var participants: [(company: String, settings: ParticipantSettings)]
    var requests: [MeetingRequest]
    var blocks: [PairBlock]
    var locks: [MeetingLock]

    init(seed: UInt64, id: String = "random") {
        var random = SeededGenerator(seed: seed)
        let slots = Int.random(in: 4...8, using: &random)
        let tables = Int.random(in: 3...7, using: &random)
        let country = Bool.random(using: &random) ? "CA" : "US"
        spec = EventSpec(id: id, name: "Random \(seed)", city: country == "CA" ? "Ottawa" : "Boston", country: country,
                         date: "2025-11-\(10 + Int(seed % 18))", start: "08:30", slots: slots, slotMinutes: 15,
                         breakAfter: slots > 4 ? slots / 2 : nil, breakMinutes: slots > 4 ? 30 : 0, tables: tables,
                         timeZone: country == "CA" ? "America/Toronto" : "America/New_York")
        let delegates = EventFixture.ids("CN", 1...Int.random(in: 6...12, using: &random))
        let hosts = EventFixture.ids(country, 1...Int.random(in: 6...15, using: &random))
        var available: [String: Set<Int>] = [:], capacity: [String: Int] = [:], reps: [String: Int] = [:]
        participants = (delegates + hosts).map { company in
            var settings = ParticipantSettings()
            var slotSet = Set(1...slots)
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                let first = Int.random(in: 1...slots, using: &random)
                slotSet = Set(first...Int.random(in: first...slots, using: &random))
            case 1:
                slotSet = Set((1...slots).filter { _ in Int.random(in: 0..<3, using: &random) > 0 })
                if slotSet.isEmpty { slotSet = [Int.random(in: 1...slots, using: &random)] }
            default: break
            }
            if slotSet.count < slots { settings.available = SlotSet(slotSet) }
            var maximum = slots
            if Bool.random(using: &random) { maximum = Int.random(in: 1...slots, using: &random); settings.maxMeetings = maximum }
            var count = 1
            if Int.random(in: 0..<4, using: &random) == 0 { count = 2; settings.reps = 2 }
            if Int.random(in: 0..<5, using: &random) == 0 { settings.interpreter = "zh-en" }
            available[company] = slotSet
            capacity[company] = min(maximum, count * slotSet.count)
            reps[company] = count
            return (company, settings)
        }
        var used: [String: Int] = [:]
        var busy: [[String]: Int] = [:]
        var slotLoad: [Int: Int] = [:], tablesTaken = Set<[Int]>()
        var pairs = Set<[String]>()
        func take(_ d: String, _ h: String) -> Bool { pairs.insert([d, h]).inserted }
        var locks: [MeetingLock] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            let d = delegates.randomElement(using: &random)!, h = hosts.randomElement(using: &random)!
            let common = available[d]!.intersection(available[h]!).sorted().filter { slot in
                busy[[d, "\(slot)"], default: 0] < reps[d]! && busy[[h, "\(slot)"], default: 0] < reps[h]!
                    && slotLoad[slot, default: 0] < tables
            }
            guard let slot = common.randomElement(using: &random), used[d, default: 0] < capacity[d]!, used[h, default: 0] < capacity[h]!,
                  take(d, h) else { continue }
            var table: Int? = nil
            if Bool.random(using: &random), let free = (1...tables).filter({ !tablesTaken.contains([slot, $0]) }).randomElement(using: &random) {
                table = free
                tablesTaken.insert([slot, free])
            }
            locks.append(Bool.random(using: &random) ? MeetingLock(a: d, b: h, slot: slot, table: table) : MeetingLock(a: h, b: d, slot: slot, table: table))
            used[d, default: 0] += 1; used[h, default: 0] += 1
            busy[[d, "\(slot)"], default: 0] += 1; busy[[h, "\(slot)"], default: 0] += 1
            slotLoad[slot, default: 0] += 1
        }
        self.locks = locks
        var requests: [MeetingRequest] = []
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            let d = delegates.randomElement(using: &random)!, h = hosts.randomElement(using: &random)!
            guard used[d, default: 0] < capacity[d]!, used[h, default: 0] < capacity[h]!, take(d, h) else { continue }
            used[d, default: 0] += 1; used[h, default: 0] += 1
            requests.append(MeetingRequest(a: d, b: h, must: true))
        }
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            let d = delegates.randomElement(using: &random)!, h = hosts.randomElement(using: &random)!
            guard take(d, h) else { continue }
            requests.append(Bool.random(using: &random) ? MeetingRequest(a: d, b: h, must: false) : MeetingRequest(a: h, b: d, must: false))
        }
        self.requests = requests
        var blocks: [PairBlock] = []
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let d = delegates.randomElement(using: &random)!, h = hosts.randomElement(using: &random)!
            guard take(d, h) else { continue }
            blocks.append(Bool.random(using: &random) ? PairBlock(a: d, b: h) : PairBlock(a: h, b: d))
        }
        self.blocks = blocks
    }

    /// Creates the event in `database` through the public API, one call per registration.
    func create(in database: LiaisonDatabase) throws {
        try database.createEvent(spec)
        for (company, settings) in participants {
            try database.addParticipants([company], to: spec.id, settings: settings)
        }
        for request in requests { try database.addRequest(request, to: spec.id) }
        for block in blocks { try database.addBlock(block, to: spec.id) }
        for lock in locks { try database.addLock(lock, to: spec.id) }
    }
}
