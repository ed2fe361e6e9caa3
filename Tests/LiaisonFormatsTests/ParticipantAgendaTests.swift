import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// What an agenda shows beyond the meetings the sample tests check: contact details where given,
/// the interpreter where either side needs one, free slots, an empty agenda, the venue.
@Suite("Participant agendas on a document built by hand")
struct ParticipantAgendaTests {
    static func document(venue: String = "Harbour Hall, 1 Quay St, Toronto") -> ScheduleDocument {
        let event = EventSpec(id: "forum", name: "Forum", city: "Toronto", country: "CA", date: "2025-12-01", start: "09:00",
                              slots: 4, slotMinutes: 20, breakAfter: 2, breakMinutes: 10, tables: 3, timeZone: "America/Toronto", venue: venue)
        let delegate = Participant(company: "CN-1", side: .delegate, maxMeetings: 4, available: SlotSet([1, 2, 3]), interpreter: "zh-en")
        let host = Participant(company: "CA-1", side: .host, maxMeetings: 4, available: .all(4))
        let other = Participant(company: "CA-2", side: .host, maxMeetings: 4, available: .all(4), interpreter: "fr-en")
        let idle = Participant(company: "CA-3", side: .host, maxMeetings: 4, available: SlotSet([4]))
        let people: [String: ScheduleDocument.Person] = [
            "CN-1": .init(participant: delegate, name: "上海未来", city: "Shanghai", country: "CN", languages: ["zh", "en"],
                          offers: ["clean-energy"], seeks: ["capital-markets", "banking"]),
            "CA-1": .init(participant: host, name: "Maple Capital", city: "Toronto", country: "CA", languages: ["en"], offers: ["capital-markets"],
                          seeks: ["clean-energy"], contact: ContactDetails(contact: "Ann Lee", email: "ann@maple.example", phone: "+1 416 555 0100")),
            "CA-2": .init(participant: other, name: "Érable Banque", city: "Montréal", country: "CA", languages: ["fr", "en"], offers: ["banking"],
                          contact: ContactDetails(website: "https://erable.example")),
            "CA-3": .init(participant: idle, name: "Idle Ltd", city: "Ottawa", country: "CA", languages: ["en"]),
        ]
        let seek = MatchReason(kind: .youSeekTheyOffer, sector: "capital-markets", contribution: 0.3)
        let meetings = [
            ScheduleDocument.Entry(meeting: Meeting(delegate: "CN-1", host: "CA-1", slot: 1, table: 2, score: 0.4), reasons: [seek], sequence: 0),
            ScheduleDocument.Entry(meeting: Meeting(delegate: "CN-1", host: "CA-2", slot: 3, table: 1, score: 0.2), reasons: [], sequence: 0),
        ]
        return assemble(event, people: people, meetings: meetings)
    }

    /// A document of `meetings` between `people` at `event`, with figures that do not matter here.
    static func assemble(_ event: EventSpec, people: [String: ScheduleDocument.Person], meetings: [ScheduleDocument.Entry]) -> ScheduleDocument {
        let score = meetings.reduce(0) { $0 + $1.meeting.score }
        let report = try! JSONDecoder().decode(QualityReport.self, from: Data("""
            {"totalScore": \(score), "upperBound": \(score + 0.1), "ratio": 0.857, "meetings": \(meetings.count),
             "meetingsPerParticipant": {"min": 0, "median": 1, "max": 2},
             "minimumMeetings": 0, "underMinimum": [], "mustRequests": {"placed": 0, "asked": 0}, "otherRequests": {"placed": 0, "asked": 0},
             "idleGaps": {"mean": 0.5, "max": 1}, "tableChanges": 0}
            """.utf8))
        return ScheduleDocument(event: event, people: people, meetings: meetings, cancelled: [],
                                state: StoredSchedule(scheduledAt: "2025-11-30T10:00:00.000Z", minMeetings: 0, report: report,
                                                      unplacedRequests: [], changes: nil),
                                names: people.mapValues(\.name), taxonomy: TaxonomyFile.builtIn)
    }

    @Test("contact details and the interpreter appear where given, in CSV, ICS and HTML")
    func contactAndInterpreter() throws {
        let document = Self.document()
        let files = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document).map { ($0.path, $0.data) })
        let delegate = AgendaCSVFile(try #require(files["agendas/CN-1.csv"]))
        // The delegate needs zh-en; CA-2 needs fr-en: its meeting names both.
        #expect(delegate.meetingRows.map { [$0[4], $0[10], $0[11]] } == [
            ["Maple Capital", "Ann Lee · ann@maple.example · +1 416 555 0100", "zh-en"],
            ["Érable Banque", "https://erable.example", "zh-en, fr-en"],
        ])
        #expect(delegate.meetingRows.map { $0[8] } == ["资本市场", "银行"] && delegate.meetingRows[0][9] == "清洁能源")
        let host = AgendaCSVFile(try #require(files["agendas/CA-1.csv"]))
        #expect(host.meetingRows.map { [$0[10], $0[11], $0[12]] } == [["", "zh-en", "they seek capital markets, you offer it"]])
        #expect(host.meetingRows[0][9] == "Capital markets, Banking" && host.meetingRows[0][6] == "China")

        let calendar = ICSFile(try #require(ScheduleICS.files(document, stamp: Date()).first { $0.path == "CN-1.ics" }).data)
        let descriptions = calendar.components("VEVENT").map { ICSFile.unescaped($0.value("DESCRIPTION") ?? "") }
        #expect(descriptions[0].contains("联系方式：Ann Lee · ann@maple.example · +1 416 555 0100") && descriptions[0].contains("翻译：zh-en"))
        #expect(descriptions[1].contains("https://erable.example") && descriptions[1].contains("zh-en, fr-en"))
        #expect(!descriptions[1].contains("推荐理由"), "a meeting without reasons shows no reasons line")

        let page = ScheduleHTML.page(document)
        let section = try #require(HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
            .first { $0.contains("<span class=\"id\"> CN-1</span>") })
        #expect(HTMLText.text(section).contains("ann@maple.example") && HTMLText.text(section).contains("zh-en, fr-en"))
    }

    @Test("free slots are shown as free in the slots the participant is available in; an agenda without meetings says so")
    func freeAndEmpty() throws {
        let document = Self.document()
        let files = Dictionary(uniqueKeysWithValues: try ScheduleCSV.files(document).map { ($0.path, $0.data) })
        // CN-1 is available in 1-3 and meets in 1 and 3; 09:00, 09:20, then a 10-minute break: slot 3 at 09:50.
        let delegate = AgendaCSVFile(try #require(files["agendas/CN-1.csv"]))
        #expect(delegate.rows.map { [$0[1], $0[2], $0[4]] } == [["09:00", "09:20", "Maple Capital"], ["09:20", "09:40", "空闲"],
                                                                ["09:50", "10:10", "Érable Banque"]])
        let idle = AgendaCSVFile(try #require(files["agendas/CA-3.csv"]))
        #expect(idle.meetingRows.isEmpty && idle.rows.map { [$0[1], $0[4]] } == [["10:10", "Free"]])
        #expect(idle.value("Meetings") == "0")
        #expect(document.withoutMeetings == ["CA-3"])
        let page = ScheduleHTML.page(document)
        let section = try #require(HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
            .first { $0.contains("<span class=\"id\"> CA-3</span>") })
        #expect(HTMLText.text(section).contains("No meeting is scheduled for you."))
        #expect(ScheduleICS.files(document, stamp: Date()).contains { $0.path == "CA-3.ics" })
    }

    @Test("the venue is shown where given, else the city", arguments: ["Harbour Hall, 1 Quay St, Toronto", ""])
    func venue(venue: String) throws {
        let document = Self.document(venue: venue)
        let shown = venue.isEmpty ? "Toronto" : venue
        let agenda = AgendaCSVFile(try #require(try ScheduleCSV.files(document).first { $0.path == "agendas/CA-1.csv" }).data)
        #expect(agenda.value("Venue") == shown)
        #expect(agenda.value("Time zone") == "America/Toronto (UTC-05:00)")
        let calendar = ICSFile(try #require(ScheduleICS.files(document, stamp: Date()).first { $0.path == "CA-1.ics" }).data)
        #expect(calendar.components("VEVENT").map { ICSFile.unescaped($0.value("LOCATION") ?? "") } == ["Forum, table 2, \(shown)"])
        #expect(ScheduleHTML.page(document).contains(shown))
    }
}
