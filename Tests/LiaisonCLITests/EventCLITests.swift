import Foundation
import LiaisonTestSupport
import Testing

@Suite("liaison event")
struct EventCLITests {
    @Test("create, add, request, block, lock, schedule, report, publish and export: each prints what it did and writes its files")
    func workflow() throws {
        try EventScenario.withImported { directory in
            let created = try EventScenario.succeed(EventScenario.createArguments, in: directory)
            #expect(created.stdout == "created forum: Toronto Forum, Toronto 2025-12-01, 6 slots from 09:00, 4 tables (America/Toronto)\n")

            let added = try EventScenario.succeed(["event", "add", "forum", "CN-0001", "CN-0002", "CA-0001", "CA-0002", "CA-0003"], in: directory)
            #expect(added.lines == [
                "CN-0001: delegate, up to 6 meetings, slots 1-6, 1 rep", "CN-0002: delegate, up to 6 meetings, slots 1-6, 1 rep",
                "CA-0001: host, up to 6 meetings, slots 1-6, 1 rep", "CA-0002: host, up to 6 meetings, slots 1-6, 1 rep",
                "CA-0003: host, up to 6 meetings, slots 1-6, 1 rep",
            ])
            let options = try EventScenario.succeed(["event", "add", "forum", "CN-0003", "--max-meetings", "3", "--available", "2-5",
                                                     "--reps", "2", "--interpreter", "zh-en"], in: directory)
            #expect(options.lines == ["CN-0003: delegate, up to 3 meetings, slots 2-5, 2 reps, interpreter zh-en"])
            try EventScenario.succeed(["event", "add", "forum", "CN-0004", "CN-0005", "CA-0004", "CA-0005", "CA-0006"], in: directory)

            #expect(try EventScenario.succeed(["event", "request", "forum", "CA-0001", "CN-0001", "--must"], in: directory).lines
                    == ["must-meet: CA-0001 and CN-0001"])
            #expect(try EventScenario.succeed(["event", "request", "forum", "CN-0005", "CA-0005"], in: directory).lines
                    == ["requested: CN-0005 and CA-0005"])
            #expect(try EventScenario.succeed(["event", "block", "forum", "CN-0002", "CA-0001"], in: directory).lines
                    == ["blocked: CN-0002 and CA-0001"])
            #expect(try EventScenario.succeed(["event", "lock", "forum", "CN-0002", "CA-0002", "--slot", "2", "--table", "3"], in: directory).lines
                    == ["locked: CN-0002 and CA-0002 in slot 2 at table 3"])
            #expect(try EventScenario.succeed(["event", "lock", "forum", "CA-0004", "CN-0004", "--slot", "5"], in: directory).lines
                    == ["locked: CA-0004 and CN-0004 in slot 5"])

            // schedule prints the report, which `report` prints again.
            let scheduled = try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "2"], in: directory)
            let report = try EventScenario.succeed(["event", "report", "forum"], in: directory)
            #expect(scheduled.stdout == report.stdout)
            let json = try JSONDecoder().decode(EventReportJSON.self, from: Data(
                try EventScenario.succeed(["event", "report", "forum", "--format", "json"], in: directory).stdout.utf8))
            let q = json.quality
            #expect(json.minMeetings == 2 && q.minimumMeetings == 2)
            #expect(json.changes == nil)
            #expect(q.mustRequests.placed == 1 && q.mustRequests.asked == 1)
            #expect(q.otherRequests.asked == 1)
            #expect(scheduled.lines.first == "forum: \(q.meetings) meetings, total score \(String(format: "%.3f", q.totalScore)) of an upper bound of "
                    + "\(String(format: "%.3f", q.upperBound)) (\(String(format: "%.1f", q.ratio * 100)) %)")
            #expect(scheduled.lines.dropFirst().first?.hasPrefix("meetings per participant: min \(q.meetingsPerParticipant.min), median ") == true)
            #expect(scheduled.lines.contains("requests placed: must 1/1, other \(q.otherRequests.placed)/1"))

            let published = try EventScenario.succeed(["event", "publish", "forum"], in: directory)
            #expect(published.lines == ["published forum: \(q.meetings) meetings (\(q.meetings) new, 0 moved, 0 cancelled)"])

            // Exports.
            for (format, output) in [("csv", "out/csv"), ("ics", "out/ics"), ("html", "out/schedule.html"), ("json", "out/schedule.json")] {
                let run = try EventScenario.succeed(["event", "export", "forum", "--format", format, "-o", output], in: directory)
                #expect(run.stdout.isEmpty)
                #expect(run.stderr == "wrote the \(format) export of forum (\(q.meetings) meetings) to \(output)\n")
            }
            let export = try JSONDecoder().decode(EventExportJSON.self, from: Data(contentsOf: directory.appendingPathComponent("out/schedule.json")))
            let ids = ["CA-0001", "CA-0002", "CA-0003", "CA-0004", "CA-0005", "CA-0006", "CN-0001", "CN-0002", "CN-0003", "CN-0004", "CN-0005"]
            #expect(export.participants.map(\.id) == ids)
            #expect(export.meetings.count == q.meetings && export.quality.meetings == q.meetings)
            func meeting(_ d: String, _ h: String) -> EventExportJSON.Meeting? { export.meetings.first { $0.delegate == d && $0.host == h } }
            #expect(meeting("CN-0001", "CA-0001") != nil)
            #expect(meeting("CN-0002", "CA-0001") == nil)
            #expect(meeting("CN-0002", "CA-0002").map { [$0.slot, $0.table] } == [2, 3])
            #expect(meeting("CN-0004", "CA-0004")?.slot == 5)
            let restricted = export.meetings.filter { $0.delegate == "CN-0003" }
            #expect(restricted.count <= 3 && restricted.allSatisfy { (2...5).contains($0.slot) })
            #expect(Dictionary(grouping: restricted, by: \.slot).values.allSatisfy { $0.count <= 2 })
            #expect(export.participants.first { $0.id == "CN-0003" }.map { [$0.maxMeetings, $0.reps] + $0.available } == [3, 2, 2, 3, 4, 5])
            // 20-minute slots from 09:00, a 15-minute break after slot 3.
            let starts = [1: "09:00", 2: "09:20", 3: "09:40", 4: "10:15", 5: "10:35", 6: "10:55"]
            #expect(export.meetings.allSatisfy { starts[$0.slot] == $0.start })

            let master = parseCSV(try String(contentsOf: directory.appendingPathComponent("out/csv/master.csv"), encoding: .utf8))
            #expect(master.first == ["slot", "start", "end", "table", "delegate", "delegate_name", "host", "host_name", "score", "reasons"])
            #expect(master.count == 1 + q.meetings)
            #expect(master.dropFirst().map { [$0[0], $0[3], $0[4], $0[6]] } == export.meetings.map { ["\($0.slot)", "\($0.table)", $0.delegate, $0.host] })
            let agendas = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out/csv/agendas").path).sorted()
            #expect(agendas == ids.map { "\($0).csv" })
            for id in ids {
                // An agenda has label–value rows, a blank row, its column heads, then one row per slot (meeting or free).
                let rows = AgendaCSVFile(try Data(contentsOf: directory.appendingPathComponent("out/csv/agendas/\(id).csv"))).meetingRows
                #expect(rows.count == export.meetings.filter { $0.delegate == id || $0.host == id }.count, "\(id)")
            }
            let calendars = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out/ics").path).sorted()
            #expect(calendars == ids.map { "\($0).ics" })
            for id in ids {
                let text = try String(contentsOf: directory.appendingPathComponent("out/ics/\(id).ics"), encoding: .utf8)
                #expect(text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
                #expect(text.components(separatedBy: "BEGIN:VEVENT\r\n").count - 1 == export.meetings.filter { $0.delegate == id || $0.host == id }.count)
            }
            let html = try String(contentsOf: directory.appendingPathComponent("out/schedule.html"), encoding: .utf8)
            #expect(html.components(separatedBy: "<section class=\"agenda\">").count - 1 == ids.count)
            #expect(html.contains("<h1>Toronto Forum</h1>"))
        }
    }

    @Test("list and show print tables and JSON")
    func listAndShow() throws {
        try EventScenario.withImported { directory in
            try EventScenario.succeed(EventScenario.createArguments, in: directory)
            try EventScenario.succeed(["event", "create", "breakfast", "--name", "Oakland Breakfast", "--city", "Oakland", "--country", "US",
                                       "--date", "2025-11-28", "--start", "07:30", "--slots", "4", "--slot-minutes", "15", "--tables", "3"],
                                      in: directory)
            try EventScenario.succeed(["event", "add", "forum", "CN-0001", "CN-0002", "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "add", "forum", "CN-0003", "--max-meetings", "2", "--available", "1-2,5", "--interpreter", "zh-en"],
                                      in: directory)
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001", "--must"], in: directory)
            try EventScenario.succeed(["event", "block", "forum", "CA-0001", "CN-0002"], in: directory)
            try EventScenario.succeed(["event", "lock", "forum", "CN-0003", "CA-0001", "--slot", "5", "--table", "2"], in: directory)

            let list = try JSONDecoder().decode([EventListJSON].self, from: Data(
                try EventScenario.succeed(["event", "list", "--format", "json"], in: directory).stdout.utf8))
            // By date: the breakfast comes first.
            #expect(list.map(\.event.id) == ["breakfast", "forum"])
            #expect(list.map { [$0.delegates, $0.hosts] } == [[0, 0], [3, 1]])
            #expect(list.allSatisfy { $0.meetings == nil && $0.publishedAt == nil })
            #expect(list.first?.event.country == "US" && list.last?.event.country == "CA")

            let table = try EventScenario.succeed(["event", "list"], in: directory).lines
            #expect(table.count == 3)
            #expect(table[0].split(separator: " ", omittingEmptySubsequences: true) == ["id", "name", "city", "date", "delegates", "hosts", "meetings", "published"])
            #expect(table[1].hasPrefix("breakfast") && table[1].contains("Oakland Breakfast") && table[1].contains("2025-11-28"))
            #expect(table[2].hasPrefix("forum") && table[2].contains("Toronto Forum"))
            #expect(table[2].split(separator: " ").suffix(4) == ["3", "1", "-", "-"])

            let show = try JSONDecoder().decode(EventShowJSON.self, from: Data(
                try EventScenario.succeed(["event", "show", "forum", "--format", "json"], in: directory).stdout.utf8))
            #expect(show.event.id == "forum" && show.event.tables == 4)
            #expect(show.participants.first { $0.company == "CN-0003" }
                    == .init(company: "CN-0003", side: "delegate", maxMeetings: 2, available: "1-2,5", reps: 1, interpreter: "zh-en"))
            #expect(show.participants.first { $0.company == "CA-0001" }
                    == .init(company: "CA-0001", side: "host", maxMeetings: 6, available: "1-6", reps: 1, interpreter: nil))
            #expect(show.requests == [.init(a: "CN-0001", b: "CA-0001", must: true)])
            #expect(show.blocks == [.init(a: "CA-0001", b: "CN-0002")])
            #expect(show.locks == [.init(a: "CN-0003", b: "CA-0001", slot: 5, table: 2)])

            let text = try EventScenario.succeed(["event", "show", "forum"], in: directory).lines
            func field(_ name: String) -> String? {
                text.first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces) }
            }
            #expect(field("id") == "forum")
            #expect(field("where") == "Toronto, CA")
            #expect(field("when") == "2025-12-01 from 09:00 (America/Toronto)")
            #expect(field("slots") == "6 × 20 min, break of 15 min after slot 3")
            #expect(field("tables") == "4")
            #expect(text.contains { $0.hasPrefix("CN-0003") && $0.split(separator: " ") == ["CN-0003", "delegate", "2", "1-2,5", "1", "zh-en"] })
            #expect(text.suffix(3) == ["must CN-0001 – CA-0001", "block CA-0001 – CN-0002", "lock CN-0003 – CA-0001 slot 5 table 2"])

            // Once scheduled and published, the list shows the meetings and when.
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            try EventScenario.succeed(["event", "publish", "forum"], in: directory)
            let after = try JSONDecoder().decode([EventListJSON].self, from: Data(
                try EventScenario.succeed(["event", "list", "--format", "json"], in: directory).stdout.utf8))
            #expect((after.last?.meetings ?? 0) > 0)
            #expect(after.last?.publishedAt != nil && after.first?.publishedAt == nil)
        }
    }

    @Test("an export of one meeting says one meeting")
    func exportOfOne() throws {
        try EventScenario.withImported { directory in
            try EventScenario.succeed(EventScenario.createArguments, in: directory)
            try EventScenario.succeed(["event", "add", "forum", "CN-0001", "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            let export = try EventScenario.succeed(["event", "export", "forum", "--format", "json", "-o", "one.json"], in: directory)
            #expect(export.stderr.hasPrefix("wrote the json export of forum (1 meeting) to "), "\(export.stderr)")
        }
    }

    @Test("--venue is stored, shown by event show (text and JSON) and on agendas")
    func venue() throws {
        try EventScenario.withImported { directory in
            let venue = "Metro Toronto Convention Centre, 255 Front St W"
            try EventScenario.succeed(EventScenario.createArguments + ["--venue", venue], in: directory)
            let text = try EventScenario.succeed(["event", "show", "forum"], in: directory).lines
            #expect(text.contains { $0.hasPrefix("venue ") && $0.hasSuffix(venue) })
            let json = try JSONSerialization.jsonObject(with: Data(try EventScenario.succeed(["event", "show", "forum", "--format", "json"],
                                                                                              in: directory).stdout.utf8)) as? [String: Any]
            #expect((json?["event"] as? [String: Any])?["venue"] as? String == venue)
            try EventScenario.succeed(["event", "add", "forum", "CN-0001", "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            try EventScenario.succeed(["event", "export", "forum", "--format", "csv", "-o", "csv"], in: directory)
            let agenda = AgendaCSVFile(try Data(contentsOf: directory.appendingPathComponent("csv/agendas/CA-0001.csv")))
            #expect(agenda.about.map(\.value).contains(venue))
            // Blocking the pair that meets breaks the schedule: it is discarded, and the command says so.
            let blocked = try EventScenario.succeed(["event", "block", "forum", "CN-0001", "CA-0001"], in: directory)
            #expect(blocked.lines == ["blocked: CN-0001 and CA-0001", "this change broke the current schedule, which was discarded: "
                                        + "run `liaison event schedule forum` again (--keep-published keeps what was published)"], "\(blocked.stdout)")
            #expect(try EventScenario.run(["event", "export", "forum", "--format", "json", "-o", "e.json"], in: directory).status != 0)
        }
    }

    @Test("event report says when the event changed after its schedule was made (text, table and JSON), until it is scheduled again")
    func reportAfterRulesChanged() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "0"], in: directory)
            let fresh = try EventScenario.succeed(["event", "report", "forum"], in: directory)
            #expect(!fresh.stdout.contains("changed at"))
            try EventScenario.succeed(["event", "add", "forum", "CA-0007", "--max-meetings", "0"], in: directory)
            let stale = try EventScenario.succeed(["event", "report", "forum"], in: directory)
            #expect(stale.lines.last?.hasPrefix("note: the event's participants or rules changed at ") == true, "\(stale.stdout)")
            #expect(stale.stdout.contains("`liaison event schedule forum --keep-published` brings them up to date"))
            let json = try EventScenario.succeed(["event", "report", "forum", "--format", "json"], in: directory).stdout
            #expect(json.contains("\"rulesChangedAt\""))
            try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "0"], in: directory)
            let again = try EventScenario.succeed(["event", "report", "forum", "--format", "json"], in: directory).stdout
            #expect(!again.contains("rulesChangedAt"))
        }
    }

    @Test("re-scheduling with --keep-published after a host leaves reports the dropped meetings; publishing cancels them")
    func keepPublished() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "2"], in: directory)
            try EventScenario.succeed(["event", "publish", "forum"], in: directory)
            try EventScenario.succeed(["event", "export", "forum", "--format", "json", "-o", "before.json"], in: directory)
            let before = try JSONDecoder().decode(EventExportJSON.self, from: Data(contentsOf: directory.appendingPathComponent("before.json")))
            let leaving = before.meetings.filter { $0.host == "CA-0006" }
            try #require(!leaving.isEmpty, "CA-0006 has no meeting to lose")

            #expect(try EventScenario.succeed(["event", "remove", "forum", "CA-0006"], in: directory).lines == [
                "removed CA-0006 from forum",
                "the current schedule held their meetings and was discarded: run `liaison event schedule forum` again (--keep-published keeps what was published)",
            ])
            let scheduled = try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "2", "--keep-published"], in: directory)
            let report = try JSONDecoder().decode(EventReportJSON.self, from: Data(
                try EventScenario.succeed(["event", "report", "forum", "--format", "json"], in: directory).stdout.utf8))
            let changes = try #require(report.changes)
            #expect(changes.dropped.map { [$0.meeting.delegate, "\($0.meeting.slot)"] }.sorted { $0.lexicographicallyPrecedes($1) }
                    == leaving.map { [$0.delegate, "\($0.slot)"] }.sorted { $0.lexicographicallyPrecedes($1) })
            #expect(changes.dropped.allSatisfy { $0.reason == "CA-0006 is no longer registered" })
            #expect(scheduled.lines.contains("against the published schedule: \(changes.kept) kept, \(changes.added.count) added, 0 moved, \(leaving.count) dropped"))
            for meeting in leaving {
                #expect(scheduled.lines.contains("  dropped: \(meeting.delegate) – CA-0006 (slot \(meeting.slot)): CA-0006 is no longer registered"))
            }
            let published = try EventScenario.succeed(["event", "publish", "forum"], in: directory)
            #expect(published.lines == ["published forum: \(report.quality.meetings) meetings (\(changes.added.count) new, 0 moved, \(leaving.count) cancelled)"])
        }
    }

    @Test("exports write only inside the -o directory, whatever the company ids")
    func exportStaysInside() throws {
        try EventScenario.withImported { directory in
            try Data("id,name,country,city,offers,seeks\n../../escaped,Escape Co.,CN,Shanghai,clean-energy,capital-markets\n".utf8)
                .write(to: directory.appendingPathComponent("escape.csv"))
            try EventScenario.succeed(["import", "companies", "escape.csv"], in: directory)
            try EventScenario.succeed(EventScenario.createArguments, in: directory)
            try EventScenario.succeed(["event", "add", "forum", "../../escaped", "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum", "--min-meetings", "1"], in: directory)
            let nested = directory.appendingPathComponent("a/b")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            for (format, output) in [("csv", "csv"), ("ics", "ics")] {
                let run = try LiaisonBinary.run(["event", "export", "forum", "--format", format, "-o", output, "--db", "../../" + EventScenario.database],
                                                in: nested)
                #expect(run.status == 0, "\(run.stderr)")
            }
            let outside = ["a/b/escaped.csv", "a/escaped.ics", "a/b/escaped.ics", "escaped.csv", "escaped.ics"].filter { EventScenario.exists($0, in: directory) }
            #expect(outside.isEmpty, "written outside the export directories: \(outside)")
        }
    }

    // MARK: - Errors

    @Test("an unknown event is refused by every command, with one line and nothing written")
    func unknownEvent() throws {
        try EventScenario.withEvent { directory in
            let before = try EventScenario.state(in: directory)
            for command in [["event", "show", "nope"], ["event", "add", "nope", "CN-0001"], ["event", "remove", "nope", "CN-0001"],
                            ["event", "request", "nope", "CN-0001", "CA-0001"], ["event", "block", "nope", "CN-0001", "CA-0001"],
                            ["event", "lock", "nope", "CN-0001", "CA-0001", "--slot", "1"], ["event", "schedule", "nope"],
                            ["event", "report", "nope"], ["event", "publish", "nope"],
                            ["event", "export", "nope", "--format", "json", "-o", "out.json"]] {
                expectRefused(try EventScenario.run(command, in: directory), mentioning: ["no event 'nope'", "liaison event list"],
                              "\(command.joined(separator: " "))")
            }
            #expect(!EventScenario.exists("out.json", in: directory))
            #expect(try EventScenario.state(in: directory) == before)
        }
    }

    @Test("adding an unknown company is refused and adds nothing, not even the call's known companies (since issue 13 a third country's company is a host)")
    func addRefused() throws {
        try EventScenario.withEvent { directory in
            let before = try EventScenario.state(in: directory)
            expectRefused(try EventScenario.run(["event", "add", "forum", "US-0001", "CN-0998"], in: directory),
                          mentioning: ["no company with id 'CN-0998'"])
            expectRefused(try EventScenario.run(["event", "add", "forum", "CN-0007", "CN-0999"], in: directory),
                          mentioning: ["no company with id 'CN-0999'"])
            expectRefused(try EventScenario.run(["event", "request", "forum", "CN-0001", "CA-0009"], in: directory),
                          mentioning: ["CA-0009 is not a participant of forum", "liaison event add forum CA-0009"])
            #expect(try EventScenario.state(in: directory) == before)
        }
    }

    @Test("bad option values are refused by the argument parser, naming the option", arguments: [
        (["--available", "9-3"], ["--available", "9-3"]), (["--available", "one"], ["--available"]), (["--reps", "0"], ["--reps"]),
        (["--max-meetings", "-1"], ["--max-meetings"]),
    ])
    func addBadOptions(options: [String], fragments: [String]) throws {
        try EventScenario.withEvent { directory in
            let before = try EventScenario.state(in: directory)
            expectRefused(try EventScenario.run(["event", "add", "forum", "CN-0007"] + options, in: directory), mentioning: fragments, usageError: true)
            #expect(try EventScenario.state(in: directory) == before)
        }
    }

    @Test("a lock on a slot its company is not available in is refused at once, and nothing is stored")
    func lockOnUnavailableSlot() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "add", "forum", "CN-0004", "--available", "3-6"], in: directory)
            let before = try EventScenario.state(in: directory)
            expectRefused(try EventScenario.run(["event", "lock", "forum", "CN-0004", "CA-0003", "--slot", "1"], in: directory),
                          mentioning: ["the lock of CN-0004 and CA-0003 in slot 1", "CN-0004 is not available in that slot"])
            #expect(try EventScenario.state(in: directory) == before)
            // Making the company unavailable under an existing lock is refused the same way.
            try EventScenario.succeed(["event", "lock", "forum", "CN-0004", "CA-0003", "--slot", "4"], in: directory)
            let locked = try EventScenario.state(in: directory)
            expectRefused(try EventScenario.run(["event", "add", "forum", "CN-0004", "--available", "5-6"], in: directory),
                          mentioning: ["the lock of CN-0004 and CA-0003 in slot 4", "CN-0004 is not available in that slot"])
            #expect(try EventScenario.state(in: directory) == locked)
            expectRefused(try EventScenario.run(["event", "report", "forum"], in: directory), mentioning: ["has no schedule yet"])
        }
    }

    @Test("creating an event with zero tables is refused, naming the problem")
    func createZeroTables() throws {
        try EventScenario.withImported { directory in
            var arguments = EventScenario.createArguments
            arguments[arguments.firstIndex(of: "--tables")! + 1] = "0"
            expectRefused(try EventScenario.run(arguments, in: directory), mentioning: ["event 'forum'", "tables must be at least 1"])
            var zone = EventScenario.createArguments
            zone += ["--time-zone", "Mars/Olympus_Mons"]
            expectRefused(try EventScenario.run(zone, in: directory), mentioning: ["unknown time zone 'Mars/Olympus_Mons'"])
            var country = EventScenario.createArguments
            country[country.firstIndex(of: "--country")! + 1] = "Atlantis"
            expectRefused(try EventScenario.run(country, in: directory), mentioning: ["the event's country 'ATLANTIS' is not an ISO 3166 country"])
            let listed = try EventScenario.succeed(["event", "list", "--format", "json"], in: directory).stdout
            #expect(try JSONDecoder().decode([EventListJSON].self, from: Data(listed.utf8)).isEmpty)
            try EventScenario.succeed(EventScenario.createArguments, in: directory)
            expectRefused(try EventScenario.run(EventScenario.createArguments, in: directory), mentioning: ["event 'forum' already exists"])
        }
    }

    @Test("exporting an event never scheduled is refused in every format and writes nothing", arguments: ["csv", "ics", "html", "json"])
    func exportUnscheduled(format: String) throws {
        try EventScenario.withEvent { directory in
            expectRefused(try EventScenario.run(["event", "export", "forum", "--format", format, "-o", "out/\(format)"], in: directory),
                          mentioning: ["event 'forum' has no schedule yet", "liaison event schedule forum"])
            #expect(!EventScenario.exists("out", in: directory))
            expectRefused(try EventScenario.run(["event", "publish", "forum"], in: directory), mentioning: ["has no schedule yet"])
        }
    }

    @Test("an events file with a bad field is refused, naming the file and the field, and nothing is imported")
    func importBadFile() throws {
        try EventScenario.withEvent { directory in
            let before = try EventScenario.state(in: directory)
            let good = """
                {"id": "harbour", "name": "Harbour", "city": "Vancouver", "country": "CA", "date": "2025-12-03", "start": "07:30",
                 "slots": 5, "slotMinutes": 15, "tables": 3,
                 "participants": [{"company": "CN-0001"}, {"company": "CA-0001", "maxMeetings": 2}],
                 "requests": [{"a": "CN-0001", "b": "CA-0001", "must": true}]}
                """
            let cases: [(text: String, fragments: [String])] = [
                (good.replacingOccurrences(of: #""maxMeetings": 2"#, with: #""maxMeetings": "two""#),
                 ["events.json:3: participants[1].maxMeetings: expected a whole number"]),
                (good.replacingOccurrences(of: #""b": "CA-0001", "must""#, with: #""b": "CA-0002", "must""#),
                 ["events.json:4: requests[0]: event 'harbour': CA-0002 is not among the event's participants"]),
                (good.replacingOccurrences(of: #"{"company": "CA-0001""#, with: #"{"company": "CA-0001", "side": "guest""#),
                 ["events.json:3: participants[1].side: ", "guest"]),
                (good.replacingOccurrences(of: #""slots": 5,"#, with: ""), ["events.json:1: slots: missing"]),
            ]
            for (text, fragments) in cases {
                try Data(text.utf8).write(to: directory.appendingPathComponent("events.json"))
                expectRefused(try EventScenario.run(["event", "import", "events.json"], in: directory), mentioning: fragments)
                #expect(try EventScenario.state(in: directory) == before)
            }
            try Data(good.utf8).write(to: directory.appendingPathComponent("events.json"))
            #expect(try EventScenario.succeed(["event", "import", "events.json"], in: directory).lines
                    == ["harbour: Harbour — 1 delegate, 1 host, 1 request, 0 blocks, 0 locks"])
        }
    }
}
