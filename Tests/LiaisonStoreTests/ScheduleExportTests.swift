import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("Schedule exports: JSON checked by an independent validator, CSV, ICS and HTML")
struct ScheduleExportTests {
    // MARK: - Fixtures

    /// Companies whose names break naive exports, with the side they sit on.
    static let hostile: [Company] = [
        EventFixture.named("CN-9001", #"=HYPERLINK("http://x")"#, country: "CN"),
        EventFixture.named("CN-9002", "@SUM(A1)", country: "CN"),
        EventFixture.named("CN-9003", "+1", country: "CN"),
        EventFixture.named("CN-9004", "上海未来科技有限公司", country: "CN"),
        EventFixture.named("CN-9005", "<script>alert(1)</script>", country: "CN"),
        EventFixture.named("CN-9006", "\u{202E}Reversed Trading Ltd", country: "CN"),
        EventFixture.named("CA-9001", "-2", country: "CA"),
        EventFixture.named("CA-9002", "\tTabbed Supplies", country: "CA"),
        EventFixture.named("CA-9003", "Comma, \"Quoted\" & Co.\nSecond line", country: "CA"),
        EventFixture.named("CA-9004", "'Apostrophe' Ltd", country: "CA"),
        EventFixture.named("CA-9005", #""quoted" & 'apostrophes'"#, country: "CA"),
        EventFixture.named("CA-9006", "</td><td>", country: "CA"),
        EventFixture.named("CA-9007", "Back\\slash; Semi, Comma\nNew line 🚀🌏👨‍👩‍👧‍👦 上海未来科技有限公司上海未来科技有限公司", country: "CA"),
    ]

    /// The hostile pairs, each locked in its own slot so it is surely in the schedule.
    static let hostileLocks = [
        MeetingLock(a: "CN-9001", b: "CA-9001", slot: 1), MeetingLock(a: "CN-9002", b: "CA-9002", slot: 2),
        MeetingLock(a: "CA-9003", b: "CN-9003", slot: 3), MeetingLock(a: "CN-9004", b: "CA-9004", slot: 4, table: 2),
        MeetingLock(a: "CN-9005", b: "CA-9005", slot: 1), MeetingLock(a: "CN-9006", b: "CA-9006", slot: 2),
        MeetingLock(a: "CN-9004", b: "CA-9007", slot: 5),
    ]

    /// An event of the hostile companies and a few generated ones, scheduled (and published).
    static func withHostileEvent<T>(id: String = "forum", spec change: (inout EventSpec) -> Void = { _ in }, publish: Bool = true,
                                    _ body: (LiaisonDatabase) throws -> T) throws -> T {
        try EventFixture.withCompanies(extra: hostile) { db in
            var spec = EventFixture.spec(id, slots: 6, tables: 5)
            change(&spec)
            try db.createEvent(spec)
            try db.addParticipants(hostile.map(\.id) + EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...4), to: id,
                                   settings: ParticipantSettings())
            for lock in hostileLocks { try db.addLock(lock, to: id) }
            try db.addRequest(MeetingRequest(a: "CN-0001", b: "CA-9003", must: true), to: id)
            _ = try db.scheduleEvent(id, minMeetings: 2, keepPublished: false)
            if publish { _ = try db.publishEvent(id) }
            return try body(db)
        }
    }

    static func export(_ document: ScheduleDocument) throws -> ScheduleExport {
        try ScheduleExport.decode(try ScheduleJSON.data(document))
    }

    /// The rules of a stored event, for the validator.
    static func rules(_ definition: EventDefinition) -> ScheduleRules {
        ScheduleRules(requests: definition.requests.map { ($0.a, $0.b, $0.must) }, blocks: definition.blocks.map { ($0.a, $0.b) },
                      locks: definition.locks.map { ($0.a, $0.b, $0.slot, $0.table) })
    }

    // MARK: - JSON and the validator

    @Test("random events schedule within every hard rule; the figures match the meetings; keeping published stays valid",
          arguments: 1...8 as ClosedRange<UInt64>)
    func randomEvents(seed: UInt64) throws {
        try EventFixture.withCompanies(seed: seed) { db in
            let event = RandomStoredEvent(seed: seed)
            try event.create(in: db)
            let minMeetings = Int(seed % 3)
            let result = try db.scheduleEvent("random", minMeetings: minMeetings, keepPublished: false)
            let rules = ScheduleRules(requests: event.requests.map { ($0.a, $0.b, $0.must) }, blocks: event.blocks.map { ($0.a, $0.b) },
                                      locks: event.locks.map { ($0.a, $0.b, $0.slot, $0.table) })
            let export = try Self.export(try db.eventScheduleDocument("random"))
            #expect(ExportValidator.problems(export, rules: rules) == [])
            #expect(export.meetings.count == result.meetings.count)
            #expect(export.minMeetings == minMeetings)
            #expect(export.participants.count == event.participants.count)

            // Publish, let one company leave, re-schedule keeping what was published.
            _ = try db.publishEvent("random")
            var random = SeededGenerator(seed: seed * 31)
            let leaving = try #require(event.participants.randomElement(using: &random)?.company)
            try db.removeParticipants([leaving], from: "random")
            let again = try db.scheduleEvent("random", minMeetings: minMeetings, keepPublished: true)
            var remaining = rules
            remaining.requests.removeAll { $0.a == leaving || $0.b == leaving }
            remaining.blocks.removeAll { $0.a == leaving || $0.b == leaving }
            remaining.locks.removeAll { $0.a == leaving || $0.b == leaving }
            let second = try Self.export(try db.eventScheduleDocument("random"))
            #expect(ExportValidator.problems(second, rules: remaining) == [])
            let changes = try #require(second.changes)
            #expect(changes.kept + changes.added.count + changes.moved.count == second.meetings.count)
            let before = Set(result.meetings.map { [$0.delegate, $0.host, "\($0.slot)", "\($0.table)"] })
            // Every published meeting of the companies that stayed is kept in place (a lock without
            // a table may change tables: a known issue, see EventStoreTests.keepPublishedLockTable).
            let floating = Set(remaining.locks.filter { $0.table == nil }.map { ExportValidator.pair($0.a, $0.b) })
            for meeting in result.meetings where meeting.delegate != leaving && meeting.host != leaving
                && !floating.contains(ExportValidator.pair(meeting.delegate, meeting.host)) {
                #expect(second.meetings.contains { [$0.delegate, $0.host, "\($0.slot)", "\($0.table)"] == [meeting.delegate, meeting.host, "\(meeting.slot)", "\(meeting.table)"] },
                        "\(meeting) moved although it stayed valid")
            }
            #expect(changes.dropped.allSatisfy { $0.meeting.delegate == leaving || $0.meeting.host == leaving })
            #expect(changes.dropped.count == before.filter { $0[0] == leaving || $0[1] == leaving }.count)
            #expect(again.meetings.count == second.meetings.count)
        }
    }

    @Test("the validator itself catches every broken rule and every wrong figure")
    func validatorCatches() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec(slots: 4, tables: 3, breakAfter: 2))
            try db.addParticipants(EventFixture.ids("CN", 1...4) + EventFixture.ids("CA", 1...4), to: "forum", settings: ParticipantSettings(maxMeetings: 3))
            try db.addLock(MeetingLock(a: "CN-0001", b: "CA-0001", slot: 2, table: 1), to: "forum")
            try db.addRequest(MeetingRequest(a: "CN-0002", b: "CA-0002", must: true), to: "forum")
            _ = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            let valid = try Self.export(try db.eventScheduleDocument("forum"))
            let rules = ScheduleRules(requests: [("CN-0002", "CA-0002", true)], locks: [("CN-0001", "CA-0001", 2, 1)])
            try #require(ExportValidator.problems(valid, rules: rules) == [])
            let first = try #require(valid.meetings.firstIndex { $0.delegate != "CN-0001" })
            let mutations: [(String, (inout ScheduleExport) -> Void)] = [
                ("a table used twice", { e in let other = e.meetings.firstIndex { $0.slot == e.meetings[first].slot && $0 != e.meetings[first] }
                                          if let other { e.meetings[other].table = e.meetings[first].table } else { e.meetings.append(e.meetings[first]) } }),
                ("slot 0", { $0.meetings[first].slot = 0 }),
                ("a table past the last", { $0.meetings[first].table = 4 }),
                ("a pair twice", { e in var copy = e.meetings[first]; copy.slot = copy.slot == 1 ? 4 : 1; e.meetings.append(copy) }),
                ("an unavailable slot", { e in let id = e.meetings[first].delegate
                                          e.participants[e.participants.firstIndex { $0.id == id }!].available.removeAll { $0 == e.meetings[first].slot } }),
                ("above the maximum", { e in let id = e.meetings[first].host; e.participants[e.participants.firstIndex { $0.id == id }!].maxMeetings = 0 }),
                ("the lock moved", { e in e.meetings[e.meetings.firstIndex { $0.delegate == "CN-0001" && $0.host == "CA-0001" }!].table = 3 }),
                ("a wrong start", { $0.meetings[first].start = "07:00" }),
                ("a wrong total", { $0.quality.totalScore += 0.001 }),
                ("a wrong count", { $0.quality.meetings += 1 }),
                ("a wrong median", { $0.quality.meetingsPerParticipant.median += 0.5 }),
                ("a wrong must tally", { $0.quality.mustRequests.asked = 2 }),
                ("a wrong idle mean", { $0.quality.idleGaps.mean += 0.25 }),
                ("a meeting of two delegates", { e in e.meetings[first].host = "CN-0004" }),
            ]
            for (name, mutate) in mutations {
                var broken = valid
                mutate(&broken)
                #expect(!ExportValidator.problems(broken, rules: rules).isEmpty, "the validator misses \(name)")
            }
            var blocked = rules
            blocked.blocks = [(valid.meetings[first].host, valid.meetings[first].delegate)]
            #expect(!ExportValidator.problems(valid, rules: blocked).isEmpty, "the validator misses a blocked pair")
        }
    }

    @Test("export paths stay inside the export directory whatever the company ids")
    func exportPaths() throws {
        let escaping = EventFixture.named("../../escaped", "Escape Co.", country: "CN")
        try EventFixture.withCompanies(extra: [escaping]) { db in
            try db.createEvent(EventFixture.spec(slots: 2, tables: 2, breakAfter: nil, breakMinutes: 0))
            try db.addParticipants([escaping.id, "CA-0001"], to: "forum", settings: ParticipantSettings())
            _ = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            let document = try db.eventScheduleDocument("forum")
            let paths = try ScheduleCSV.files(document).map(\.path) + ScheduleICS.files(document, stamp: Self.stamp).map(\.path)
            #expect(paths.count == 5)
            for path in paths {
                #expect(!path.split(separator: "/").contains(".."), "\(path)")
            }
        }
    }

    @Test("hosts with two representatives never get two meetings at one table in a slot")
    func twoRepresentativesAtOneTable() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec(slots: 2, tables: 4, breakAfter: nil, breakMinutes: 0))
            try db.addParticipants(["CN-0001", "CN-0002", "CN-0003", "CN-0004"], to: "forum", settings: ParticipantSettings(maxMeetings: 1))
            try db.addParticipants(["CA-0001"], to: "forum", settings: ParticipantSettings(maxMeetings: 4, reps: 2))
            _ = try db.scheduleEvent("forum", minMeetings: 1, keepPublished: false)
            let export = try Self.export(try db.eventScheduleDocument("forum"))
            #expect(export.meetings.count == 4)
            #expect(ExportValidator.problems(export, rules: ScheduleRules()) == [])
        }
    }

    @Test("the sample scenario: each of the three events schedules validly with --min-meetings 2 and every must request placed")
    func sampleScenario() throws {
        let sample = Repository.root.appendingPathComponent("datasets/ccpit-2025")
        let db = try LiaisonDatabase.inMemory()
        try db.importCompanies(from: ["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"].map { sample.appendingPathComponent($0) })
        try db.importEvents(from: sample.appendingPathComponent("events.json"))

        // The rules as the file states them, read with JSONSerialization rather than the importer.
        let file = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: sample.appendingPathComponent("events.json"))) as? [[String: Any]])
        #expect(file.count == 3)
        for event in file {
            let id = try #require(event["id"] as? String)
            func pairs(_ key: String) -> [[String: Any]] { event[key] as? [[String: Any]] ?? [] }
            let rules = ScheduleRules(
                requests: pairs("requests").map { ($0["a"] as! String, $0["b"] as! String, $0["must"] as? Bool ?? false) },
                blocks: pairs("blocks").map { ($0["a"] as! String, $0["b"] as! String) },
                locks: pairs("locks").map { ($0["a"] as! String, $0["b"] as! String, $0["slot"] as! Int, $0["table"] as? Int) })
            _ = try db.scheduleEvent(id, minMeetings: 2, keepPublished: false)
            let export = try Self.export(try db.eventScheduleDocument(id))
            #expect(export.participants.count == pairs("participants").count)
            #expect(ExportValidator.problems(export, rules: rules) == [], "\(id)")
            for must in rules.requests where must.must {
                #expect(export.meetings.contains { ExportValidator.pair($0.delegate, $0.host) == ExportValidator.pair(must.a, must.b) },
                        "\(id): must \(must.a)–\(must.b) not placed")
            }
            #expect(export.quality.mustRequests.placed == export.quality.mustRequests.asked)
            #expect(export.quality.meetingsPerParticipant.min >= 2 || !export.quality.underMinimum.isEmpty)
        }
    }

    // MARK: - CSV

    @Test("CSV: the master list equals the JSON export; each agenda lists exactly its participant's meetings")
    func csvMasterAndAgendas() throws {
        try Self.withHostileEvent { db in
            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let files = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document).map { ($0.path, $0.data) })
            #expect(Set(files.keys) == Set(["master.csv"] + export.participants.map { "agendas/\($0.id).csv" }))

            let master = try CSVFile.rows(try #require(files["master.csv"]))
            #expect(master.header == ["slot", "start", "end", "table", "delegate", "delegate_name", "host", "host_name", "score", "reasons"])
            let names = Dictionary(uniqueKeysWithValues: export.participants.map { ($0.id, $0.name) })
            let expected = export.meetings.map { m -> [String] in
                return ["\(m.slot)", export.clock(ofSlot: m.slot), Self.clock(export.clock(ofSlot: m.slot), plus: export.event.slotMinutes),
                        "\(m.table)", m.delegate, names[m.delegate]!, m.host, names[m.host]!, String(format: "%.4f", m.score), m.reasons]
            }
            #expect(master.rows.map { $0.map(CSVFile.original) } == expected)
            #expect(master.rows.count == export.meetings.count)

            // Agendas (the participant's file): in its language, without scores unless asked; here
            // with them, to compare with the JSON export. A host's reasons are its own: "you seek"
            // and "they seek" trade places, and so do the sizes (the JSON has the delegate's side).
            let withScores = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document, withScores: true).map { ($0.path, $0.data) })
            let languages = try Self.firstLanguages(db)
            var checkedReasons = 0
            for person in export.participants {
                let agenda = AgendaCSVFile(try #require(withScores["agendas/\(person.id).csv"]))
                #expect(agenda.hasByteOrderMark, "\(person.id)")
                #expect(agenda.about.first.map { CSVFile.original($0.value) } == "\(names[person.id]!) (\(person.id))")
                let english = languages[person.id] != "zh" && languages[person.id] != "fr"
                let mine = export.meetings.filter { $0.delegate == person.id || $0.host == person.id }.map { m -> [String] in
                    let other = m.delegate == person.id ? m.host : m.delegate
                    return [export.clock(ofSlot: m.slot), Self.clock(export.clock(ofSlot: m.slot), plus: export.event.slotMinutes),
                            "\(m.table)", names[other]!, other, String(format: "%.4f", m.score),
                            m.host == person.id ? Self.turnedAround(m.reasons) : m.reasons]
                }
                let rows = agenda.meetingRows.map { $0.map(CSVFile.original) }.map { [$0[1], $0[2], $0[3], $0[4], $0[5], $0[13], $0[12]] }
                #expect(rows.count == mine.count, "\(person.id)")
                let compared = english ? rows : rows.map { Array($0.dropLast()) }
                let expected = english ? mine : mine.map { Array($0.dropLast()) }
                #expect(compared.sorted { $0.lexicographicallyPrecedes($1) } == expected.sorted { $0.lexicographicallyPrecedes($1) }, "\(person.id)")
                if english { checkedReasons += rows.count }
                let starts = agenda.rows.map { $0[1] }
                #expect(starts == starts.sorted(), "\(person.id): agenda not in slot order")
                // Without --with-scores, no score anywhere.
                let plain = AgendaCSVFile(try #require(files["agendas/\(person.id).csv"]))
                #expect(plain.header.count == agenda.header.count - 1)
                #expect(!plain.rows.joined().contains { $0.range(of: #"\+\d\.\d\d"#, options: .regularExpression) != nil })
            }
            #expect(checkedReasons > 5)
        }
    }

    @Test("CSV: formula-like cells are guarded with ', and parsing then un-guarding gives every name back")
    func csvFormulaGuard() throws {
        try Self.withHostileEvent { db in
            let files = try ScheduleCSV.files(try db.eventScheduleDocument("forum"))
            var seen: [String: Int] = [:]
            for (path, data) in files {
                let table = try CSVFile.rows(data)
                for cell in table.header + table.rows.joined() {
                    #expect(!CSVFile.isFormula(cell), "\(path): \(cell.debugDescription) would run as a formula")
                    seen[cell, default: 0] += 1
                }
            }
            // Guarded exactly: one ' and the name as is; other names exactly as is.
            for company in Self.hostile {
                let guarded = CSVFile.isFormula(company.name) ? "'" + company.name : company.name
                #expect(seen[guarded, default: 0] > 0, "\(company.name.debugDescription) never appears as \(guarded.debugDescription)")
                #expect(CSVFile.original(guarded) == company.name)
            }
            #expect(seen["'=HYPERLINK(\"http://x\")"] != nil && seen["'@SUM(A1)"] != nil && seen["'+1"] != nil && seen["'-2"] != nil)
            #expect(seen["'\tTabbed Supplies"] != nil)
            #expect(seen["Comma, \"Quoted\" & Co.\nSecond line"] != nil)
            #expect(seen["'Apostrophe' Ltd"] != nil)
        }
    }

    /// English reasons of the delegate told to the host: "you seek X, they offer it" and "they
    /// seek X, you offer it" trade places, and so do the two sizes of "sizes A and B".
    static func turnedAround(_ line: String) -> String {
        line.components(separatedBy: "; ").map { item in
            if let range = item.range(of: #"^you seek (.+), they offer it"#, options: .regularExpression) {
                return item.replacingCharacters(in: range, with: "they seek " + item[range].dropFirst(9).dropLast(15) + ", you offer it")
            }
            if let range = item.range(of: #"^they seek (.+), you offer it"#, options: .regularExpression) {
                return item.replacingCharacters(in: range, with: "you seek " + item[range].dropFirst(10).dropLast(14) + ", they offer it")
            }
            if let range = item.range(of: #"^sizes [a-z]+ and [a-z]+"#, options: .regularExpression) {
                let words = item[range].split(separator: " ")
                return item.replacingCharacters(in: range, with: "sizes \(words[3]) and \(words[1])")
            }
            return item
        }.joined(separator: "; ")
    }

    /// `HH:MM` plus minutes.
    static func clock(_ text: String, plus minutes: Int) -> String {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        let total = (parts[0] * 60 + parts[1] + minutes) % 1440
        return String(format: "%02d:%02d", total / 60, total % 60)
    }

    // MARK: - ICS

    static let stamp = Date(timeIntervalSince1970: 1_764_000_000)

    /// `yyyyMMddTHHmm00` of a slot's local start plus `extra` minutes, computed through the calendar.
    static func localTime(_ event: ScheduleExport.Event, slot: Int, extra: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = event.date.split(separator: "-").compactMap { Int($0) }
        let clock = event.start.split(separator: ":").compactMap { Int($0) }
        var minute = clock[0] * 60 + clock[1] + (slot - 1) * event.slotMinutes + extra
        if let pause = event.breakAfter, slot > pause { minute += event.breakMinutes }
        let date = calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2], minute: minute))!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d%02d%02dT%02d%02d00", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }

    /// The UTC offset (seconds) a calendar client derives for a local time from a VTIMEZONE: the
    /// TZOFFSETTO of the latest observance that began at or before it; nil when none did.
    static func offset(at local: String, in zone: [ICSFile.Property]) -> Int? {
        var onsets: [(start: String, offset: String)] = []
        var start: String?
        for property in zone {
            if property.name == "DTSTART" { start = property.value }
            if property.name == "TZOFFSETTO", let begin = start { onsets.append((begin, property.value)); start = nil }
        }
        guard let latest = onsets.filter({ $0.start <= local }).max(by: { $0.start < $1.start }) else { return nil }
        let text = latest.offset
        let sign = text.hasPrefix("-") ? -1 : 1
        let digits = text.dropFirst()
        guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).prefix(2)) else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    /// The offset Foundation gives the zone at a local time.
    static func foundationOffset(_ zoneID: String, local: String) -> Int {
        let zone = TimeZone(identifier: zoneID)!
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        func part(_ from: Int, _ length: Int) -> Int {
            let characters = Array(local)
            return Int(String(characters[from..<from + length]))!
        }
        let date = calendar.date(from: DateComponents(year: part(0, 4), month: part(4, 2), day: part(6, 2), hour: part(9, 2), minute: part(11, 2)))!
        return zone.secondsFromGMT(for: date)
    }

    /// Checks one participant's calendar against the JSON export, expecting `sequence` and
    /// `cancelled` per pair (`[delegate, host]`). Returns the calendar's UIDs.
    @discardableResult
    static func checkCalendar(_ data: Data, of company: String, export: ScheduleExport, sequence: [[String]: Int],
                              cancelled: [ScheduleExport.Meeting] = [], formerNames: [String: String] = [:], language: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let file = ICSFile(data, sourceLocation: sourceLocation)
        let event = export.event
        let names = Dictionary(uniqueKeysWithValues: export.participants.map { ($0.id, $0.name) }).merging(formerNames) { a, _ in a }
        #expect(file.properties.first == .init(name: "BEGIN", parameters: [], value: "VCALENDAR"), sourceLocation: sourceLocation)
        #expect(file.properties.last == .init(name: "END", parameters: [], value: "VCALENDAR"), sourceLocation: sourceLocation)
        let zones = file.components("VTIMEZONE")
        #expect(zones.count == 1 && zones.first?.value("TZID") == event.timeZone, sourceLocation: sourceLocation)
        let events = file.components("VEVENT")
        let active = export.meetings.filter { $0.delegate == company || $0.host == company }
        let gone = cancelled.filter { $0.delegate == company || $0.host == company }
        #expect(events.count == active.count + gone.count, "\(company)", sourceLocation: sourceLocation)
        var uids: [String] = []
        for (meeting, isCancelled) in active.map({ ($0, false) }) + gone.map({ ($0, true) }) {
            let uid = "\(event.id)/\(meeting.delegate)/\(meeting.host)@liaison"
            uids.append(uid)
            let found = events.filter { ICSFile.unescaped($0.value("UID") ?? "") == uid }
            #expect(found.count == 1, "\(company): \(found.count) VEVENTs with UID \(uid)", sourceLocation: sourceLocation)
            guard let vevent = found.first else { continue }
            let other = meeting.delegate == company ? meeting.host : meeting.delegate
            let start = localTime(event, slot: meeting.slot), end = localTime(event, slot: meeting.slot, extra: event.slotMinutes)
            #expect(vevent.property("DTSTART") == .init(name: "DTSTART", parameters: ["TZID=\(event.timeZone)"], value: start),
                    sourceLocation: sourceLocation)
            #expect(vevent.property("DTEND") == .init(name: "DTEND", parameters: ["TZID=\(event.timeZone)"], value: end),
                    sourceLocation: sourceLocation)
            if let zone = zones.first {
                #expect(offset(at: start, in: zone) == foundationOffset(event.timeZone, local: start),
                        "the VTIMEZONE gives \(String(describing: offset(at: start, in: zone))) at \(start)", sourceLocation: sourceLocation)
            }
            #expect(vevent.value("SEQUENCE") == "\(sequence[[meeting.delegate, meeting.host]] ?? -1)", "\(uid)", sourceLocation: sourceLocation)
            #expect(vevent.value("STATUS") == (isCancelled ? "CANCELLED" : "CONFIRMED"), "\(uid)", sourceLocation: sourceLocation)
            // In the reader's language (its company's first language: zh, fr, else English).
            let summary = ICSFile.unescaped(vevent.value("SUMMARY") ?? "")
            #expect(summary == Self.title(names[other] ?? other, cancelled: isCancelled, language: language), sourceLocation: sourceLocation)
            #expect(ICSFile.unescaped(vevent.value("LOCATION") ?? "") == "\(event.name), \(Self.table(meeting.table, language: language)), \(event.city)",
                    sourceLocation: sourceLocation)
            let description = ICSFile.unescaped(vevent.value("DESCRIPTION") ?? "")
            #expect(description.hasPrefix("\(names[other] ?? other) (\(other))"), sourceLocation: sourceLocation)
            #expect(vevent.value("DTSTAMP") == "20251124T160000Z", sourceLocation: sourceLocation)
        }
        #expect(Set(uids).count == uids.count, sourceLocation: sourceLocation)
        return uids
    }

    /// A calendar event's title in a reader's language.
    static func title(_ name: String, cancelled: Bool, language: String?) -> String {
        switch language {
        case "zh": (cancelled ? "已取消：" : "") + "与\(name)会谈"
        case "fr": (cancelled ? "Annulé\u{202F}: " : "") + "Rendez-vous avec \(name)"
        default: (cancelled ? "Cancelled: " : "") + "Meeting with \(name)"
        }
    }

    /// "table 3" in a reader's language.
    static func table(_ number: Int, language: String?) -> String {
        language == "zh" ? "\(number)号桌" : "table \(number)"
    }

    /// Each company's first working language, as stored.
    static func firstLanguages(_ db: LiaisonDatabase) throws -> [String: String] {
        try db.companies().reduce(into: [:]) { $0[$1.company.id] = $1.company.languages.first }
    }

    @Test("ICS: folded CRLF lines of at most 75 octets, escaped text, one VEVENT per meeting with local times and a VTIMEZONE")
    func icsCalendars() throws {
        try Self.withHostileEvent { db in
            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let files = ScheduleICS.files(document, stamp: Self.stamp)
            #expect(Set(files.map(\.path)) == Set(export.participants.map { "\($0.id).ics" }))
            let zeros = Dictionary(uniqueKeysWithValues: export.meetings.map { ([$0.delegate, $0.host], 0) })
            var folded = 0
            let languages = try Self.firstLanguages(db)
            #expect(Set(export.participants.compactMap { languages[$0.id] }).isSuperset(of: ["zh", "en"]), "the calendars are not in several languages")
            for (path, data) in files {
                let company = String(path.dropLast(4))
                Self.checkCalendar(data, of: company, export: export, sequence: zeros, language: languages[company])
                folded += ICSFile(data).physicalLines.filter { $0.hasPrefix(" ") }.count
            }
            #expect(folded > 0, "no line was long enough to be folded; the test checks nothing of folding")
            // The hostile names come back exactly.
            let calendar = try #require(files.first { $0.path == "CN-9004.ics" }?.data)
            let summaries = ICSFile(calendar).components("VEVENT").map { ICSFile.unescaped($0.value("SUMMARY") ?? "") }
            #expect(summaries.contains("Meeting with " + Self.hostile.first { $0.id == "CA-9007" }!.name))
            let raw = String(decoding: calendar, as: UTF8.self)
            #expect(raw.replacingOccurrences(of: "\r\n ", with: "").contains("Back\\\\slash\\; Semi\\, Comma\\nNew line"))
        }
    }

    @Test("ICS: UIDs are stable across exports; after re-publishing a moved meeting's SEQUENCE grows and a dropped one is CANCELLED")
    func icsRepublish() throws {
        // More tables than delegates: a lock can always move a meeting to another slot.
        try Self.withHostileEvent(spec: { $0.tables = 11 }) { db in
            let firstDocument = try db.eventScheduleDocument("forum")
            let first = try Self.export(firstDocument)
            let a = ScheduleICS.files(firstDocument, stamp: Self.stamp)
            let b = ScheduleICS.files(try db.eventScheduleDocument("forum"), stamp: Self.stamp.addingTimeInterval(3600))
            #expect(a.map(\.path) == b.map(\.path))
            for (x, y) in zip(a, b) {
                let withoutStamp = { (data: Data) in ICSFile(data).properties.filter { $0.name != "DTSTAMP" } }
                #expect(withoutStamp(x.data) == withoutStamp(y.data), "\(x.path) differs between two exports of one schedule")
            }
            let published = try PublishedRow.all("forum", in: db)

            // Move a generated pair's meeting by a lock, and let a host leave.
            let target = try #require(first.meetings.first { $0.delegate.hasPrefix("CN-000") && !$0.host.hasPrefix("CA-900") })
            let slot = target.slot == 6 ? 5 : 6
            try db.addLock(MeetingLock(a: target.delegate, b: target.host, slot: slot), to: "forum")
            let leaving = "CA-9002"
            try db.removeParticipants([leaving], from: "forum")
            let result = try db.scheduleEvent("forum", minMeetings: 2, keepPublished: true)
            _ = try db.publishEvent("forum")

            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let rows = EventStoreTests.expectedRows(previous: published, current: result.meetings)
            let sequence = Dictionary(uniqueKeysWithValues: rows.values.map { ([$0.delegate, $0.host], $0.sequence) })
            let cancelled = rows.values.filter(\.cancelled).map {
                ScheduleExport.Meeting(slot: $0.slot, start: "", table: $0.table, delegate: $0.delegate, host: $0.host, score: 0, reasonList: [])
            }
            #expect(sequence[[target.delegate, target.host]] == 1)
            #expect(sequence.values.contains(0) && sequence.values.contains(1))
            #expect(cancelled.contains { $0.host == leaving })
            let files = ScheduleICS.files(document, stamp: Self.stamp)
            // A company that left still gets a calendar: the one that cancels its meetings.
            #expect(Set(files.map(\.path)) == Set((export.participants.map(\.id) + [leaving]).map { "\($0).ics" }))
            let leavingCalendar = try #require(files.first { $0.path == "\(leaving).ics" })
            let leavingEvents = ICSFile(leavingCalendar.data).components("VEVENT")
            #expect(!leavingEvents.isEmpty && leavingEvents.allSatisfy { $0.value("STATUS") == "CANCELLED" })
            let languages = try Self.firstLanguages(db)
            for (path, data) in files {
                Self.checkCalendar(data, of: String(path.dropLast(4)), export: export, sequence: sequence, cancelled: cancelled,
                                   formerNames: [leaving: Self.hostile.first { $0.id == leaving }!.name], language: languages[String(path.dropLast(4))])
            }
            let oldUIDs = Set(a.flatMap { ICSFile($0.data).components("VEVENT").compactMap { $0.value("UID") } })
            let newUIDs = Set(files.flatMap { ICSFile($0.data).components("VEVENT").compactMap { $0.value("UID") } })
            #expect(oldUIDs.subtracting(newUIDs).allSatisfy { $0.contains(leaving) }, "a UID vanished: \(oldUIDs.subtracting(newUIDs))")
        }
    }

    @Test("ICS: a meeting that ends at midnight ends at 00:00 of the next day")
    func icsMidnight() throws {
        try Self.withHostileEvent(spec: { $0.start = "21:45"; $0.breakAfter = 3; $0.breakMinutes = 15 }) { db in
            // 21:45 + 6 × 20 min + 15 min = 24:00: slot 6 runs 23:40–24:00.
            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let late = try #require(export.meetings.first { $0.slot == 6 }, "no meeting in slot 6")
            let calendar = try #require(ScheduleICS.files(document, stamp: Self.stamp).first { $0.path == "\(late.delegate).ics" })
            let vevent = try #require(ICSFile(calendar.data).components("VEVENT").first {
                ICSFile.unescaped($0.value("UID") ?? "") == "forum/\(late.delegate)/\(late.host)@liaison"
            })
            #expect(vevent.value("DTSTART") == "20251201T234000")
            #expect(vevent.value("DTEND") == "20251202T000000")
        }
    }

    @Test("ICS: an event in January has a VTIMEZONE observance in force at its meetings")
    func icsWinterZone() throws {
        try Self.withHostileEvent(spec: { $0.date = "2026-01-20" }) { db in
            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let data = try #require(ScheduleICS.files(document, stamp: Self.stamp).first?.data)
            let zone = try #require(ICSFile(data).components("VTIMEZONE").first)
            let start = Self.localTime(export.event, slot: 1)
            #expect(Self.offset(at: start, in: zone) == Self.foundationOffset(export.event.timeZone, local: start))
        }
    }

    // MARK: - HTML

    @Test("HTML: hostile names are escaped, Chinese text kept; one agenda per participant, one grid row per used table")
    func html() throws {
        try Self.withHostileEvent { db in
            let document = try db.eventScheduleDocument("forum")
            let export = try Self.export(document)
            let page = ScheduleHTML.page(document)
            #expect(!page.lowercased().contains("<script"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains(#""quoted" & 'apostrophes'"#))
            #expect(page.contains("&amp; 'apostrophes'") || page.contains("&amp; &#39;apostrophes&#39;"))
            #expect(!page.contains("</td><td>"))
            #expect(page.contains("&lt;/td&gt;&lt;td&gt;"))
            #expect(page.contains("上海未来科技有限公司"))
            #expect(page.hasPrefix("<!DOCTYPE html>"))

            let sections = HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
            #expect(sections.count == export.participants.count)
            let names = Dictionary(uniqueKeysWithValues: export.participants.map { ($0.id, $0.name) })
            var listed: [String] = []
            for section in sections {
                let heading = try #require(HTMLText.fragments(String(section), from: "<h2>", to: "</h2>").first)
                let id = try #require(HTMLText.fragments(String(heading), from: "<span class=\"id\">", to: "</span>").first)
                let company = HTMLText.text(id).trimmingCharacters(in: .whitespaces)
                listed.append(company)
                #expect(HTMLText.shown(HTMLText.text(heading)) == HTMLText.shown((names[company] ?? "?") + " " + company), "\(heading)")
                let rows = HTMLText.count("<tr>", in: section) - 1
                #expect(rows == export.meetings.filter { $0.delegate == company || $0.host == company }.count, "\(company)")
            }
            #expect(listed == export.participants.map(\.id).sorted())

            let grid = try #require(HTMLText.fragments(page, from: "<table class=\"grid\">", to: "</table>").first)
            #expect(HTMLText.count("<tr>", in: grid) == 1 + Set(export.meetings.map(\.table)).count)
            // Every meeting's two names are in the grid, in the cell of its slot and table.
            let tables = Set(export.meetings.map(\.table)).sorted()
            let gridRows = HTMLText.fragments(String(grid), from: "<tr>", to: "</tr>").dropFirst()
            for (table, row) in zip(tables, gridRows) {
                let cells = HTMLText.fragments(String(row), from: "<td", to: "</td>")
                #expect(cells.count == export.event.slots)
                for meeting in export.meetings where meeting.table == table {
                    let cell = HTMLText.shown(HTMLText.text(cells[meeting.slot - 1]))
                    #expect(cell == HTMLText.shown(names[meeting.delegate]! + " " + names[meeting.host]!),
                            "slot \(meeting.slot) table \(table): \(cell.debugDescription)")
                }
            }
        }
    }

    @Test("HTML: a name holding a character reference is shown as written")
    func htmlEntityText() throws {
        let literal = EventFixture.named("CA-9100", "AT&amp;T &lt;b&gt; Holdings", country: "CA")
        try EventFixture.withCompanies(extra: [literal]) { db in
            try db.createEvent(EventFixture.spec(slots: 2, tables: 2, breakAfter: nil, breakMinutes: 0))
            try db.addParticipants(["CN-0001", "CA-9100"], to: "forum", settings: ParticipantSettings())
            try db.addLock(MeetingLock(a: "CN-0001", b: "CA-9100", slot: 1), to: "forum")
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let page = ScheduleHTML.page(try db.eventScheduleDocument("forum"))
            let section = try #require(HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>").first { $0.contains("CA-9100") })
            let heading = try #require(HTMLText.fragments(String(section), from: "<h2>", to: "</h2>").first)
            #expect(HTMLText.shown(HTMLText.text(heading)) == "AT&amp;T &lt;b&gt; Holdings CA-9100")
        }
    }

    @Test("HTML: an event name cannot inject markup through the page title")
    func htmlEventName() throws {
        try Self.withHostileEvent(spec: { $0.name = #""><script>alert(1)</script>"# }) { db in
            let page = ScheduleHTML.page(try db.eventScheduleDocument("forum"))
            #expect(page.contains("<h1>&quot;&gt;&lt;script&gt;") || page.contains("<h1>\"&gt;&lt;script&gt;"))
            #expect(!page.lowercased().contains("<script"))
        }
    }

    @Test("HTML: a right-to-left override in a name cannot reorder the text after it")
    func htmlBidiIsolation() throws {
        try Self.withHostileEvent { db in
            let page = ScheduleHTML.page(try db.eventScheduleDocument("forum"))
            let sections = HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
            let section = try #require(sections.first { $0.contains("<span class=\"id\"> CN-9006</span>") })
            let heading = try #require(HTMLText.fragments(String(section), from: "<h2>", to: "</h2>").first)
            #expect(HTMLText.shown(HTMLText.text(heading)) == "\u{202E}Reversed Trading Ltd CN-9006")
            #expect(heading.contains("<bdi>") || heading.contains("dir=\"auto\"") || !heading.contains("\u{202E}"))
        }
    }
}
