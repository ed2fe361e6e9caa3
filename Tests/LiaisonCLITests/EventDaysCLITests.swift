import Foundation
import LiaisonTestSupport
import Testing

/// `event create --day`: an event of several days made without a file.
@Suite("event create --day: several days at the terminal")
struct EventDaysCLITests {
    static let base = ["event", "create", "lisbon", "--name", "Lisbon forum", "--city", "Lisbon", "--country", "Portugal", "--slot-minutes", "30",
                       "--tables", "5", "--time-zone", "Europe/Lisbon", "--pairing", "open"]

    @Test("a two-day event created with --day (a pause on the first) shows both days and sessions across them in event show --format json")
    func twoDays() throws {
        try EventScenario.withImported { directory in
            let created = try EventScenario.succeed(Self.base + ["--day", "2027-05-11,09:00,6,break-after=3,break-minutes=30",
                                                                 "--day", "2027-05-12, 10:00, 4", "--session", "tuesday=1-6",
                                                                 "--session", "wednesday=7-10"], in: directory)
            #expect(created.stdout == "created lisbon: Lisbon forum, Lisbon 2 days from 2027-05-11, 10 slots, 5 tables (Europe/Lisbon), open: any two participants may meet\n")
            let shown = try EventScenario.succeed(["event", "show", "lisbon", "--format", "json"], in: directory).stdout
            let event = try #require((try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])?["event"] as? [String: Any])
            let days = try #require(event["days"] as? [[String: Any]])
            #expect(days.count == 2)
            #expect(days.map { $0["date"] as? String } == ["2027-05-11", "2027-05-12"])
            #expect(days.map { $0["start"] as? String } == ["09:00", "10:00"])
            #expect(days.map { $0["slots"] as? Int } == [6, 4])
            #expect(days.map { $0["breakAfter"] as? Int } == [3, nil])
            #expect(days.map { $0["breakMinutes"] as? Int } == [30, 0])
            #expect(event["slots"] as? Int == 10)
            #expect((event["sessions"] as? [[String: Any]])?.map { $0["slots"] as? String } == ["1-6", "7-10"])
            // Scheduling sees slots 1-10 over the two days.
            try EventScenario.succeed(["event", "add", "lisbon", "CA-0001", "CA-0002", "CA-0003", "CA-0004"], in: directory)
            try EventScenario.succeed(["event", "request", "lisbon", "CA-0001", "CA-0002", "--must", "--session", "wednesday"], in: directory)
            try EventScenario.succeed(["event", "schedule", "lisbon"], in: directory)
            let meetings = try #require(try OpenEventCLITests.export("lisbon", in: directory)["meetings"] as? [[String: Any]])
            let requested = try #require(meetings.first { Set([$0["a"] as? String, $0["b"] as? String]) == ["CA-0001", "CA-0002"] })
            #expect((7...10).contains(requested["slot"] as! Int))
            #expect(requested["date"] as? String == "2027-05-12")
        }
    }

    @Test("a request asked again keeps its must and its session unless told (--no-must, --any-session), and says what it was")
    func requestAgain() throws {
        try EventScenario.withImported { directory in
            try EventScenario.succeed(Self.base + ["--day", "2027-05-11,09:00,6", "--day", "2027-05-12,09:00,4",
                                                   "--session", "tuesday=1-6", "--session", "wednesday=7-10"], in: directory)
            try EventScenario.succeed(["event", "add", "lisbon", "CA-0001", "CA-0002"], in: directory)
            /// The pair's request as `event show --format json` prints it.
            func stored() throws -> [String: Any] {
                let shown = try EventScenario.succeed(["event", "show", "lisbon", "--format", "json"], in: directory).stdout
                let requests = try #require((try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any])?["requests"] as? [[String: Any]])
                #expect(requests.count == 1)
                return try #require(requests.first)
            }
            func request(_ options: [String]) throws -> [String] {
                try EventScenario.succeed(["event", "request", "lisbon", "CA-0001", "CA-0002"] + options, in: directory).lines
            }
            #expect(try request(["--must"]) == ["must-meet: CA-0001 and CA-0002"])
            #expect(try request(["--session", "wednesday"]) == ["must-meet: CA-0001 and CA-0002 in the session wednesday (was: must-meet)"])
            #expect(try stored()["must"] as? Bool == true && stored()["session"] as? String == "wednesday")
            // Asked again, reversed, without options: nothing is dropped.
            #expect(try EventScenario.succeed(["event", "request", "lisbon", "CA-0002", "CA-0001"], in: directory).lines
                    == ["must-meet: CA-0002 and CA-0001 in the session wednesday (as already asked; --no-must makes it a plain request)"])
            #expect(try stored()["must"] as? Bool == true && stored()["session"] as? String == "wednesday")
            #expect(try request(["--no-must"]) == ["requested: CA-0001 and CA-0002 in the session wednesday (was: must-meet in the session wednesday)"])
            #expect(try request(["--any-session"]) == ["requested: CA-0001 and CA-0002 (was: requested in the session wednesday)"])
            #expect(try stored()["must"] as? Bool == false && stored()["session"] == nil)
            expectRefused(try EventScenario.run(["event", "request", "lisbon", "CA-0001", "CA-0002", "--session", "tuesday", "--any-session"], in: directory),
                          mentioning: ["give --session or --any-session, not both"], usageError: true)
            #expect(try stored()["session"] == nil)
        }
    }

    @Test("a bad --day is refused naming the option and the value; --day with --date, --start or --slots, or neither, is refused")
    func badDays() throws {
        try EventScenario.withImported { directory in
            let bad: [(String, String)] = [
                ("2027-05-11,09:00", "--day '2027-05-11,09:00': expected DATE,START,SLOTS[,break-after=N,break-minutes=M]"),
                ("2027-05-11,09:00,twelve", "--day '2027-05-11,09:00,twelve': SLOTS must be a whole number, not 'twelve'"),
                ("2027-13-11,09:00,12", "--day '2027-13-11,09:00,12': '2027-13-11' is not a date YYYY-MM-DD"),
                ("2027-05-11,9am,12", "--day '2027-05-11,9am,12': '9am' is not a time HH:MM"),
                ("2027-05-11,09:00,12,pause=30", "--day '2027-05-11,09:00,12,pause=30': unknown part 'pause'"),
                ("2027-05-11,09:00,12,break-minutes=30", "break-minutes needs break-after=N"),
                ("2027-05-11,09:00,12,break-after=x", "--day '2027-05-11,09:00,12,break-after=x': break-after must be a whole number, not 'x'"),
            ]
            for (day, message) in bad {
                expectRefused(try EventScenario.run(Self.base + ["--day", day], in: directory), mentioning: [message], usageError: true, "\(day)")
            }
            expectRefused(try EventScenario.run(Self.base + ["--day", "2027-05-11,09:00,12", "--date", "2027-05-11", "--slots", "12"], in: directory),
                          mentioning: ["--day gives each day whole: leave out --date, --slots"], usageError: true)
            expectRefused(try EventScenario.run(Self.base + ["--date", "2027-05-11"], in: directory),
                          mentioning: ["missing --start, --slots: give the day with --date, --start and --slots, or each day with --day"], usageError: true)
            // What only the whole event can tell — days out of order — is the store's to say, naming the day.
            expectRefused(try EventScenario.run(Self.base + ["--day", "2027-05-12,09:00,6", "--day", "2027-05-11,09:00,6"], in: directory),
                          mentioning: ["day 2 (2027-05-11): the days must be in order"])
            let listed = try EventScenario.succeed(["event", "list", "--format", "json"], in: directory).stdout
            #expect(try JSONDecoder().decode([EventListJSON].self, from: Data(listed.utf8)).isEmpty)
        }
    }

    @Test("event create --help tells how to write a day")
    func help() throws {
        try EventScenario.withImported { directory in
            let help = try LiaisonBinary.succeed(["event", "create", "--help"], in: directory).stdout
            let flat = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("--day <day> A day of the event: DATE,START,SLOTS[,break-after=N,break-minutes=M], e.g. 2027-05-11,09:00,12,break-after=6,break-minutes=30"), "\(help)")
        }
    }
}
