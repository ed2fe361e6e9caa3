import Foundation
import LiaisonTestSupport
import Testing

/// Issue 12, defect 2: the time zone was guessed from the city, and Denver, Phoenix, San Diego,
/// Honolulu and Anchorage silently became America/New_York.
@Suite("liaison event create and import: the time zone is the venue's, never a guess")
struct EventTimeZoneCLITests {
    static func create(_ id: String, city: String, country: String, extra: [String] = []) -> [String] {
        ["event", "create", id, "--name", "Event \(id)", "--city", city, "--country", country, "--date", "2025-12-05",
         "--start", "07:30", "--slots", "4", "--slot-minutes", "15", "--tables", "3"] + extra
    }

    static func timeZone(of id: String, in directory: URL) throws -> String? {
        let json = try EventScenario.succeed(["event", "show", id, "--format", "json"], in: directory).stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["event"] as? [String: Any])?["timeZone"] as? String
    }

    @Test("a known city gives its own zone", arguments: [
        ("Denver", "America/Denver"), ("Phoenix", "America/Phoenix"), ("San Diego", "America/Los_Angeles"),
        ("Honolulu", "Pacific/Honolulu"), ("Anchorage", "America/Anchorage"), ("El Paso", "America/Denver"),
        ("Boise", "America/Boise"), ("Indianapolis", "America/Indiana/Indianapolis"), ("Detroit", "America/Detroit"),
        ("Washington, D.C.", "America/New_York"), ("Oakland", "America/Los_Angeles"),
    ])
    func knownCity(city: String, zone: String) throws {
        try EventScenario.withImported { directory in
            let created = try EventScenario.succeed(Self.create("e", city: city, country: "US"), in: directory)
            #expect(created.stdout.hasSuffix("(\(zone))\n"), "\(created.stdout)")
            #expect(try Self.timeZone(of: "e", in: directory) == zone)
        }
    }

    @Test("Canadian cities, accents and case ignored", arguments: [
        ("Montréal", "America/Toronto"), ("QUEBEC CITY", "America/Toronto"), ("Calgary", "America/Edmonton"),
        ("Regina", "America/Regina"), ("St. John's", "America/St_Johns"), ("Halifax", "America/Halifax"), ("Vancouver", "America/Vancouver"),
    ])
    func canadianCity(city: String, zone: String) throws {
        try EventScenario.withImported { directory in
            try EventScenario.succeed(Self.create("e", city: city, country: "CA"), in: directory)
            #expect(try Self.timeZone(of: "e", in: directory) == zone)
        }
    }

    @Test("an unknown city without --time-zone is refused, saying how to give one; with it, the zone is taken as given")
    func unknownCity() throws {
        try EventScenario.withImported { directory in
            let before = try EventScenario.state(in: directory)
            expectRefused(try EventScenario.run(Self.create("e", city: "Smallville", country: "US"), in: directory),
                          mentioning: ["Smallville", "--time-zone America/"])
            #expect(try EventScenario.state(in: directory) == before)
            try EventScenario.succeed(Self.create("e", city: "Smallville", country: "US", extra: ["--time-zone", "America/Chicago"]), in: directory)
            #expect(try Self.timeZone(of: "e", in: directory) == "America/Chicago")
            // A zone given is validated: an abbreviation or a made-up name is refused.
            expectRefused(try EventScenario.run(Self.create("f", city: "Denver", country: "US", extra: ["--time-zone", "Mountain"]), in: directory),
                          mentioning: ["unknown time zone 'Mountain'"])
        }
    }

    @Test("an events file takes timeZone as given, derives it from a known city, and refuses an unknown city naming the field")
    func importedZones() throws {
        try EventScenario.withImported { directory in
            let events = """
                [{"id": "denver", "name": "Denver", "city": "Denver", "country": "US", "date": "2025-12-03", "start": "07:30",
                  "slots": 4, "slotMinutes": 15, "tables": 3},
                 {"id": "given", "name": "Given", "city": "Smallville", "country": "US", "timeZone": "America/Phoenix", "date": "2025-12-03",
                  "start": "07:30", "slots": 4, "slotMinutes": 15, "tables": 3}]
                """
            try Data(events.utf8).write(to: directory.appendingPathComponent("events.json"))
            try EventScenario.succeed(["event", "import", "events.json"], in: directory)
            #expect(try Self.timeZone(of: "denver", in: directory) == "America/Denver")
            #expect(try Self.timeZone(of: "given", in: directory) == "America/Phoenix")
            let before = try EventScenario.state(in: directory)
            try Data(events.replacingOccurrences(of: #""timeZone": "America/Phoenix", "#, with: "").utf8)
                .write(to: directory.appendingPathComponent("events.json"))
            expectRefused(try EventScenario.run(["event", "import", "events.json"], in: directory),
                          mentioning: ["events.json:3: [1].timeZone", "Smallville"])
            #expect(try EventScenario.state(in: directory) == before)
        }
    }
}
