import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport
import Testing

/// Issue 12, "done when": the sample's agendas are correct from both sides in all three formats
/// and in zh, en and fr. Each format is read back with the tests' own readers and checked against
/// the sample's files (events.json for times, the company CSVs for names, cities and profiles) and
/// the JSON export (who meets whom, when, at which table, with which reasons).
@Suite("The sample's agendas, from both sides, in CSV, ICS and HTML, in zh, en and fr")
struct SampleAgendaTests {
    static let venues = ["toronto-forum-2025": "Metro Toronto Convention Centre, 255 Front St W, Toronto",
                         "oakland-breakfast-2025": "Port of Oakland, 530 Water St, Oakland, CA"]

    /// The sample with a venue added to each event's entry (through the event file, as a user gives it).
    static func database() throws -> LiaisonDatabase {
        let db = try LiaisonDatabase.inMemory()
        try db.importCompanies(from: SampleEvents.companyFiles.map { SampleEvents.folder.appendingPathComponent($0) })
        var events = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: SampleEvents.folder.appendingPathComponent("events.json"))) as? [[String: Any]])
        for index in events.indices { events[index]["venue"] = venues[events[index]["id"] as! String] }
        try TestFiles.withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("events.json")
            try JSONSerialization.data(withJSONObject: events).write(to: file)
            try db.importEvents(from: file)
        }
        return db
    }

    /// The event's entry in the sample's events.json.
    static func entry(_ event: String) throws -> [String: Any] {
        let events = try JSONSerialization.jsonObject(with: Data(contentsOf: SampleEvents.folder.appendingPathComponent("events.json"))) as? [[String: Any]]
        return try #require(events?.first { $0["id"] as? String == event })
    }

    /// `HH:MM` of a slot's start and end, from the event's entry.
    static func times(_ entry: [String: Any], slot: Int) -> (start: String, end: String) {
        let clock = (entry["start"] as! String).split(separator: ":").map { Int($0)! }
        let length = entry["slotMinutes"] as! Int
        var minute = clock[0] * 60 + clock[1] + (slot - 1) * length
        if let after = entry["breakAfter"] as? Int, slot > after { minute += entry["breakMinutes"] as? Int ?? 0 }
        func text(_ m: Int) -> String { String(format: "%02d:%02d", m / 60, m % 60) }
        return (text(minute), text(minute + length))
    }

    /// The date as a reader of `language` writes it.
    static func date(_ iso: String, _ language: String) -> String {
        let p = iso.split(separator: "-").map { Int($0)! }
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        switch language {
        case "zh": return "\(p[0])年\(p[1])月\(p[2])日"
        case "fr": return "\(p[2] == 1 ? "1er" : "\(p[2])") \(fr[p[1] - 1]) \(p[0])"
        default: return "\(en[p[1] - 1]) \(p[2]), \(p[0])"
        }
    }

    /// A reason phrase read back: which sector, and who seeks it ("reader", "counterpart") or "both" offer it.
    struct Claim: Hashable { var sector: String; var who: String }

    /// The sector-and-side claims of a reasons text in `language`, each sector mapped back to its id.
    static func claims(_ text: String, _ language: String) -> [Claim] {
        // Contributions (" +0.31"), where shown, are not part of a sector's name.
        let text = text.replacingOccurrences(of: #" \+\d+\.\d\d"#, with: "", options: .regularExpression)
        let patterns: [(String, String)] = switch language {
        case "zh": [("您寻求(.+?)，对方提供", "reader"), ("对方寻求(.+?)，您提供", "counterpart"), ("同属(.+?)领域", "both")]
        case "fr": [("vous recherchez «\u{202F}(.+?)\u{202F}», qu'ils proposent", "reader"),
                    ("ils recherchent «\u{202F}(.+?)\u{202F}», que vous proposez", "counterpart"), ("même secteur\u{202F}: ([^;\u{202F}]+)", "both")]
        default: [("you seek (.+?), they offer it", "reader"), ("they seek (.+?), you offer it", "counterpart"), ("both in ([^;]+)", "both")]
        }
        let taxonomy = TaxonomyFile.builtIn
        var ids: [String: String] = [:]
        for sector in taxonomy.sectors {
            ids[SectorNames.name(sector.id, in: AgendaLanguage(rawValue: language)!, taxonomy: taxonomy).lowercased()] = sector.id
        }
        var claims: [Claim] = []
        for (pattern, who) in patterns {
            let regex = try! NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = String(text[Range(match.range(at: 1), in: text)!]).trimmingCharacters(in: .whitespaces).lowercased()
                claims.append(Claim(sector: ids[name] ?? "unknown sector '\(name)'", who: who))
            }
        }
        return claims
    }

    /// The claims the stored reasons make from the delegate's side (the JSON export, English),
    /// told to `reader`: turned around for the host.
    static func expectedClaims(_ meeting: ScheduleExport.Meeting, reader: String) -> Set<Claim> {
        Set(claims(meeting.reasons, "en").map { claim in
            guard meeting.host == reader, claim.who != "both" else { return claim }
            return Claim(sector: claim.sector, who: claim.who == "reader" ? "counterpart" : "reader")
        })
    }

    /// Checks that every claim is true of the reader's and the counterpart's profiles as the sample states them.
    static func checkTruth(_ claims: [Claim], reader: String, counterpart: String, _ comment: String,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        for claim in claims {
            switch claim.who {
            case "reader":
                #expect(SampleEvents.sectors(reader, "seeks").contains(claim.sector) && SampleEvents.sectors(counterpart, "offers").contains(claim.sector),
                        "\(comment): says \(reader) seeks \(claim.sector) and \(counterpart) offers it", sourceLocation: sourceLocation)
            case "counterpart":
                #expect(SampleEvents.sectors(counterpart, "seeks").contains(claim.sector) && SampleEvents.sectors(reader, "offers").contains(claim.sector),
                        "\(comment): says \(counterpart) seeks \(claim.sector) and \(reader) offers it", sourceLocation: sourceLocation)
            default:
                #expect(SampleEvents.sectors(counterpart, "offers").contains(claim.sector) && SampleEvents.sectors(reader, "offers").contains(claim.sector),
                        "\(comment): says both offer \(claim.sector)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The participants to read: for each event, the delegate and the host with the most meetings
    /// that have a seek/offer reason, so both directions are exercised.
    static func readers(_ export: ScheduleExport) -> [String] {
        func score(_ id: String) -> Int {
            export.meetings.filter { ($0.delegate == id || $0.host == id) && $0.reasons.contains(" seek ") }.count
        }
        let delegates = export.participants.filter { $0.side == "delegate" }.map(\.id).sorted()
        let hosts = export.participants.filter { $0.side == "host" }.map(\.id).sorted()
        return [delegates.max { score($0) < score($1) }!, hosts.max { score($0) < score($1) }!]
    }

    @Test("a delegate's and a host's agenda, in each language, in CSV, ICS and HTML", arguments: ["toronto-forum-2025", "oakland-breakfast-2025"])
    func agendas(event: String) throws {
        let db = try Self.database()
        _ = try db.scheduleEvent(event, minMeetings: 1, keepPublished: false)
        let entry = try Self.entry(event)
        let export = try ScheduleExport.decode(try ScheduleJSON.data(try db.eventScheduleDocument(event)))
        let zone = try #require(entry["timeZone"] as? String ?? ["toronto-forum-2025": "America/Toronto", "oakland-breakfast-2025": "America/Los_Angeles"][event])
        let venue = try #require(Self.venues[event])
        var claimsChecked = 0, directions = Set<String>()
        for reader in Self.readers(export) {
            let stored = try db.company(id: reader).company
            let person = try #require(export.participants.first { $0.id == reader })
            let mine = export.meetings.filter { $0.delegate == reader || $0.host == reader }.sorted { $0.slot < $1.slot }
            try #require(!mine.isEmpty)
            let free = person.available.filter { slot in !mine.contains { $0.slot == slot } }
            for language in ["zh", "en", "fr"] {
                // The reader's company reads `language` best.
                var company = stored
                company.languages = [language] + stored.languages.filter { $0 != language }
                try db.save([company])
                let document = try db.eventScheduleDocument(event)
                let label = "\(event) \(reader) \(language)"

                // CSV.
                let csvFiles = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document).map { ($0.path, $0.data) })
                let csv = AgendaCSVFile(try #require(csvFiles["agendas/\(reader).csv"]))
                #expect(csv.hasByteOrderMark, "\(label)")
                #expect(csv.about.map(\.value).prefix(4) == ["\(stored.name) (\(reader))", entry["name"] as! String,
                                                             Self.date(entry["date"] as! String, language), venue], "\(label)")
                #expect(csv.about[4].value.hasPrefix(zone + " (UTC"), "\(label)")
                #expect(csv.header.count == 13, "\(label): a score column without --with-scores")
                #expect(csv.meetingRows.count == mine.count && csv.freeRows.count == free.count, "\(label)")
                for (row, meeting) in zip(csv.meetingRows, mine) {
                    let other = meeting.delegate == reader ? meeting.host : meeting.delegate
                    let times = Self.times(entry, slot: meeting.slot)
                    #expect(Array(row[0...5]) == [Self.date(entry["date"] as! String, language), times.start, times.end, "\(meeting.table)",
                                                  SampleEvents.rows[other]!["name"]!, other], "\(label)")
                    #expect(row[7] == SampleEvents.rows[other]!["city"]!, "\(label)")
                    let claims = Self.claims(row[12], language)
                    #expect(Set(claims) == Self.expectedClaims(meeting, reader: reader), "\(label) with \(other): \(row[12])")
                    Self.checkTruth(claims, reader: reader, counterpart: other, "\(label) CSV")
                    #expect(!row[12].contains("+0."), "\(label): a contribution without --with-scores")
                    claimsChecked += claims.count
                    directions.formUnion(claims.map(\.who))
                }
                for (row, slot) in zip(csv.freeRows, free) {
                    let times = Self.times(entry, slot: slot)
                    #expect([row[1], row[2]] == [times.start, times.end] && row[5].isEmpty, "\(label)")
                }

                // ICS.
                let calendars = Dictionary(uniqueKeysWithValues: ScheduleICS.files(document, stamp: Date()).map { ($0.path, $0.data) })
                let vevents = ICSFile(try #require(calendars["\(reader).ics"])).components("VEVENT")
                #expect(vevents.count == mine.count, "\(label)")
                for meeting in mine {
                    let other = meeting.delegate == reader ? meeting.host : meeting.delegate
                    let vevent = try #require(vevents.first { ICSFile.unescaped($0.value("UID") ?? "") == "\(event)/\(meeting.delegate)/\(meeting.host)@liaison" })
                    let times = Self.times(entry, slot: meeting.slot)
                    let day = (entry["date"] as! String).replacingOccurrences(of: "-", with: "")
                    #expect(vevent.property("DTSTART") == .init(name: "DTSTART", parameters: ["TZID=\(zone)"],
                                                                value: day + "T" + times.start.replacingOccurrences(of: ":", with: "") + "00"), "\(label)")
                    let name = SampleEvents.rows[other]!["name"]!
                    let title = ICSFile.unescaped(vevent.value("SUMMARY") ?? "")
                    #expect(title == ScheduleExportTests.title(name, cancelled: false, language: language), "\(label)")
                    #expect(ICSFile.unescaped(vevent.value("LOCATION") ?? "")
                            == "\(entry["name"] as! String), \(ScheduleExportTests.table(meeting.table, language: language)), \(venue)", "\(label)")
                    let description = ICSFile.unescaped(vevent.value("DESCRIPTION") ?? "")
                    #expect(description.hasPrefix("\(name) (\(other))"), "\(label)")
                    let claims = Self.claims(description, language)
                    #expect(Set(claims) == Self.expectedClaims(meeting, reader: reader), "\(label) ICS with \(other)")
                    Self.checkTruth(claims, reader: reader, counterpart: other, "\(label) ICS")
                }

                // HTML: the reader's section, in its language, a row per meeting and per free slot.
                let page = ScheduleHTML.page(document)
                let section = try #require(HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
                    .first { $0.contains("<span class=\"id\"> \(reader)</span>") })
                #expect(section.contains("<div lang=\"\(language)\">"), "\(label)")
                let where_ = HTMLText.shown(HTMLText.text(try #require(HTMLText.fragments(String(section), from: "<p class=\"where\">", to: "</p>").first)))
                #expect(where_.contains(Self.date(entry["date"] as! String, language)) && where_.contains(venue) && where_.contains(zone), "\(label)")
                let rows = HTMLText.fragments(String(section), from: "<tr>", to: "</tr>").dropFirst()
                #expect(rows.count == mine.count && HTMLText.count("<tr class=\"free\">", in: section) == free.count, "\(label)")
                for (row, meeting) in zip(rows, mine) {
                    let other = meeting.delegate == reader ? meeting.host : meeting.delegate
                    let cells = HTMLText.fragments(String(row), from: "<td", to: "</td>").map { HTMLText.shown(HTMLText.text($0.drop { $0 != ">" }.dropFirst())) }
                    let times = Self.times(entry, slot: meeting.slot)
                    #expect(cells[0] == "\(times.start)–\(times.end)" && cells[1] == "\(meeting.table)", "\(label)")
                    #expect(cells[2].hasPrefix(HTMLText.shown(SampleEvents.rows[other]!["name"]!)) && cells[2].contains(other), "\(label)")
                    let claims = Self.claims(cells[6], language)
                    #expect(Set(claims) == Self.expectedClaims(meeting, reader: reader), "\(label) HTML with \(other)")
                    Self.checkTruth(claims, reader: reader, counterpart: other, "\(label) HTML")
                }
            }
        }
        #expect(claimsChecked > 30, "only \(claimsChecked) reasons checked")
        #expect(directions.isSuperset(of: ["reader", "counterpart"]), "reasons of one direction only: \(directions)")
    }

    @Test("with --with-scores, agendas show each meeting's score and the reasons' contributions; without, none")
    func withScores() throws {
        let db = try Self.database()
        _ = try db.scheduleEvent("oakland-breakfast-2025", minMeetings: 1, keepPublished: false)
        let document = try db.eventScheduleDocument("oakland-breakfast-2025")
        let export = try ScheduleExport.decode(try ScheduleJSON.data(document))
        let reader = Self.readers(export)[1]
        let mine = export.meetings.filter { $0.host == reader }.sorted { $0.slot < $1.slot }
        let scored = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document, withScores: true).map { ($0.path, $0.data) })
        let csv = AgendaCSVFile(try #require(scored["agendas/\(reader).csv"]))
        #expect(csv.header.count == 14)
        #expect(csv.meetingRows.map { $0[13] } == mine.map { String(format: "%.4f", $0.score) })
        #expect(csv.meetingRows.allSatisfy { $0[12].contains("+0.") })
        let calendar = ICSFile(try #require(ScheduleICS.files(document, stamp: Date(), withScores: true).first { $0.path == "\(reader).ics" }).data)
        #expect(calendar.components("VEVENT").allSatisfy { ICSFile.unescaped($0.value("DESCRIPTION") ?? "").contains("+0.") })
        let plain = ICSFile(try #require(ScheduleICS.files(document, stamp: Date()).first { $0.path == "\(reader).ics" }).data)
        #expect(plain.components("VEVENT").allSatisfy { !ICSFile.unescaped($0.value("DESCRIPTION") ?? "").contains("+0.") })
        let page = ScheduleHTML.page(document), scoredPage = ScheduleHTML.page(document, withScores: true)
        for (html, shown) in [(page, false), (scoredPage, true)] {
            let section = try #require(HTMLText.fragments(html, from: "<section class=\"agenda\">", to: "</section>")
                .first { $0.contains("<span class=\"id\"> \(reader)</span>") })
            #expect(section.contains("+0.") == shown, "scores shown: \(shown)")
            #expect(mine.allSatisfy { section.contains(String(format: "%.4f", $0.score)) } == shown, "scores shown: \(shown)")
            // The organizer's figures are on the page either way.
            #expect(html.contains("Upper bound"))
        }
    }
}
