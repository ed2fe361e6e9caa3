import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Events in the store: creating, importing, registering, scheduling, publishing")
struct EventStoreTests {
    // MARK: - Creating

    @Test("a created event is read back equal and listed with no participants", arguments: Storage.allCases)
    func create(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            let spec = EventFixture.spec()
            try db.createEvent(spec)
            let definition = try db.eventDefinition("forum")
            #expect(definition.spec == spec)
            #expect(definition.participants.isEmpty && definition.requests.isEmpty && definition.blocks.isEmpty && definition.locks.isEmpty)
            let listed = try db.events()
            #expect(listed.map(\.spec) == [spec])
            #expect(listed.first?.delegates == 0 && listed.first?.hosts == 0)
            #expect(listed.first?.meetings == nil && listed.first?.publishedAt == nil)
        }
    }

    @Test("an id cut by a NUL names no event and no company: SQLite would read it only up to the NUL")
    func idsWithNUL() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            let company = try #require(try db.companies().first).company.id
            #expect(throws: EventError.unknownEvent("forum\u{0}junk")) { try db.eventDefinition("forum\u{0}junk") }
            #expect(throws: EventError.unknownEvent("forum\u{0}")) { try db.eventMatchboardKey("forum\u{0}") }
            #expect(throws: EventError.unknownEvent("forum\u{0}junk")) { try db.eventScheduleDocument("forum\u{0}junk") }
            #expect(throws: StoreError.unknownCompany(company + "\u{0}junk")) { try db.company(id: company + "\u{0}junk") }
            #expect(try db.companies(ids: [company + "\u{0}"]).isEmpty)
            #expect(throws: StoreError.unknownCompany(company + "\u{0}")) {
                _ = try db.addParticipants([company + "\u{0}"], to: "forum", settings: ParticipantSettings())
            }
            #expect(try db.eventDefinition("forum").participants.isEmpty)
        }
    }

    @Test("creating an event whose id exists is refused and keeps the stored one")
    func createExisting() throws {
        try EventFixture.withCompanies { db in
            let first = EventFixture.spec()
            try db.createEvent(first)
            var second = first
            second.name = "Another forum"
            second.tables = 9
            let before = try EventSnapshot(db)
            #expect(throws: EventError.eventExists("forum")) { try db.createEvent(second) }
            #expect(try EventSnapshot(db) == before)
            #expect(try db.eventDefinition("forum").spec == first)
        }
    }

    /// An event that cannot be held, and a fragment of the problem that must name why.
    struct BadSpec: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var change: @Sendable (inout EventSpec) -> Void
        var fragment: String
    }

    @Test("an event that cannot be held is refused, naming why, and nothing is stored", arguments: [
        BadSpec(testDescription: "zero tables", change: { $0.tables = 0 }, fragment: "tables must be at least 1"),
        BadSpec(testDescription: "zero slots", change: { $0.slots = 0; $0.breakAfter = nil }, fragment: "not 0"),
        BadSpec(testDescription: "30 February", change: { $0.date = "2025-02-30" }, fragment: "date '2025-02-30' is not a date"),
        BadSpec(testDescription: "a one-digit day", change: { $0.date = "2025-12-1" }, fragment: "date '2025-12-1' is not a date"),
        BadSpec(testDescription: "month 13", change: { $0.date = "2025-13-01" }, fragment: "is not a date"),
        BadSpec(testDescription: "29 February of a common year", change: { $0.date = "2025-02-29" }, fragment: "is not a date"),
        BadSpec(testDescription: "year 0000", change: { $0.date = "0000-06-01" }, fragment: "date '0000-06-01' is not a date"),
        BadSpec(testDescription: "a signed year", change: { $0.date = "+999-06-01" }, fragment: "is not a date"),
        BadSpec(testDescription: "a one-digit hour", change: { $0.start = "9:00" }, fragment: "start '9:00' is not a time"),
        BadSpec(testDescription: "hour 24", change: { $0.start = "24:00" }, fragment: "start '24:00' is not a time"),
        BadSpec(testDescription: "minute 60", change: { $0.start = "09:60" }, fragment: "is not a time"),
        BadSpec(testDescription: "an unknown time zone", change: { $0.timeZone = "Mars/Olympus_Mons" }, fragment: "unknown time zone 'Mars/Olympus_Mons'"),
        BadSpec(testDescription: "country CN, the delegation's own", change: { $0.country = "CN" }, fragment: "its delegation (CN) must not be its own country"),
        BadSpec(testDescription: "country XX, no country", change: { $0.country = "XX" }, fragment: "the event's country 'XX' is not an ISO 3166 country"),
        BadSpec(testDescription: "delegation XX", change: { $0.delegation = "XX" }, fragment: "the delegation 'XX' is not an ISO 3166 country"),
        BadSpec(testDescription: "a break after the last slot", change: { $0.breakAfter = 6 }, fragment: "a break after slot 6 is outside"),
        BadSpec(testDescription: "a break after slot 0", change: { $0.breakAfter = 0 }, fragment: "a break after slot 0 is outside"),
        BadSpec(testDescription: "slots past midnight", change: { $0.start = "23:00" }, fragment: "the slots run past midnight"),
        BadSpec(testDescription: "more tables than any floor holds", change: { $0.tables = Int.max }, fragment: "tables must be at most 20000"),
        BadSpec(testDescription: "an escape sequence in the name", change: { $0.name = "Forum\u{1B}]0;pwned\u{07}" },
                fragment: "the event's name holds the control character"),
        BadSpec(testDescription: "a control character in the venue", change: { $0.venue = "Hall\u{1B}[2J" },
                fragment: "the event's venue holds the control character"),
        BadSpec(testDescription: "a blank name", change: { $0.name = "  " }, fragment: "the event's name is empty"),
        BadSpec(testDescription: "an empty city", change: { $0.city = "" }, fragment: "the event's city is empty"),
        BadSpec(testDescription: "a break without its slot", change: { $0.breakAfter = nil }, fragment: "a break of 15 minutes needs the slot it comes after"),
    ])
    func createRefused(bad: BadSpec) throws {
        try EventFixture.withCompanies { db in
            var spec = EventFixture.spec()
            bad.change(&spec)
            let before = try EventSnapshot(db)
            let error = #expect(throws: EventError.self) { try db.createEvent(spec) }
            guard case .invalidEvent(let id, let problems)? = error else {
                Issue.record("expected invalidEvent, got \(String(describing: error))")
                return
            }
            #expect(id == "forum")
            #expect(problems.contains { $0.contains(bad.fragment) }, "\(problems)")
            #expect(error?.description.hasPrefix("event 'forum': ") == true)
            #expect(try EventSnapshot(db) == before)
            #expect(throws: EventError.unknownEvent("forum")) { try db.eventDefinition("forum") }
        }
    }

    @Test("the last slot may end exactly at midnight")
    func endsAtMidnight() throws {
        try EventFixture.withCompanies { db in
            // 22:00 + 6 × 20 min = 24:00.
            try db.createEvent(EventFixture.spec(start: "22:00", breakAfter: nil, breakMinutes: 0))
            #expect(try db.eventDefinition("forum").spec.start == "22:00")
        }
    }

    // MARK: - Importing

    static let harbourJSON = """
        {"id": "harbour", "name": "Harbour Breakfast", "city": "Vancouver", "country": "ca", "date": "2025-12-03",
         "start": "07:30", "slots": 5, "slotMinutes": 15, "tables": 3,
         "participants": [{"company": "CN-0001", "maxMeetings": 3, "available": "1-3,5", "interpreter": "zh-en"},
                          {"company": "CN-0002", "reps": 2, "available": [4, 2]},
                          {"company": "CA-0001"}, {"company": "CA-0002", "maxMeetings": 2}],
         "requests": [{"a": "CN-0001", "b": "CA-0001", "must": true}, {"a": "CA-0002", "b": "CN-0002"}],
         "blocks": [{"a": "CN-0001", "b": "CA-0002"}],
         "locks": [{"a": "CN-0002", "b": "CA-0001", "slot": 2, "table": 3}, {"a": "CA-0002", "b": "CN-0002", "slot": 4}]}
        """

    /// What `harbourJSON` means, written out by hand.
    static let harbour = EventDefinition(
        spec: EventSpec(id: "harbour", name: "Harbour Breakfast", city: "Vancouver", country: "CA", date: "2025-12-03", start: "07:30",
                        slots: 5, slotMinutes: 15, breakAfter: nil, breakMinutes: 0, tables: 3, timeZone: "America/Vancouver"),
        participants: [
            Participant(company: "CN-0001", side: .delegate, maxMeetings: 3, available: SlotSet([1, 2, 3, 5]), reps: 1, interpreter: "zh-en"),
            Participant(company: "CN-0002", side: .delegate, maxMeetings: 5, available: SlotSet([2, 4]), reps: 2),
            Participant(company: "CA-0001", side: .host, maxMeetings: 5, available: SlotSet(1...5), reps: 1),
            Participant(company: "CA-0002", side: .host, maxMeetings: 2, available: SlotSet(1...5), reps: 1),
        ],
        requests: [MeetingRequest(a: "CN-0001", b: "CA-0001", must: true), MeetingRequest(a: "CA-0002", b: "CN-0002", must: false)],
        blocks: [PairBlock(a: "CN-0001", b: "CA-0002")],
        locks: [MeetingLock(a: "CN-0002", b: "CA-0001", slot: 2, table: 3), MeetingLock(a: "CA-0002", b: "CN-0002", slot: 4)])

    static let summitJSON = """
        {"id": "summit", "name": "Boston Summit", "city": "Boston", "country": "US", "date": "2025-12-06", "start": "13:00",
         "slots": 4, "slotMinutes": 30, "breakAfter": 2, "breakMinutes": 10, "tables": 2, "timeZone": "America/Chicago",
         "participants": [{"company": "US-0003", "reps": 3}, {"company": "CN-0004", "maxMeetings": 0}]}
        """

    static let summit = EventDefinition(
        spec: EventSpec(id: "summit", name: "Boston Summit", city: "Boston", country: "US", date: "2025-12-06", start: "13:00", slots: 4,
                        slotMinutes: 30, breakAfter: 2, breakMinutes: 10, tables: 2, timeZone: "America/Chicago"),
        participants: [Participant(company: "US-0003", side: .host, maxMeetings: 4, available: SlotSet(1...4), reps: 3),
                       Participant(company: "CN-0004", side: .delegate, maxMeetings: 0, available: SlotSet(1...4), reps: 1)])

    /// The line of `text` on which `fragment` first appears, from 1.
    static func line(of fragment: String, in text: String) -> Int {
        text[..<text.range(of: fragment)!.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Compares definitions regardless of the order of their lists.
    static func expectSame(_ actual: EventDefinition, _ expected: EventDefinition, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.spec == expected.spec, sourceLocation: sourceLocation)
        #expect(actual.participants.count == expected.participants.count, sourceLocation: sourceLocation)
        #expect(Set(actual.participants) == Set(expected.participants), sourceLocation: sourceLocation)
        #expect(actual.requests.count == expected.requests.count && Set(actual.requests) == Set(expected.requests), sourceLocation: sourceLocation)
        #expect(actual.blocks.count == expected.blocks.count && Set(actual.blocks) == Set(expected.blocks), sourceLocation: sourceLocation)
        #expect(actual.locks.count == expected.locks.count && Set(actual.locks) == Set(expected.locks), sourceLocation: sourceLocation)
    }

    @Test("importing one event object stores exactly what the file says, defaults filled in", arguments: Storage.allCases)
    func importOne(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try TestFiles.withTemporaryDirectory { directory in
                let returned = try db.importEvents(from: try directory.writing("harbour.json", Self.harbourJSON))
                #expect(returned.count == 1)
                Self.expectSame(try #require(returned.first).definition, Self.harbour)
                Self.expectSame(try db.eventDefinition("harbour"), Self.harbour)
            }
        }
    }

    @Test("importing an array creates every event; importing again replaces an event's rules whole")
    func importArray() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let returned = try db.importEvents(from: try directory.writing("events.json", "[\(Self.harbourJSON),\n\(Self.summitJSON)]"))
                #expect(returned.map(\.definition.spec.id) == ["harbour", "summit"])
                Self.expectSame(try db.eventDefinition("harbour"), Self.harbour)
                Self.expectSame(try db.eventDefinition("summit"), Self.summit)
                #expect(try db.events().map(\.spec.id).sorted() == ["harbour", "summit"])

                // The same id with fewer participants and no rules: nothing of the old rules stays.
                let smaller = """
                    {"id": "harbour", "name": "Harbour Lunch", "city": "Vancouver", "country": "CA", "date": "2025-12-03",
                     "start": "12:00", "slots": 3, "slotMinutes": 15, "tables": 2, "participants": [{"company": "CA-0002"}]}
                    """
                try db.importEvents(from: try directory.writing("smaller.json", smaller))
                let expected = EventDefinition(
                    spec: EventSpec(id: "harbour", name: "Harbour Lunch", city: "Vancouver", country: "CA", date: "2025-12-03", start: "12:00",
                                    slots: 3, slotMinutes: 15, tables: 2, timeZone: "America/Vancouver"),
                    participants: [Participant(company: "CA-0002", side: .host, maxMeetings: 3, available: SlotSet(1...3))])
                Self.expectSame(try db.eventDefinition("harbour"), expected)
                Self.expectSame(try db.eventDefinition("summit"), Self.summit)
            }
        }
    }

    /// A bad events file and the problem it must produce: `FILE: PATH: …fragment…`.
    struct BadFile: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var json: String
        var path: String
        var fragment: String
        /// The line the problem names: its field's, or its entry's (harbourJSON's lines).
        var line: Int? = nil
    }

    /// The harbour event with one text replaced.
    static func harbour(replacing old: String, with new: String) -> String {
        precondition(harbourJSON.contains(old), old)
        return harbourJSON.replacingOccurrences(of: old, with: new)
    }

    @Test("a refused import names the file and the field path, and writes nothing", arguments: [
        BadFile(testDescription: "an unknown company", json: harbour(replacing: #"{"company": "CA-0001"}"#, with: #"{"company": "CN-9999"}"#),
                path: "participants[2]", fragment: "no company with id 'CN-9999'", line: 5),
        // Since issue 13 a company of a third country is a host; a side that is no side is refused.
        BadFile(testDescription: "a side that is neither delegate nor host",
                json: harbour(replacing: #"{"company": "CA-0002", "maxMeetings": 2}"#, with: #"{"company": "US-0001", "side": "guest"}"#),
                path: "participants[3].side", fragment: "guest", line: 5),
        BadFile(testDescription: "a request naming a non-participant",
                json: harbour(replacing: #"{"a": "CA-0002", "b": "CN-0002"}"#, with: #"{"a": "CA-0002", "b": "CN-0003"}"#),
                path: "requests[1]", fragment: "CN-0003 is not among the event's participants", line: 6),
        BadFile(testDescription: "a block naming a non-participant",
                json: harbour(replacing: #""blocks": [{"a": "CN-0001""#, with: #""blocks": [{"a": "CN-0005""#),
                path: "blocks[0]", fragment: "CN-0005 is not among the event's participants", line: 7),
        BadFile(testDescription: "a lock naming a non-participant",
                json: harbour(replacing: #"{"a": "CA-0002", "b": "CN-0002", "slot": 4}"#, with: #"{"a": "CA-0009", "b": "CN-0002", "slot": 4}"#),
                path: "locks[1]", fragment: "CA-0009 is not among the event's participants", line: 8),
        BadFile(testDescription: "a string for a number", json: harbour(replacing: #""tables": 3"#, with: #""tables": "three""#),
                path: "tables", fragment: "expected a whole number", line: 2),
        BadFile(testDescription: "a string for a nested number", json: harbour(replacing: #""maxMeetings": 3"#, with: #""maxMeetings": "3""#),
                path: "participants[0].maxMeetings", fragment: "expected a whole number", line: 3),
        BadFile(testDescription: "a number for a string", json: harbour(replacing: #""city": "Vancouver""#, with: #""city": 42"#),
                path: "city", fragment: "expected a string", line: 1),
        BadFile(testDescription: "a missing field", json: harbour(replacing: #""date": "2025-12-03","#, with: ""),
                path: "date", fragment: "missing", line: 1),
        BadFile(testDescription: "slots that are not slots", json: harbour(replacing: #""available": "1-3,5""#, with: #""available": "9-3""#),
                path: "participants[0].available", fragment: "expected slots", line: 3),
        BadFile(testDescription: "an event that cannot be held", json: harbour(replacing: #""tables": 3"#, with: #""tables": 0"#),
                path: "event 'harbour'", fragment: "tables must be at least 1", line: 1),
        BadFile(testDescription: "not JSON", json: "{\"id\": \"harbour\",", path: "json", fragment: "not valid JSON"),
    ])
    func importRefused(bad: BadFile) throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                // The stored event the bad file would replace.
                try db.importEvents(from: try directory.writing("good.json", Self.harbourJSON))
                let before = try EventSnapshot(db)
                let url = try directory.writing("bad.json", bad.json)
                let error = #expect(throws: EventError.self) { try db.importEvents(from: url) }
                guard case .badFile(let file, let problems)? = error else {
                    Issue.record("expected badFile, got \(String(describing: error))")
                    return
                }
                #expect(file == url.path)
                #expect(!problems.isEmpty)
                // FILE:LINE: PATH, as a sheet's problems; text that is not JSON has no field's line.
                let line = bad.line.map { ":\($0)" } ?? ""
                #expect(problems.allSatisfy { $0.hasPrefix(url.path + ":") }, "\(problems)")
                #expect(problems.contains { $0.hasPrefix("\(url.path)\(line): \(bad.path)") && $0.contains(bad.fragment) }, "\(problems)")
                #expect(try EventSnapshot(db) == before)
                Self.expectSame(try db.eventDefinition("harbour"), Self.harbour)
            }
        }
    }

    @Test("a bad field in the second event of an array is named with its index")
    func importRefusedInArray() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let bad = Self.summitJSON.replacingOccurrences(of: #""tables": 2"#, with: #""tables": "two""#)
                let text = "[\(Self.harbourJSON), \(bad)]"
                let url = try directory.writing("events.json", text)
                let error = #expect(throws: EventError.self) { try db.importEvents(from: url) }
                #expect(try db.events().isEmpty)
                #expect(error?.description == "\(url.path):\(Self.line(of: #""tables": "two""#, in: text)): [1].tables: expected a whole number")
            }
        }
    }

    @Test("a file of the wrong JSON type is refused in words, not with a Swift type name")
    func importWrongTopLevelType() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                for text in ["42", "\"harbour\"", "[1, 2]"] {
                    let url = try directory.writing("events.json", text)
                    let error = #expect(throws: EventError.self) { try db.importEvents(from: url) }
                    #expect(error?.description.hasPrefix(url.path + (text.hasPrefix("[") ? ":1: [0]: " : ": ")) == true, "\(String(describing: error))")
                    #expect(error?.description.contains("Dictionary<String, Any>") == false, "\(text): \(String(describing: error))")
                    #expect(error?.description.contains(": : ") == false, "\(text): \(String(describing: error))")
                }
                #expect(try db.events().isEmpty)
            }
        }
    }

    @Test("in a file of several events, a refusal names the event's position first, as decoding does")
    func importListNamesPosition() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let bad = Self.harbour(replacing: #"{"a": "CA-0002", "b": "CN-0002"}"#, with: #"{"a": "CA-0002", "b": "CN-0003"}"#)
                let text = "[\(Self.summitJSON), \(bad)]"
                let url = try directory.writing("events.json", text)
                let error = #expect(throws: EventError.self) { try db.importEvents(from: url) }
                #expect(error?.description.contains("\(url.path):\(Self.line(of: #""b": "CN-0003""#, in: text)): [1].requests[1]: event 'harbour': "
                                                    + "CN-0003 is not among the event's participants") == true,
                        "\(String(describing: error))")
                #expect(try db.events().isEmpty)
            }
        }
    }

    @Test("a company listed twice in one event of a file is refused, not silently merged")
    func importDuplicateParticipant() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let once = #"{"company": "CN-0004", "maxMeetings": 0}"#
                precondition(Self.summitJSON.contains(once))
                let twice = Self.summitJSON.replacingOccurrences(of: once, with: once + #", {"company": "CN-0004", "maxMeetings": 2}"#)
                let url = try directory.writing("twice.json", twice)
                let error = #expect(throws: EventError.self) { try db.importEvents(from: url) }
                let line = Self.line(of: once, in: twice)
                #expect(error?.description.contains(":\(line): participants[2]: event 'summit': CN-0004 is listed twice (first at participants[1], line \(line))") == true,
                        "\(String(describing: error))")
                #expect(try db.events().isEmpty)
            }
        }
    }

    @Test("a missing events file, or a folder, is refused with its name and why")
    func importMissing() throws {
        let db = try LiaisonDatabase.inMemory()
        let url = URL(fileURLWithPath: "/nonexistent/liaison/events.json")
        #expect(throws: EventError.badFile(file: url.path, problems: ["\(url.path): file: no such file"])) { try db.importEvents(from: url) }
        // A folder is named as one, not read as JSON.
        let folder = FileManager.default.temporaryDirectory
        #expect(throws: EventError.badFile(file: folder.path, problems: ["\(folder.path): file: is a folder, not a file"])) {
            try db.importEvents(from: folder)
        }
    }

    // MARK: - Participants

    @Test("an added participant takes its side from its country and the defaults; settings change only what is given")
    func addParticipants() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec(slots: 6))
            let added = try db.addParticipants(["CN-0001", "CA-0001", "CA-0002"], to: "forum", settings: ParticipantSettings())
            let defaults = [
                Participant(company: "CN-0001", side: .delegate, maxMeetings: 6, available: SlotSet(1...6), reps: 1, interpreter: nil),
                Participant(company: "CA-0001", side: .host, maxMeetings: 6, available: SlotSet(1...6), reps: 1, interpreter: nil),
                Participant(company: "CA-0002", side: .host, maxMeetings: 6, available: SlotSet(1...6), reps: 1, interpreter: nil),
            ]
            #expect(added.participants == defaults && !added.discardedSchedule)
            #expect(Set(try db.eventDefinition("forum").participants) == Set(defaults))

            let changed = try db.addParticipants(["CN-0001"], to: "forum", settings: ParticipantSettings(
                maxMeetings: 3, available: SlotSet(parsing: "2-4,6"), reps: 2, interpreter: "zh-en"))
            let expected = Participant(company: "CN-0001", side: .delegate, maxMeetings: 3, available: SlotSet([2, 3, 4, 6]), reps: 2,
                                       interpreter: "zh-en")
            #expect(changed.participants == [expected])
            // Only the maximum given: the other settings stay.
            try db.addParticipants(["CN-0001"], to: "forum", settings: ParticipantSettings(maxMeetings: 5))
            var stored = try db.eventDefinition("forum").participants
            #expect(stored.first { $0.company == "CN-0001" } == Participant(
                company: "CN-0001", side: .delegate, maxMeetings: 5, available: SlotSet([2, 3, 4, 6]), reps: 2, interpreter: "zh-en"))
            #expect(stored.count == 3)
            stored.removeAll { $0.company == "CN-0001" }
            #expect(Set(stored) == Set(defaults.dropFirst()))
            #expect(try db.events().first.map { [$0.delegates, $0.hosts] } as [Int]? == [1, 2])
        }
    }

    @Test("an event or a company may not be called '.' or '..': links to it would name a folder")
    func dotIDs() throws {
        try EventFixture.withCompanies { db in
            for id in [".", ".."] {
                let error = #expect(throws: EventError.self) { try db.createEvent(EventFixture.spec(id)) }
                #expect(error?.description.contains("the event's id may not be '\(id)'") == true, "\(String(describing: error))")
                #expect(CompanyDraft.problem(withID: id)?.contains("may not be an id") == true)
            }
            let events = try db.events()
            #expect(events.isEmpty)
            #expect(CompanyDraft.problem(withID: "...") == nil && CompanyDraft.problem(withID: "A.B") == nil)
        }
    }

    @Test("an id typed decomposed (Cafe + combining accent) registers and unregisters the company stored precomposed")
    func decomposedIDs() throws {
        let cafe = Company(id: "Caf\u{E9}-1", name: "Caf\u{E9}", country: "CA", offers: SectorProfile(["retail": 1]))
        try EventFixture.withCompanies(extra: [cafe]) { db in
            try db.createEvent(EventFixture.spec())
            let added = try db.addParticipants(["Cafe\u{301}-1"], to: "forum", settings: ParticipantSettings())
            #expect(added.participants.map(\.company) == ["Caf\u{E9}-1"])
            #expect(try db.eventDefinition("forum").participants.map(\.company) == ["Caf\u{E9}-1"])
            try db.removeParticipants(["Cafe\u{301}-1"], from: "forum")
            #expect(try db.eventDefinition("forum").participants.isEmpty)
        }
    }

    @Test("requests, blocks and locks typed with a decomposed id are stored with the id as the company's, so one pair is one rule and removing the company removes them")
    func decomposedRuleIDs() throws {
        let cafe = Company(id: "Caf\u{E9}-1", name: "Caf\u{E9}", country: "CA", offers: SectorProfile(["retail": 1]))
        let typed = "Cafe\u{301}-1", stored = Array("Caf\u{E9}-1".utf8)
        try EventFixture.withCompanies(extra: [cafe]) { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["Caf\u{E9}-1", "CN-0001", "CN-0002", "CN-0003"], to: "forum", settings: ParticipantSettings())
            try db.addRequest(MeetingRequest(a: "CN-0001", b: "Caf\u{E9}-1", must: true), to: "forum")
            try db.addRequest(MeetingRequest(a: typed, b: "CN-0001", must: false), to: "forum")
            try db.addBlock(PairBlock(a: typed, b: "CN-0002"), to: "forum")
            try db.addBlock(PairBlock(a: "CN-0002", b: "Caf\u{E9}-1"), to: "forum")
            try db.addLock(MeetingLock(a: "CN-0003", b: typed, slot: 1), to: "forum")
            try db.addLock(MeetingLock(a: "Caf\u{E9}-1", b: "CN-0003", slot: 2), to: "forum")
            var definition = try db.eventDefinition("forum")
            // Compared as bytes: Swift's == takes the two forms for the same text, SQLite does not.
            #expect(definition.requests.map { [Array($0.a.utf8), Array($0.b.utf8)] } == [[stored, Array("CN-0001".utf8)]])
            #expect(definition.requests.first?.must == false)
            #expect(definition.blocks.count == 1 && definition.blocks.allSatisfy { Array($0.a.utf8) == stored || Array($0.b.utf8) == stored })
            #expect(definition.locks.map(\.slot) == [2] && definition.locks.allSatisfy { Array($0.a.utf8) == stored })
            try db.removeParticipants([typed], from: "forum")
            definition = try db.eventDefinition("forum")
            #expect(definition.requests.isEmpty && definition.blocks.isEmpty && definition.locks.isEmpty)
            // No rule names a company no longer registered: the event schedules.
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
        }
    }

    @Test("a company of a third country joins a sides event as a host (issue 13); an unknown company is refused and none of the same call is added")
    func addRefused() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CA-0003"], to: "forum", settings: ParticipantSettings())
            let added = try db.addParticipants(["US-0001"], to: "forum", settings: ParticipantSettings())
            #expect(added.participants.map(\.side) == [.host])
            let before = try EventSnapshot(db)
            #expect(throws: StoreError.unknownCompany("CN-9999")) {
                try db.addParticipants(["CN-0002", "CN-9999"], to: "forum", settings: ParticipantSettings(maxMeetings: 2))
            }
            #expect(throws: EventError.unknownEvent("nope")) {
                try db.addParticipants(["CN-0002"], to: "nope", settings: ParticipantSettings())
            }
            #expect(try EventSnapshot(db) == before)
        }
    }

    @Test("representatives beyond any count, or an interpreter with an escape sequence, are refused, naming why; nothing is stored")
    func addRefusedSettings() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CA-0003"], to: "forum", settings: ParticipantSettings())
            let before = try EventSnapshot(db)
            // Int.max representatives once overflowed counting the meetings they allow, and crashed.
            for (settings, fragment) in [(ParticipantSettings(reps: Int.max), "may send at most 1000 representatives"),
                                         (ParticipantSettings(reps: 1001), "may send at most 1000 representatives"),
                                         (ParticipantSettings(interpreter: "zh\u{1B}[31m"), "its interpreter holds the control character")] {
                let error = #expect(throws: EventError.self) { try db.addParticipants(["CN-0002"], to: "forum", settings: settings) }
                #expect(String(describing: error).contains(fragment), "\(String(describing: error))")
            }
            #expect(try EventSnapshot(db) == before)
            #expect(Participant(company: "X", maxMeetings: 5, available: .all(4), reps: Int.max).capacity == 5)
        }
    }

    @Test("a change the current schedule breaks (a block on a scheduled pair, a slot taken from a participant) discards it; one it keeps does not")
    func brokenByAChange() throws {
        try EventFixture.withCompanies { db in
            try Self.smallEvent(db)
            let stored = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let meeting = try #require(stored.meetings.first { $0.delegate != "CN-0003" || $0.host != "CA-0004" })
            let unmet = try #require(Self.unmetPair(of: stored))
            // A block on a pair that does not meet: the schedule stays, and the store says so.
            #expect(try !db.addBlock(PairBlock(a: unmet.0, b: unmet.1), to: "forum"))
            #expect(try db.eventScheduleDocument("forum").meetings.count == stored.meetings.count)
            // A block on a scheduled pair: discarded, so it cannot be exported or published as it was.
            #expect(try db.addBlock(PairBlock(a: meeting.delegate, b: meeting.host), to: "forum"))
            #expect(throws: EventError.notScheduled("forum")) { try db.eventScheduleDocument("forum") }
            #expect(throws: EventError.notScheduled("forum")) { try db.publishEvent("forum") }
            // Scheduled again, then a slot taken from a participant where it meets.
            let again = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let busy = try #require(again.meetings.first)
            let slots = SlotSet(Array(1...6).filter { $0 != busy.slot })
            #expect(try db.addParticipants([busy.delegate], to: "forum", settings: ParticipantSettings(available: slots)).discardedSchedule)
            #expect(throws: EventError.notScheduled("forum")) { try db.eventScheduleDocument("forum") }
        }
    }

    @Test("importing an event again in a way its schedule breaks discards the schedule, as any change does; the same event again keeps it")
    func brokenByAnImport() throws {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                /// Harbour with the participants and blocks given, neither requests nor locks.
                func harbour(_ participants: [String], blocks: [(String, String)]) -> String {
                    """
                    {"id": "harbour", "name": "Harbour Breakfast", "city": "Vancouver", "country": "CA", "date": "2025-12-03",
                     "start": "07:30", "slots": 5, "slotMinutes": 15, "tables": 3,
                     "participants": [\(participants.map { "{\"company\": \"\($0)\"}" }.joined(separator: ", "))],
                     "blocks": [\(blocks.map { "{\"a\": \"\($0.0)\", \"b\": \"\($0.1)\"}" }.joined(separator: ", "))]}
                    """
                }
                let everyone = ["CN-0001", "CN-0002", "CA-0001", "CA-0002"]
                let first = try db.importEvents(from: try directory.writing("harbour.json", harbour(everyone, blocks: [])))
                #expect(first.map(\.discardedSchedule) == [false])
                let stored = try db.scheduleEvent("harbour", minMeetings: 0, keepPublished: false)
                let meeting = try #require(stored.meetings.first)
                // The same event again: the schedule stays.
                #expect(try db.importEvents(from: try directory.writing("same.json", harbour(everyone, blocks: []))).map(\.discardedSchedule) == [false])
                #expect(try db.eventScheduleDocument("harbour").meetings.count == stored.meetings.count)
                // A block on a pair that meets: discarded, so it cannot be exported or published as it was.
                let blocked = harbour(everyone, blocks: [(meeting.delegate, meeting.host)])
                #expect(try db.importEvents(from: try directory.writing("blocked.json", blocked)).map(\.discardedSchedule) == [true])
                #expect(throws: EventError.notScheduled("harbour")) { try db.eventScheduleDocument("harbour") }
                #expect(throws: EventError.notScheduled("harbour")) { try db.publishEvent("harbour") }
                // Scheduled again, then a participant that meets left out of the file.
                try db.importEvents(from: try directory.writing("again.json", harbour(everyone, blocks: [])))
                let again = try db.scheduleEvent("harbour", minMeetings: 0, keepPublished: false)
                let gone = try #require(again.meetings.first).host
                let fewer = harbour(everyone.filter { $0 != gone }, blocks: [])
                #expect(try db.importEvents(from: try directory.writing("fewer.json", fewer)).map(\.discardedSchedule) == [true])
                #expect(throws: EventError.notScheduled("harbour")) { try db.eventScheduleDocument("harbour") }
            }
        }
    }

    @Test("a schedule kept through a change of its event's rules remembers it; scheduling again, or a change that changes nothing, leaves none")
    func rulesChangedSinceScheduling() throws {
        try EventFixture.withCompanies { db in
            try Self.smallEvent(db)
            let stored = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            // The same settings again: no change.
            let participant = try #require(try db.eventDefinition("forum").participants.first)
            try db.addParticipants([participant.company], to: "forum", settings: ParticipantSettings(maxMeetings: participant.maxMeetings))
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            // A block on a pair that does not meet keeps the schedule, whose figures now predate it.
            let unmet = try #require(Self.unmetPair(of: stored))
            #expect(try !db.addBlock(PairBlock(a: unmet.0, b: unmet.1), to: "forum"))
            #expect(try db.eventScheduleState("forum").rulesChangedAt != nil)
            let again = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            // The same block, request or lock given again the other way round changes nothing.
            try db.addBlock(PairBlock(a: unmet.1, b: unmet.0), to: "forum")
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            let met = try #require(again.meetings.first)
            try db.addRequest(MeetingRequest(a: met.delegate, b: met.host, must: false), to: "forum")
            let requested = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            try db.addRequest(MeetingRequest(a: met.host, b: met.delegate, must: false), to: "forum")
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            let placed = try #require(requested.meetings.first)
            try db.addLock(MeetingLock(a: placed.delegate, b: placed.host, slot: placed.slot), to: "forum")
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            try db.addLock(MeetingLock(a: placed.host, b: placed.delegate, slot: placed.slot), to: "forum")
            #expect(try db.eventScheduleState("forum").rulesChangedAt == nil)
            // A participant added, or one without a meeting removed: the same.
            try db.addParticipants(["CA-0007"], to: "forum", settings: ParticipantSettings(maxMeetings: 0))
            #expect(try db.eventScheduleState("forum").rulesChangedAt != nil)
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(try !db.removeParticipants(["CA-0007"], from: "forum"))
            #expect(try db.eventScheduleState("forum").rulesChangedAt != nil)
        }
    }

    @Test("a request, a block or a lock written the other way round replaces the one of the same pair: a pair is unordered")
    func reversedPairs() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CN-0001", "CN-0002", "CA-0001"], to: "forum", settings: ParticipantSettings())
            try db.addRequest(MeetingRequest(a: "CN-0001", b: "CA-0001", must: true), to: "forum")
            try db.addRequest(MeetingRequest(a: "CA-0001", b: "CN-0001", must: false), to: "forum")
            try db.addBlock(PairBlock(a: "CN-0002", b: "CA-0001"), to: "forum")
            try db.addBlock(PairBlock(a: "CA-0001", b: "CN-0002"), to: "forum")
            try db.addLock(MeetingLock(a: "CN-0001", b: "CA-0001", slot: 1), to: "forum")
            try db.addLock(MeetingLock(a: "CA-0001", b: "CN-0001", slot: 2), to: "forum")
            let definition = try db.eventDefinition("forum")
            #expect(definition.requests.map { [$0.a, $0.b, "\($0.must)"] } == [["CA-0001", "CN-0001", "false"]])
            #expect(definition.blocks.count == 1)
            #expect(definition.locks.map { [$0.a, $0.b, "\($0.slot)"] } == [["CA-0001", "CN-0001", "2"]])
        }
    }

    @Test("requests, blocks and locks naming a non-participant are refused and nothing is stored")
    func rulesRefused() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CN-0001", "CA-0001"], to: "forum", settings: ParticipantSettings())
            let before = try EventSnapshot(db)
            let outsider = EventError.notParticipant(event: "forum", company: "CA-0002")
            #expect(throws: outsider) { try db.addRequest(MeetingRequest(a: "CN-0001", b: "CA-0002", must: true), to: "forum") }
            #expect(throws: outsider) { try db.addBlock(PairBlock(a: "CA-0002", b: "CN-0001"), to: "forum") }
            #expect(throws: outsider) { try db.addLock(MeetingLock(a: "CN-0001", b: "CA-0002", slot: 1, table: 1), to: "forum") }
            // A stored company that exists but is not registered, and one that does not exist.
            #expect(throws: EventError.notParticipant(event: "forum", company: "CN-0404")) {
                try db.addRequest(MeetingRequest(a: "CN-0404", b: "CA-0001", must: false), to: "forum")
            }
            #expect(throws: EventError.unknownEvent("nope")) { try db.addBlock(PairBlock(a: "CN-0001", b: "CA-0001"), to: "nope") }
            #expect(try EventSnapshot(db) == before)
            #expect(outsider.description.contains("liaison event add forum CA-0002"))
        }
    }

    @Test("removing a participant removes every request, block and lock naming it, in either position", arguments: Storage.allCases)
    func removeParticipant(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try db.createEvent(EventFixture.spec())
            try db.addParticipants(["CN-0001", "CN-0002", "CA-0001", "CA-0002"], to: "forum", settings: ParticipantSettings())
            try db.addRequest(MeetingRequest(a: "CN-0001", b: "CA-0001", must: true), to: "forum")
            try db.addRequest(MeetingRequest(a: "CA-0002", b: "CN-0001", must: false), to: "forum")
            try db.addRequest(MeetingRequest(a: "CN-0002", b: "CA-0002", must: false), to: "forum")
            try db.addBlock(PairBlock(a: "CA-0002", b: "CN-0001"), to: "forum")
            try db.addBlock(PairBlock(a: "CN-0002", b: "CA-0001"), to: "forum")
            try db.addLock(MeetingLock(a: "CA-0001", b: "CN-0001", slot: 2), to: "forum")
            try db.addLock(MeetingLock(a: "CN-0002", b: "CA-0002", slot: 1, table: 2), to: "forum")

            try db.removeParticipants(["CN-0001"], from: "forum")
            let definition = try db.eventDefinition("forum")
            #expect(Set(definition.participants.map(\.company)) == ["CN-0002", "CA-0001", "CA-0002"])
            #expect(definition.requests == [MeetingRequest(a: "CN-0002", b: "CA-0002", must: false)])
            #expect(definition.blocks == [PairBlock(a: "CN-0002", b: "CA-0001")])
            #expect(definition.locks == [MeetingLock(a: "CN-0002", b: "CA-0002", slot: 1, table: 2)])

            let before = try EventSnapshot(db)
            #expect(throws: EventError.notParticipant(event: "forum", company: "CN-0001")) {
                try db.removeParticipants(["CA-0001", "CN-0001"], from: "forum")
            }
            #expect(try EventSnapshot(db) == before)
        }
    }

    // MARK: - Scheduling and publishing

    /// An event of 6 delegates and 6 hosts, 6 slots, 4 tables, one must-meet request.
    /// A delegate and host of ``smallEvent(_:tables:)`` that `schedule` does not pair.
    static func unmetPair(of schedule: EventSchedule) -> (String, String)? {
        EventFixture.ids("CN", 1...6).flatMap { d in EventFixture.ids("CA", 1...6).map { (d, $0) } }
            .first { pair in !schedule.meetings.contains { $0.delegate == pair.0 && $0.host == pair.1 } }
    }

    static func smallEvent(_ db: LiaisonDatabase, tables: Int = 4) throws {
        try db.createEvent(EventFixture.spec(slots: 6, tables: tables))
        try db.addParticipants(EventFixture.ids("CN", 1...6) + EventFixture.ids("CA", 1...6), to: "forum", settings: ParticipantSettings())
        try db.addRequest(MeetingRequest(a: "CA-0004", b: "CN-0003", must: true), to: "forum")
    }

    /// ``smallEvent(_:tables:)`` scheduled without a minimum and published.
    static func publishedSmallEvent(_ db: LiaisonDatabase) throws -> EventSchedule {
        try smallEvent(db)
        let result = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
        _ = try db.publishEvent("forum")
        return result
    }

    /// The current schedule's JSON export, decoded with our own mirror.
    static func export(_ db: LiaisonDatabase, _ id: String = "forum") throws -> ScheduleExport {
        try ScheduleExport.decode(try ScheduleJSON.data(try db.eventScheduleDocument(id)))
    }

    @Test("scheduling stores the meetings and the report; the event lists its meeting count", arguments: Storage.allCases)
    func schedule(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try Self.smallEvent(db)
            #expect(throws: EventError.notScheduled("forum")) { try db.eventScheduleState("forum") }
            #expect(throws: EventError.notScheduled("forum")) { try db.publishEvent("forum") }
            #expect(throws: EventError.notScheduled("forum")) { try db.eventScheduleDocument("forum") }
            let result = try db.scheduleEvent("forum", minMeetings: 2, keepPublished: false)
            #expect(!result.meetings.isEmpty)
            #expect(result.changes == nil)
            let state = try db.eventScheduleState("forum")
            #expect(state.report == result.report)
            #expect(state.minMeetings == 2)
            #expect(state.unplacedRequests == result.unplacedRequests)
            #expect(state.changes == nil)
            let export = try Self.export(db)
            let stored = export.meetings.map { Meeting(delegate: $0.delegate, host: $0.host, slot: $0.slot, table: $0.table, score: $0.score) }
            #expect(Set(stored) == Set(result.meetings))
            #expect(stored.count == result.meetings.count)
            #expect(try db.events().first?.meetings == result.meetings.count)
            #expect(try db.events().first?.publishedAt == nil)
            let rules = ScheduleRules(requests: [("CA-0004", "CN-0003", true)])
            #expect(ExportValidator.problems(export, rules: rules) == [])
            #expect(export.quality.mustRequests.placed == 1)
        }
    }

    @Test("scheduling an unknown event is refused")
    func scheduleUnknown() throws {
        let db = try LiaisonDatabase.inMemory()
        #expect(throws: EventError.unknownEvent("nope")) { try db.scheduleEvent("nope", minMeetings: 0, keepPublished: false) }
        #expect(throws: EventError.unknownEvent("nope")) { try db.publishEvent("nope") }
        #expect(throws: EventError.unknownEvent("nope")) { try db.eventScheduleDocument("nope") }
    }

    @Test("a first publication gives every meeting sequence 0")
    func publishFirst() throws {
        try EventFixture.withCompanies { db in
            try Self.smallEvent(db)
            let result = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let summary = try db.publishEvent("forum")
            #expect([summary.meetings, summary.new, summary.moved, summary.cancelled] as [Int] == [result.meetings.count, result.meetings.count, 0, 0])
            let rows = try PublishedRow.all("forum", in: db)
            #expect(rows.count == result.meetings.count)
            for meeting in result.meetings {
                #expect(rows[meeting.pair] == PublishedRow(delegate: meeting.delegate, host: meeting.host, slot: meeting.slot,
                                                           table: meeting.table, sequence: 0, cancelled: false))
            }
            #expect(try db.events().first?.publishedAt != nil)
            // Publishing the same schedule again changes nothing.
            let again = try db.publishEvent("forum")
            #expect([again.new, again.moved, again.cancelled] as [Int] == [0, 0, 0])
            #expect(try PublishedRow.all("forum", in: db) == rows)
        }
    }

    @Test("a meeting whose slot is at another time (the event's time zone or hours changed) is moved by the next publication; a publication that did not keep times moves none")
    func publishRetimed() throws {
        try EventFixture.withCompanies { db in
            let result = try Self.publishedSmallEvent(db)
            let before = try PublishedRow.all("forum", in: db)
            func zone(_ name: String) throws {
                try db.writer.write { db in try db.execute(sql: "UPDATE event SET time_zone = ? WHERE id = 'forum'", arguments: [name]) }
            }
            // Another name of the same clock (America/Montreal is America/Toronto): the same moments, nothing moved.
            try zone("America/Montreal")
            #expect([try db.publishEvent("forum").moved] == [0])
            // The venue's clock is another one: every meeting takes place at another moment, and a
            // page that showed the schedule before publishes nothing.
            let shown = Meeting.fingerprint(of: result.meetings, timing: try db.eventDefinition("forum").spec.timing(ofSlot:))
            try zone("America/Vancouver")
            #expect(throws: EventError.scheduleChangedSinceShown("forum")) { try db.publishEvent("forum", shown: shown) }
            #expect(try Self.export(db).meetings.count == result.meetings.count)
            let summary = try db.publishEvent("forum")
            #expect([summary.new, summary.moved, summary.cancelled] as [Int] == [0, result.meetings.count, 0])
            let after = try PublishedRow.all("forum", in: db)
            for (pair, row) in after { #expect(row.sequence == before[pair]!.sequence + 1, "\(pair)") }
            #expect([try db.publishEvent("forum").moved] == [0])
            // Rows published before times were kept: no time to compare, nothing moved.
            try db.writer.write { db in
                try db.execute(sql: "UPDATE published_meeting SET timing = NULL")
            }
            try zone("America/Toronto")
            #expect([try db.publishEvent("forum").moved] == [0])
        }
    }

    @Test("removing companies: all or none; matching leaves them out at once; refused for one registered for an event or named by its published schedule")
    func removeCompanies() throws {
        try EventFixture.withCompanies { db in
            let result = try Self.publishedSmallEvent(db)
            let delegate = "CN-0001"
            func matched() throws -> Set<String> {
                Set(try db.match(MatchQuery(subject: .company(delegate), top: 100), live: true).matches.map(\.id))
            }
            #expect(try matched().contains("US-0001"))
            let count = try db.companies().count
            // An unknown id refuses the whole removal.
            #expect(throws: StoreError.unknownCompany("US-9999")) { try db.removeCompanies(["US-0001", "US-9999"]) }
            // SQLite reads a bound id up to a NUL: this names no company, never US-0001.
            #expect(throws: StoreError.unknownCompany("US-0001\0junk")) { try db.removeCompanies(["US-0001\0junk"]) }
            #expect(throws: StoreError.several([.unknownCompany("US-9998"), .unknownCompany("US-9999")])) {
                try db.removeCompanies(["US-9999", "US-0001", "US-9998"])
            }
            #expect(try db.companies().count == count)
            // A participant is refused, naming the event and how to remove it from it.
            let participant = try #require(result.meetings.first?.host)
            #expect(throws: StoreError.companyInEvents(participant, registered: ["forum"], published: ["forum"])) {
                try db.removeCompanies(["US-0001", participant])
            }
            #expect("\(StoreError.companyInEvents(participant, registered: ["forum"], published: []))".contains("liaison event remove forum \(participant)"))
            // Removed from the event, it stays named by the published schedule: still refused.
            try db.removeParticipants([participant], from: "forum")
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: true)
            _ = try db.publishEvent("forum")
            #expect(throws: StoreError.companyInEvents(participant, registered: [], published: ["forum"])) { try db.removeCompanies([participant]) }
            #expect(try db.companies().count == count)
            // A firm of no event goes, and matching leaves it out at once.
            #expect(try db.removeCompanies(["US-0001", " US-0001 "]) == ["US-0001"])
            #expect(try db.companies().count == count - 1)
            #expect(try !matched().contains("US-0001"))
            #expect(throws: StoreError.unknownCompany("US-0001")) { try db.company(id: "US-0001") }
        }
    }

    @Test("participants see the times published until the next publication: calendars, pages and ratings; then the new ones")
    func announcedTimes() throws {
        try EventFixture.withCompanies { db in
            let result = try Self.publishedSmallEvent(db)
            let meeting = try #require(result.meetings.first)
            let told = try db.eventDefinition("forum").spec
            let toldEnd = try #require(LiaisonDatabase.end(ofSlot: meeting.slot, in: told))
            func seen() throws -> [EventSpec] {
                [try db.publishedScheduleDocument("forum").event, try db.participantView(event: "forum", company: meeting.delegate).event]
            }
            // The organizer moves the event a day later, two hours later, to another clock and venue.
            try db.writer.write { db in
                try db.execute(sql: "UPDATE event SET time_zone = 'America/Vancouver', venue = 'Hall B' WHERE id = 'forum'")
                try db.execute(sql: "UPDATE event_day SET date = '2031-03-05', start = '11:00' WHERE event = 'forum'")
            }
            let changed = try db.eventDefinition("forum").spec
            #expect(changed.timeZone == "America/Vancouver" && changed.date(ofSlot: 1) == "2031-03-05")
            for spec in try seen() {
                #expect([spec.timeZone, spec.venue, spec.date(ofSlot: meeting.slot), spec.startTime(ofSlot: meeting.slot)]
                        == [told.timeZone, told.venue, told.date(ofSlot: meeting.slot), told.startTime(ofSlot: meeting.slot)])
                #expect(spec.tables == changed.tables && spec.id == changed.id)
            }
            // The meeting took place when participants were told it would: it may be rated then.
            try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: meeting.host, outcome: .followUpPlanned,
                               now: toldEnd.addingTimeInterval(60))
            // Published again, the new times reach them, each meeting moved with its next sequence.
            #expect(try db.publishEvent("forum").moved == result.meetings.count)
            for spec in try seen() {
                #expect([spec.timeZone, spec.venue, spec.date(ofSlot: meeting.slot), spec.startTime(ofSlot: meeting.slot)]
                        == [changed.timeZone, changed.venue, changed.date(ofSlot: meeting.slot), changed.startTime(ofSlot: meeting.slot)])
            }
            #expect(throws: ParticipantActionError.notYetHeld(meeting.delegate, meeting.host)) {
                try db.rateMeeting(event: "forum", company: meeting.delegate, counterpart: meeting.host, outcome: .followUpPlanned,
                                   now: toldEnd.addingTimeInterval(60))
            }
            // A publication from before Liaison kept what it announced shows the event as it is.
            try db.writer.write { db in
                try db.execute(sql: "DELETE FROM event_announcement")
                try db.execute(sql: "UPDATE event SET time_zone = 'America/Toronto' WHERE id = 'forum'")
            }
            #expect(try seen().map(\.timeZone) == ["America/Toronto", "America/Toronto"])
            // Scheduled again keeping what was published, in the zone it was not published for:
            // no meeting is kept as it was; one in its slot and at its table moves with the slot.
            let rows = try PublishedRow.all("forum", in: db)
            let again = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: true)
            let changes = try #require(again.state.changes)
            let stayed = again.scheduled.map(\.meeting).filter { rows[$0.pair].map { [$0.slot, $0.table] } == [$0.slot, $0.table] }
            #expect(!stayed.isEmpty)
            #expect(changes.kept == 0)
            #expect(Set(changes.moved.filter(\.isRetimed).map(\.to.pair)) == Set(stayed.map(\.pair)))
        }
    }

    @Test("after a change discards a published event's schedule, asking for it says so, and that participants see the published one")
    func discardedAfterPublication() throws {
        try EventFixture.withCompanies { db in
            let result = try Self.publishedSmallEvent(db)
            let meeting = try #require(result.meetings.first)
            #expect(try db.addBlock(PairBlock(a: meeting.delegate, b: meeting.host), to: "forum"))
            let publishedAt = try #require(try db.writer.read { db in try ScheduleStore.publishedAt("forum", in: db) })
            let discarded = EventError.scheduleDiscarded("forum", publishedAt: publishedAt)
            #expect(throws: discarded) { try db.eventScheduleDocument("forum") }
            #expect(throws: discarded) { try db.eventSchedule("forum") }
            #expect(throws: discarded) { try db.publishEvent("forum") }
            #expect(discarded.description.contains("participants still see the schedule published at \(publishedAt)"))
            #expect(try db.publishedScheduleDocument("forum").meetings.count == result.meetings.count)
        }
    }

    /// What publishing `current` after `previous` must store, computed here: a moved meeting
    /// gets the next sequence, an unchanged one keeps it, a new one starts at 0, a meeting no
    /// longer scheduled stays cancelled with the next sequence (once).
    static func expectedRows(previous: [MeetingPair: PublishedRow], current: [Meeting]) -> [MeetingPair: PublishedRow] {
        var rows: [MeetingPair: PublishedRow] = [:]
        for m in current {
            let sequence: Int
            if let old = previous[m.pair] {
                sequence = !old.cancelled && old.slot == m.slot && old.table == m.table ? old.sequence : old.sequence + 1
            } else {
                sequence = 0
            }
            rows[m.pair] = PublishedRow(delegate: m.delegate, host: m.host, slot: m.slot, table: m.table, sequence: sequence, cancelled: false)
        }
        for (pair, old) in previous where rows[pair] == nil {
            var gone = old
            if !old.cancelled { gone.sequence += 1 }
            gone.cancelled = true
            rows[pair] = gone
        }
        return rows
    }

    @Test("re-publishing after a new lock and a removed participant: moved +1, dropped cancelled +1, unchanged kept", arguments: Storage.allCases)
    func republish(storage: Storage) throws {
        try EventFixture.withCompanies(storage: storage) { db in
            try Self.smallEvent(db)
            let first = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            _ = try db.publishEvent("forum")
            let published = try PublishedRow.all("forum", in: db)

            // A lock that forces a meeting into another slot, and a host that leaves.
            let moved = try #require(first.meetings.first { $0.host != "CA-0006" && $0.delegate != "CN-0003" })
            let slot = moved.slot == 6 ? 5 : 6
            try db.addLock(MeetingLock(a: moved.delegate, b: moved.host, slot: slot), to: "forum")
            let leaving = try #require(first.meetings.first { $0.host != moved.host && $0.host != "CA-0004" }?.host)
            try db.removeParticipants([leaving], from: "forum")
            // Keeping what was published, so that some meetings stay where they were.
            let second = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: true)
            #expect(second.meetings.first { $0.pair == moved.pair }?.slot == slot)
            #expect(!second.meetings.contains { $0.host == leaving })

            let summary = try db.publishEvent("forum")
            let rows = try PublishedRow.all("forum", in: db)
            let expected = Self.expectedRows(previous: published, current: second.meetings)
            #expect(rows == expected)
            #expect(rows[moved.pair]?.sequence == 1 && rows[moved.pair]?.slot == slot)
            #expect(rows.values.contains { row in !row.cancelled && published[row.pair].map { [$0.slot, $0.table] } == [row.slot, row.table] && row.sequence == 0 },
                    "no meeting stayed where it was: the test checks nothing of unchanged meetings")
            let leavingRows = rows.values.filter { $0.host == leaving }
            #expect(!leavingRows.isEmpty && leavingRows.allSatisfy { $0.cancelled && $0.sequence == 1 })
            #expect(summary.meetings == second.meetings.count)
            #expect(summary.new == second.meetings.filter { published[$0.pair] == nil }.count)
            #expect(summary.moved == second.meetings.filter { meeting in
                guard let old = published[meeting.pair] else { return false }
                return old.slot != meeting.slot || old.table != meeting.table
            }.count)
            #expect(summary.cancelled == published.keys.filter { pair in !second.meetings.contains { $0.pair == pair } }.count)

            // Once more, from scratch, with one more change: cancelled meetings are not cancelled a second time.
            try db.addBlock(PairBlock(a: moved.delegate, b: second.meetings.first { $0.delegate == moved.delegate && $0.pair != moved.pair }?.host ?? "CA-0001"),
                            to: "forum")
            let third = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            _ = try db.publishEvent("forum")
            #expect(try PublishedRow.all("forum", in: db) == Self.expectedRows(previous: rows, current: third.meetings))
            #expect(try PublishedRow.all("forum", in: db).values.filter { $0.host == leaving }.allSatisfy { $0.cancelled && $0.sequence == 1 })
        }
    }

    @Test("--keep-published keeps every still-valid published meeting where it was; changes list added and dropped")
    func keepPublished() throws {
        try EventFixture.withCompanies { db in
            try db.createEvent(EventFixture.spec(slots: 6, tables: 5))
            try db.addParticipants(EventFixture.ids("CN", 1...8) + EventFixture.ids("CA", 1...8), to: "forum", settings: ParticipantSettings())
            let first = try db.scheduleEvent("forum", minMeetings: 2, keepPublished: false)
            _ = try db.publishEvent("forum")

            let leaving = try #require(first.meetings.first?.delegate)
            let blocked = try #require(first.meetings.first { $0.delegate != leaving })
            try db.removeParticipants([leaving], from: "forum")
            try db.addBlock(PairBlock(a: blocked.host, b: blocked.delegate), to: "forum")
            try db.addParticipants(["CN-0009", "CN-0010"], to: "forum", settings: ParticipantSettings(maxMeetings: 3))

            let result = try db.scheduleEvent("forum", minMeetings: 2, keepPublished: true)
            let after = Dictionary(uniqueKeysWithValues: result.meetings.map { ($0.pair, $0) })
            let invalid = first.meetings.filter { $0.delegate == leaving || $0.pair == blocked.pair }
            for meeting in first.meetings where !invalid.contains(meeting) {
                #expect(after[meeting.pair].map { [$0.slot, $0.table] } == [meeting.slot, meeting.table], "\(meeting) was not kept in place")
            }
            for meeting in invalid { #expect(after[meeting.pair] == nil) }

            let changes = try #require(try db.eventScheduleState("forum").changes)
            #expect(changes == result.changes)
            #expect(changes.moved.isEmpty)
            #expect(Set(changes.dropped.map(\.meeting)) == Set(invalid))
            for drop in changes.dropped {
                #expect(drop.reason == (drop.meeting.pair == blocked.pair ? "the pair is now blocked" : "\(leaving) is no longer registered"))
            }
            let before = Set(first.meetings.map(\.pair))
            #expect(Set(changes.added) == Set(result.meetings.filter { !before.contains($0.pair) }))
            #expect(changes.added.count == result.meetings.filter { !before.contains($0.pair) }.count)
            #expect(changes.kept == first.meetings.count - invalid.count)
            #expect(ExportValidator.problems(try Self.export(db), rules: ScheduleRules(blocks: [(blocked.host, blocked.delegate)])) == [])
            // Published, the schedule is the published one: nothing differs from it any more.
            _ = try db.publishEvent("forum")
            #expect(try db.eventScheduleState("forum").changes == nil)
        }
    }

    @Test("--keep-published with a lock that moves a published meeting: it moves, meetings in its way are dropped, the rest stay")
    func keepPublishedWithLock() throws {
        try EventFixture.withCompanies { db in
            // More tables than delegates: a slot always has a free table.
            try db.createEvent(EventFixture.spec(slots: 6, tables: 8))
            try db.addParticipants(EventFixture.ids("CN", 1...7) + EventFixture.ids("CA", 1...7), to: "forum", settings: ParticipantSettings())
            let first = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            _ = try db.publishEvent("forum")

            // A slot with a free table, other than the meeting's own.
            let target = try #require(first.meetings.first)
            let slot = target.slot == 6 ? 5 : 6
            try db.addLock(MeetingLock(a: target.host, b: target.delegate, slot: slot), to: "forum")
            let result = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: true)
            let after = Dictionary(uniqueKeysWithValues: result.meetings.map { ($0.pair, $0) })
            #expect(after[target.pair]?.slot == slot)
            // The lock's two companies have one representative: their meetings in that slot must go.
            let inTheWay = first.meetings.filter { $0.slot == slot && ($0.delegate == target.delegate || $0.host == target.host) }
            for meeting in first.meetings where meeting != target && !inTheWay.contains(meeting) {
                #expect(after[meeting.pair].map { [$0.slot, $0.table] } == [meeting.slot, meeting.table], "\(meeting) was not kept in place")
            }
            let changes = try #require(result.changes)
            // Meetings in the way may be dropped, or placed again elsewhere (then they count as moved).
            #expect(changes.moved.contains { $0.from == target && $0.to.slot == slot })
            #expect(changes.moved.allSatisfy { $0.from == target || inTheWay.contains($0.from) })
            #expect(changes.dropped.allSatisfy { inTheWay.contains($0.meeting) })
            #expect(changes.dropped.allSatisfy { $0.reason.contains("slot \(slot)") }, "\(changes.dropped.map(\.reason))")
            #expect(Set(changes.moved.map(\.from.pair) + changes.dropped.map(\.meeting.pair)) == Set([target.pair] + inTheWay.map(\.pair)))
            #expect(changes.kept == first.meetings.count - 1 - inTheWay.count)
            #expect(ExportValidator.problems(try Self.export(db),
                                               rules: ScheduleRules(locks: [(target.host, target.delegate, slot, nil)])) == [])
        }
    }

    @Test("--keep-published keeps a published lock without a table at its published table")
    func keepPublishedLockTable() throws {
        try EventFixture.withCompanies { db in
            // Hosts with more meetings get their home tables first: the lock's host, with one
            // meeting, sits at table 3 while CA-0002 and CA-0003 hold tables 1 and 2.
            try db.createEvent(EventFixture.spec(slots: 2, tables: 3, breakAfter: nil, breakMinutes: 0))
            try db.addParticipants(EventFixture.ids("CN", 1...3) + ["CA-0002", "CA-0003"], to: "forum", settings: ParticipantSettings())
            try db.addParticipants(["CA-0001"], to: "forum", settings: ParticipantSettings(maxMeetings: 1))
            try db.addLock(MeetingLock(a: "CN-0001", b: "CA-0001", slot: 1), to: "forum")
            let first = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            _ = try db.publishEvent("forum")
            let locked = try #require(first.meetings.first { $0.host == "CA-0001" })
            let other = try #require(first.meetings.first { $0.slot == 1 && $0.host != "CA-0001" && $0.table < locked.table }?.host,
                                     "no host at a lower table in slot 1: \(first.meetings)")

            // The host at the lower table leaves: its table in slot 1 is free.
            try db.removeParticipants([other], from: "forum")
            let result = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: true)
            let after = try #require(result.meetings.first { $0.pair == locked.pair })
            #expect(after.slot == 1)
            #expect(after.table == locked.table)
            #expect(result.changes?.moved.isEmpty == true)
        }
    }

    @Test("a schedule computed for the event as it was is not saved once the event changed meanwhile (a block, a removal)")
    func changedWhileScheduling() throws {
        try EventFixture.withCompanies { db in
            try Self.smallEvent(db)
            let read = try db.eventDefinition("forum")
            let stored = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let meeting = try #require(stored.meetings.first)
            // Another command blocks a scheduled pair while the schedule is being computed.
            try db.addBlock(PairBlock(a: meeting.delegate, b: meeting.host), to: "forum")
            #expect(throws: EventError.changedWhileScheduling("forum")) { try db.save(stored, of: "forum", scheduledFrom: read) }
            // A pending request made meanwhile is no change to what was scheduled.
            let current = try db.eventDefinition("forum")
            _ = try db.requestMeeting(event: "forum", from: "CN-0005", with: "CA-0006")
            try db.save(stored, of: "forum", scheduledFrom: current)
            // Scheduled for the event as it is now, it is saved, and keeps the block.
            let again = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            #expect(!again.meetings.contains { $0.pair == meeting.pair })
            #expect(try Self.export(db).meetings.count == again.meetings.count)
        }
    }

    @Test("removing a scheduled participant discards the schedule; re-scheduling shows none of its meetings")
    func removedParticipantLeavesSchedule() throws {
        try EventFixture.withCompanies { db in
            try Self.smallEvent(db)
            let result = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let leaving = try #require(result.meetings.first { $0.delegate != "CN-0003" }?.delegate)
            // A participant registered after scheduling has no meetings: the schedule stays.
            try db.addParticipants(["CN-0007"], to: "forum", settings: ParticipantSettings())
            #expect(try db.removeParticipants(["CN-0007"], from: "forum") == false)
            #expect(try Self.export(db).meetings.count == result.meetings.count)
            #expect(try db.removeParticipants([leaving], from: "forum"))
            #expect(throws: EventError.notScheduled("forum")) { try db.eventScheduleDocument("forum") }
            _ = try db.scheduleEvent("forum", minMeetings: 0, keepPublished: false)
            let export = try Self.export(db)
            #expect(!export.meetings.contains { $0.delegate == leaving })
            var rules = ScheduleRules()
            rules.requests = [(a: "CA-0004", b: "CN-0003", must: true)]
            #expect(ExportValidator.problems(export, rules: rules) == [])
        }
    }
}
