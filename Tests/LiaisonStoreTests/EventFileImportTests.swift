import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Event files: where each problem is, repeated entries")
struct EventFileImportTests {
    /// One event at Toronto of 4 slots, with CN-0001, CN-0002, CA-0001 and CA-0002 registered, and `rest` (`,"requests":[…]`) after them.
    static func event(_ rest: String = "", id: String = "x", participants: String? = nil) -> String {
        let registered = participants ?? #"{"company":"CN-0001"},{"company":"CN-0002"},{"company":"CA-0001"},{"company":"CA-0002"}"#
        return #"{"id":"\#(id)","name":"X","city":"Toronto","country":"CA","slotMinutes":20,"tables":5,"date":"2025-11-18","start":"09:00","slots":4,"#
            + "\n" + #""participants":[\#(registered)]\#(rest)}"#
    }

    /// The problems an import of `json` (as `e.json`) is refused with, each after the file's name;
    /// fails the test when it is imported, or when the refusal is no bad file.
    static func problems(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let url = try directory.writing("e.json", json)
                let error = #expect(throws: EventError.self, sourceLocation: sourceLocation) { try db.importEvents(from: url) }
                #expect(try db.events().isEmpty, sourceLocation: sourceLocation)
                guard case .badFile(_, let problems)? = error else { return [] }
                return problems.map { $0.replacingOccurrences(of: directory.path + "/", with: "") }
            }
        }
    }

    @Test("the same pair requested, blocked or locked twice, either way round, is refused naming both entries and the pair")
    func repeatedPairs() throws {
        #expect(try Self.problems(Self.event(#","requests":[{"a":"CN-0001","b":"CA-0001","must":true},{"a":"CA-0001","b":"CN-0001"}]"#))
                    == ["e.json:2: requests[1]: event 'x': CA-0001 and CN-0001 are requested twice (first at requests[0], line 2); "
                        + "a pair has one request: give it once, with must if it must meet"])
        #expect(try Self.problems(Self.event(#","blocks":[{"a":"CN-0001","b":"CA-0001"},{"a":"CN-0002","b":"CA-0001"},{"a":"CN-0001","b":"CA-0001"}]"#))
                    == ["e.json:2: blocks[2]: event 'x': CN-0001 and CA-0001 are blocked twice (first at blocks[0], line 2); give a block once"])
        #expect(try Self.problems(Self.event(#","locks":[{"a":"CN-0001","b":"CA-0001","slot":1},{"a":"CA-0001","b":"CN-0001","slot":2}]"#))
                    == ["e.json:2: locks[1]: event 'x': CA-0001 and CN-0001 are locked twice (first at locks[0], line 2); a pair meets once"])
        #expect(try Self.problems(Self.event(participants: #"{"company":"CN-0001"},{"company":"CA-0001"},{"company":"CN-0001","reps":2}"#))
                    == ["e.json:2: participants[2]: event 'x': CN-0001 is listed twice (first at participants[0], line 2)"])
    }

    @Test("two events of one id in a file are refused naming the id and both positions")
    func repeatedEvent() throws {
        let second = Self.event(id: "c").replacingOccurrences(of: "2025-11-18", with: "2025-12-01")
        #expect(try Self.problems("[\(Self.event(id: "c")),\n\(Self.event(id: "d")),\n\(second)]")
                    == ["e.json:5: [2].id: event 'c': given twice in the file (first at [0], line 1); give each event once"])
    }

    @Test("a contradiction the scheduler finds names the entry's path and the event", arguments: [
        (Self.event(participants: #"{"company":"CN-0001"},{"company":"CA-0001","available":"1-9"}"#),
         "e.json:2: participants[1].available: event 'x': CA-0001 is available in slots 5-9 outside 1–4"),
        (Self.event(#","locks":[{"a":"CN-0001","b":"CA-0001","slot":1},{"a":"CN-0001","b":"CA-0002","slot":1}]"#),
         "e.json:2: locks[1]: event 'x': the lock of CN-0001 and CA-0002 in slot 1: CN-0001 already has as many locked meetings in that slot as representatives"),
        (Self.event(#","locks":[{"a":"CN-0001","b":"CA-0001","slot":7}]"#), "e.json:2: locks[0].slot: event 'x': the lock of CN-0001 and CA-0001 in slot 7: the event has slots 1–4"),
        // A pending request is not in force, yet keeps its place in the file.
        (Self.event(#","requests":[{"a":"CN-0002","b":"CA-0002","origin":"participant","status":"pending"},{"a":"CN-0001","b":"CN-0001"}]"#),
         "e.json:2: requests[1]: event 'x': a request pairs CN-0001 with itself"),
        (Self.event(#","requests":[{"a":"CN-0001","b":"CA-0001","session":"am"}]"#),
         "e.json:2: requests[0].session: event 'x': a request for CN-0001 and CA-0001 names the session 'am', which the event does not have"),
        (Self.event(#","blocks":[{"a":"CN-0001","b":"CN-0002"}]"#),
         "e.json:2: blocks[0]: event 'x': a block pairs CN-0001 and CN-0002, who are both delegates; a meeting pairs a delegate with a host"),
        (Self.event(#","requests":[{"a":"CN-0001","b":"CA-0001","must":true},{"a":"CN-0001","b":"CA-0002","must":true}]"#,
                    participants: #"{"company":"CN-0001","maxMeetings":1},{"company":"CA-0001"},{"company":"CA-0002"}"#),
         "e.json:2: participants[0]: event 'x': CN-0001 has 2 must-meet requests and locks but can meet at most 1 (max meetings 1, 4 available slots × 1 representative)"),
        (Self.event(#","locks":[{"a":"CN-0001","b":"CA-0001","slot":1}]"#, participants: #"{"company":"CN-0001","maxMeetings":0},{"company":"CA-0001"}"#),
         "e.json:2: participants[0]: event 'x': CN-0001 has 1 locked meeting but can meet at most 0 (max meetings 0, 4 available slots × 1 representative)"),
        ("[\(Self.event(id: "w")),\n\(Self.event(id: "y", participants: #"{"company":"CN-0001"},{"company":"CA-0001","available":"1-9"}"#))]",
         "e.json:4: [1].participants[1].available: event 'y': CA-0001 is available in slots 5-9 outside 1–4"),
    ])
    func placed(json: String, problem: String) throws {
        #expect(try Self.problems(json) == [problem])
    }

    /// An event written over many lines, as people and `event show` write them.
    static let written = """
        {"id": "x", "name": "X", "city": "Toronto", "country": "CA",
         "slotMinutes": 20, "tables": 5, "date": "2025-11-18", "start": "09:00", "slots": 4,
         "participants": [
          {"company": "CN-0001"},
          {"company": "CA-0001",
           "available": "1-4"}],
         "requests": [
          {"a": "CN-0001", "b": "CA-0001"}]}
        """

    @Test("in a file written over many lines, each problem names the line of its field, or of the entry that lacks it", arguments: [
        (#""available": "1-4""#, #""available": "1-9""#, "e.json:6: participants[1].available: event 'x': CA-0001 is available in slots 5-9 outside 1–4"),
        (#""b": "CA-0001""#, #""b": "CA-0002""#, "e.json:8: requests[0]: event 'x': CA-0002 is not among the event's participants"),
        (#""slots": 4"#, #""slots": "four""#, "e.json:2: slots: expected a whole number"),
        (#"{"company": "CA-0001","#, #"{"side": "host","#, "e.json:5: participants[1].company: missing"),
        (#""city": "Toronto""#, #""city": "Toronto", "timeZone": "Mars/Olympus""#,
         "e.json:1: timeZone: event 'x': unknown time zone 'Mars/Olympus'; use an IANA name such as America/Toronto"),
    ])
    func lines(replacing: String, with replacement: String, problem: String) throws {
        #expect(Self.written.contains(replacing))
        #expect(try Self.problems(Self.written.replacingOccurrences(of: replacing, with: replacement)) == [problem])
    }

    /// `text` in UTF-16, without a byte order mark.
    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        text.utf16.flatMap { unit -> [UInt8] in
            let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
            return bigEndian ? [high, low] : [low, high]
        }
    }

    @Test("a file with old Mac line ends (CR alone) names the right lines; one saved as UTF-16 is read")
    func lineEndsAndUTF16() throws {
        let bad = Self.written.replacingOccurrences(of: #""available": "1-4""#, with: #""available": "1-9""#)
        #expect(try Self.problems(bad.replacingOccurrences(of: "\n", with: "\r"))
                    == ["e.json:6: participants[1].available: event 'x': CA-0001 is available in slots 5-9 outside 1–4"])
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                let littleEndian: [UInt8] = [0xFF, 0xFE] + Self.utf16(Self.written, bigEndian: false)
                for (name, bytes) in [("le.json", littleEndian), ("be.json", Self.utf16(Self.written, bigEndian: true))] {
                    let url = directory.appendingPathComponent(name)
                    try Data(bytes).write(to: url)
                    #expect(try db.importEvents(from: url).map(\.definition.participants.count) == [2], "\(name)")
                }
                let utf16Bad = directory.appendingPathComponent("bad16.json")
                try Data([0xFF, 0xFE] + Self.utf16(bad, bigEndian: false)).write(to: utf16Bad)
                let error = #expect(throws: EventError.self) { try db.importEvents(from: utf16Bad) }
                #expect(error?.description.contains("bad16.json:6: participants[1].available") == true, "\(String(describing: error))")
            }
        }
    }

    @Test("a misspelt required field is named as misspelt, on its line, not only the field it leaves missing")
    func misspeltRequired() throws {
        let problems = try Self.problems(Self.written.replacingOccurrences(of: #""tables": 5"#, with: #""table": 5"#))
        #expect(problems.count == 1 && problems[0].hasPrefix("e.json:2: table: not a field here (misspelt?); the fields here are "), "\(problems)")
        #expect(problems[0].contains("tables"), "\(problems)")
        let company = try Self.problems(Self.written.replacingOccurrences(of: #"{"company": "CN-0001"}"#, with: #"{"compnay": "CN-0001"}"#))
        #expect(company.count == 1 && company[0].hasPrefix("e.json:4: participants[0].compnay: not a field here (misspelt?)"), "\(company)")
    }

    @Test("a field given twice in one object is refused naming both lines, not read as one of the two; in two objects it is no repeat")
    func repeatedField() throws {
        let twice = Self.written.replacingOccurrences(of: #""available": "1-4"}"#, with: #""available": "1-4",\#n   "available": "1-2"}"#)
        #expect(try Self.problems(twice) == ["e.json:7: participants[1].available: given twice (first on line 6); give each field once"])
        let inEvent = Self.written.replacingOccurrences(of: #""slots": 4,"#, with: #""slots": 4,\#n "tables": 9,"#)
        #expect(try Self.problems(inEvent) == ["e.json:3: tables: given twice (first on line 2); give each field once"])
        try EventFixture.withCompanies { db in
            try TestFiles.withTemporaryDirectory { directory in
                try db.importEvents(from: directory.writing("e.json", Self.written))
                #expect(try db.eventDefinition("x").participants.map(\.company) == ["CN-0001", "CA-0001"])
            }
        }
    }

    @Test("at most 20 problems are listed, then how many more, as a company import does")
    func capped() throws {
        let participants = (1...15).map { #"{"company":"CA-\#(String(format: "%04d", $0))","available":"1-9"}"# }
            + (1...10).map { #"{"company":"US-\#(String(format: "%04d", $0))","available":"1-9"}"# }
        let problems = try Self.problems(Self.event(participants: participants.joined(separator: ",")))
        #expect(problems.count == 25)
        let lines = EventError.badFile(file: "e.json", problems: problems).description.components(separatedBy: "\n")
        #expect(lines.count == ImportError.printedProblemLimit + 1)
        #expect(lines.prefix(ImportError.printedProblemLimit) == problems.prefix(ImportError.printedProblemLimit))
        #expect(lines.last == "… and 5 more problems")
    }

    @Test("a country that is none is named first, and no time zone problem is made of it")
    func countryBeforeZone() throws {
        #expect(try Self.problems(Self.event().replacingOccurrences(of: #""country":"CA""#, with: #""country":"NARNIA""#))
                    == ["e.json:1: event 'x': the event's country 'NARNIA' is not an ISO 3166 country code or name"])
        let explicit = Self.event().replacingOccurrences(of: #""country":"CA""#, with: #""country":"NARNIA","timeZone":"EST""#)
        #expect(try Self.problems(explicit) == ["e.json:1: event 'x': the event's country 'NARNIA' is not an ISO 3166 country code or name",
                                               "e.json:1: timeZone: event 'x': unknown time zone 'EST'; use an IANA name such as America/Toronto"])
        // `event create` alike.
        try EventFixture.withCompanies { db in
            #expect(throws: EventError.invalidEvent("forum", ["the event's country 'NARNIA' is not an ISO 3166 country code or name"])) {
                try db.createEvent(EventFixture.spec(country: "NARNIA", timeZone: ""))
            }
        }
    }

    @Test("an event id longer than 128 bytes is refused as a company id is, the id quoted short")
    func longID() throws {
        try EventFixture.withCompanies { db in
            var spec = EventFixture.spec(String(repeating: "x", count: 200))
            let error = #expect(throws: EventError.self) { try db.createEvent(spec) }
            #expect(error?.description == "event '\(String(repeating: "x", count: 80))…' (200 bytes): the event's id is longer than 128 bytes: "
                        + "'\(String(repeating: "x", count: 80))…' (200 bytes)")
            spec.id = String(repeating: "é", count: 64)
            try db.createEvent(spec)
            spec.id = String(repeating: "é", count: 64) + "x"
            #expect(throws: EventError.self) { try db.createEvent(spec) }
        }
    }
}
