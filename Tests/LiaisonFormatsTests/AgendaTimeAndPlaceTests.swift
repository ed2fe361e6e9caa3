import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// Where and when, as agendas tell it: every country and language named in the reader's
/// language, the time zone's offset on each day of an event across a clock change, a calendar's
/// zone rules covering every day, each line of a multi-day agenda with its date, and no side
/// named in an open event.
@Suite("Agendas: country names, offsets, dates of several days, open events")
struct AgendaTimeAndPlaceTests {
    @Test("a country outside Liaison's own list is named in the reader's language, not left as its code", arguments: [
        ("ES", AgendaLanguage.en, "Spain"), ("ES", .zh, "西班牙"), ("ES", .fr, "Espagne"),
        ("NL", .en, "Netherlands"), ("NL", .zh, "荷兰"), ("NL", .fr, "Pays-Bas"),
        ("AE", .zh, "阿拉伯联合酋长国"), ("it", .fr, "Italie"),
        ("HK", .zh, "中国香港"), ("TW", .zh, "中国台湾"), ("MO", .en, "Macao, China"),
        ("CN", .en, "China"), ("US", .zh, "美国"),
    ])
    func countryNames(code: String, language: AgendaLanguage, expected: String) {
        #expect(CountryAndLanguageNames.country(code, in: language) == expected)
    }

    @Test("a code that names no country or language stays as it is")
    func unknownCodes() {
        for code in ["ZZ", "XX", "QO", "", "USA"] {
            #expect(CountryAndLanguageNames.country(code, in: .zh) == code.uppercased(), "\(code)")
        }
        #expect(CountryAndLanguageNames.language("nl", in: .fr) == "néerlandais")
        #expect(CountryAndLanguageNames.language("sv", in: .zh) == "瑞典语")
        #expect(CountryAndLanguageNames.language("qq", in: .en) == "qq")
    }

    static func event(_ dates: [String], zone: String, start: String = "09:00", pairing: Pairing = .sides) -> EventSpec {
        EventSpec(id: "forum", name: "Forum", city: "City", country: "ES",
                  days: dates.enumerated().map { EventDay(date: $1, start: $0 == 0 ? start : "09:30", slots: 2) },
                  slotMinutes: 30, tables: 2, timeZone: zone, pairing: pairing)
    }

    static func document(_ event: EventSpec) -> ScheduleDocument {
        let a = Participant(company: "CN-1", side: .delegate, maxMeetings: 4, available: .all(event.slots))
        let b = Participant(company: "ES-1", side: .host, maxMeetings: 4, available: .all(event.slots))
        let people: [String: ScheduleDocument.Person] = [
            "CN-1": .init(participant: a, name: "上海未来", city: "Shanghai", country: "CN", languages: ["zh"]),
            "ES-1": .init(participant: b, name: "Girona Foods", city: "Girona", country: "ES", languages: ["fr"]),
        ]
        let last = event.slots
        let meetings = [ScheduleDocument.Entry(meeting: Meeting(delegate: "CN-1", host: "ES-1", slot: last, table: 1, score: 0.4),
                                               reasons: [], sequence: 0)]
        return ParticipantAgendaTests.assemble(event, people: people, meetings: meetings)
    }

    @Test("an event on both sides of a clock change gives each offset from the day it holds, in the reader's language")
    func offsetsAcrossAClockChange() {
        let document = Self.document(Self.event(["2026-03-27", "2026-03-30"], zone: "Europe/Madrid"))
        #expect(ParticipantAgenda(of: "CN-1", in: document).timeZone == "Europe/Madrid (UTC+01:00；2026年3月30日起UTC+02:00)")
        #expect(ParticipantAgenda(of: "ES-1", in: document).timeZone == "Europe/Madrid (UTC+01:00; UTC+02:00 à partir du 30 mars 2026)")
        let toronto = Self.document(Self.event(["2026-10-30", "2026-11-02"], zone: "America/Toronto"))
        let csv = Dictionary(uniqueKeysWithValues: try! ScheduleCSV.files(toronto).map { ($0.path, $0.data) })
        #expect(AgendaCSVFile(csv["agendas/ES-1.csv"]!).value("Fuseau horaire") == "America/Toronto (UTC-04:00; UTC-05:00 à partir du 2 novembre 2026)")
        // Days on one side of the change: one offset, as before.
        let summer = Self.document(Self.event(["2026-06-01", "2026-06-02"], zone: "Europe/Madrid"))
        #expect(ParticipantAgenda(of: "CN-1", in: summer).timeZone == "Europe/Madrid (UTC+02:00)")
    }

    @Test("a calendar's zone rules cover every day of an event that runs into a later year")
    func zoneRulesCoverEveryDay() throws {
        let document = Self.document(Self.event(["2026-12-15", "2027-03-16"], zone: "America/Toronto"))
        let file = try #require(ScheduleICS.files(document, stamp: Date()).first { $0.path == "CN-1.ics" })
        let calendar = ICSFile(file.data)
        let zone = try #require(calendar.components("VTIMEZONE").first)
        let starts = zone.filter { $0.name == "DTSTART" }.map(\.value)
        // 2027-03-14 02:00: daylight saving time begins, two days before the second day.
        #expect(starts.contains("20270314T020000"), "\(starts)")
        let meeting = try #require(calendar.components("VEVENT").first)
        #expect(meeting.first { $0.name == "DTSTART" }?.value == "20270316T100000")
    }

    /// The observances of `zone`'s VTIMEZONE for an event on `days`: (DTSTART, TZOFFSETTO, TZNAME).
    private func observances(_ days: [String], zone: String) throws -> [(start: String, offset: String, name: String)] {
        let file = try #require(ScheduleICS.files(Self.document(Self.event(days, zone: zone)), stamp: Date()).first { $0.path == "CN-1.ics" })
        let lines = try #require(ICSFile(file.data).components("VTIMEZONE").first)
        let starts = lines.filter { $0.name == "DTSTART" }.map(\.value), offsets = lines.filter { $0.name == "TZOFFSETTO" }.map(\.value)
        let names = lines.filter { $0.name == "TZNAME" }.map(\.value)
        return zip(starts, zip(offsets, names)).map { ($0, $1.0, $1.1) }
    }

    @Test("a zone that changed its offset for good during the event's year has the observance in force on its first day")
    func zoneChangedThatYear() throws {
        // Asia/Almaty: UTC+6 until 2024-03-01, UTC+5 from then.
        let almaty = try observances(["2024-02-29", "2024-03-01"], zone: "Asia/Almaty")
        let first = try #require(almaty.first)
        #expect(first.start <= "20240229T000000" && first.offset == "+0600", "\(almaty)")
        #expect(almaty.contains { $0.start.hasPrefix("20240301") && $0.offset == "+0500" }, "\(almaty)")
        // A zone with no change, and one with daylight saving time: as before, one observance or the transitions.
        #expect(try observances(["2026-06-01"], zone: "Asia/Shanghai").map(\.offset) == ["+0800"])
        #expect(try observances(["2026-06-01"], zone: "America/Toronto").first?.start.hasPrefix("2025") == true)
    }

    @Test("each observance's name agrees with its offset, also where the system names another period's")
    func zoneNamesAgreeWithOffsets() throws {
        for (zone, day) in [("America/Mexico_City", "2022-10-29"), ("America/Whitehorse", "2020-10-31"), ("America/New_York", "2026-03-08"),
                            ("Asia/Kolkata", "2026-01-05"), ("Asia/Shanghai", "2026-01-05")] {
            for observance in try observances([day], zone: zone) where observance.name.hasPrefix("GMT") {
                let sign = observance.offset.hasPrefix("-") ? "-" : "+"
                let hours = Int(observance.offset.dropFirst().prefix(2))!, minutes = Int(observance.offset.suffix(2))!
                let expected = hours == 0 && minutes == 0 ? "GMT" : "GMT\(sign)\(hours)" + (minutes == 0 ? "" : ":\(observance.offset.suffix(2))")
                #expect(observance.name == expected, "\(zone) \(observance)")
            }
        }
    }

    @Test("each line of a multi-day agenda's page carries its date, and the head each day's start")
    func datesOnSeveralDays() {
        let html = ScheduleHTML.page(Self.document(Self.event(["2025-12-09", "2025-12-10"], zone: "America/Vancouver")))
        #expect(html.contains("2025-12-09 from 09:00, 2025-12-10 from 09:30"))
        let chinese = html.components(separatedBy: "<section class=\"agenda\">")[1]
        #expect(chinese.contains("<th>日期</th>"))
        #expect(chinese.contains("<td>2025年12月9日</td>") && chinese.contains("<td>2025年12月10日</td>"), "\(chinese)")
        let oneDay = ScheduleHTML.page(Self.document(Self.event(["2025-12-09"], zone: "America/Vancouver")))
        #expect(!oneDay.components(separatedBy: "<section class=\"agenda\">")[1].contains("<th>日期</th>"))
    }

    @Test("an open event's agendas name no side: any two participants may meet")
    func openEventsNameNoSide() {
        let open = ScheduleHTML.page(Self.document(Self.event(["2025-12-09"], zone: "Europe/Madrid", pairing: .open)))
        let sides = ScheduleHTML.page(Self.document(Self.event(["2025-12-09"], zone: "Europe/Madrid")))
        for word in ["代表团企业", "Hôte"] {
            #expect(sides.contains(word) && !open.contains(word), "\(word)")
        }
        #expect(open.contains("Girona, Espagne"))
    }
}
