import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// The four writers read nothing but a schedule document: built here by hand, without a database.
@Suite("Schedule writers on a document built by hand")
struct ScheduleDocumentWritersTests {
    static func document() -> ScheduleDocument {
        let event = EventSpec(id: "forum", name: "Forum <b>", city: "Toronto", country: "CA", date: "2025-12-01", start: "09:00",
                              slots: 4, slotMinutes: 20, tables: 3, timeZone: "America/Toronto")
        let people = [
            Participant(company: "CN-1", side: .delegate, maxMeetings: 4, available: .all(4)),
            Participant(company: "CA-1", side: .host, maxMeetings: 4, available: .all(4)),
            Participant(company: "CA-2", side: .host, maxMeetings: 4, available: .all(4)),
        ]
        let names = ["CN-1": "上海未来 & Co", "CA-1": "Maple <script>", "CA-2": "Fern, Ltd"]
        let reason = MatchReason(kind: .youSeekTheyOffer, sector: "clean-energy", contribution: 0.3)
        let meetings = [
            ScheduleDocument.Entry(meeting: Meeting(delegate: "CN-1", host: "CA-1", slot: 1, table: 2, score: 0.4), reasons: [reason], sequence: 0),
            ScheduleDocument.Entry(meeting: Meeting(delegate: "CN-1", host: "CA-2", slot: 3, table: 1, score: 0.2), reasons: [], sequence: 1),
        ]
        let report = try! JSONDecoder().decode(QualityReport.self, from: Data("""
            {"totalScore": 0.6, "upperBound": 0.7, "ratio": 0.857, "meetings": 2, "meetingsPerParticipant": {"min": 1, "median": 1, "max": 2},
             "minimumMeetings": 0, "underMinimum": [], "mustRequests": {"placed": 0, "asked": 0}, "otherRequests": {"placed": 0, "asked": 0},
             "idleGaps": {"mean": 0.33, "max": 1}, "tableChanges": 0}
            """.utf8))
        return ScheduleDocument(
            event: event,
            people: Dictionary(uniqueKeysWithValues: people.map {
                ($0.company, ScheduleDocument.Person(participant: $0, name: names[$0.company]!, city: "", country: String($0.company.prefix(2))))
            }),
            meetings: meetings, cancelled: [],
            state: StoredSchedule(scheduledAt: "2025-11-30T10:00:00.000Z", minMeetings: 0, report: report, unplacedRequests: [], changes: nil),
            names: names, taxonomy: TaxonomyFile.builtIn)
    }

    @Test("CSV: a master list of every meeting and one agenda per participant with its own meetings")
    func csv() throws {
        let files = Dictionary(uniqueKeysWithValues: try ScheduleFormat.csv.files(Self.document(), stamp: Date()).map { ($0.path, $0.data) })
        #expect(Set(files.keys) == ["master.csv", "agendas/CN-1.csv", "agendas/CA-1.csv", "agendas/CA-2.csv"])
        let master = parseCSV(String(decoding: files["master.csv"]!, as: UTF8.self))
        #expect(master.count == 3 && master[1][4] == "CN-1" && master[1][6] == "CA-1")
        #expect(master[1].last == "you seek clean energy, they offer it +0.30")
        // Agendas: label–value rows, a blank row, column heads, then a row per slot (meeting or free).
        #expect(AgendaCSVFile(files["agendas/CN-1.csv"]!).meetingRows.count == 2)
        #expect(AgendaCSVFile(files["agendas/CA-2.csv"]!).meetingRows.count == 1)
    }

    @Test("ICS: one calendar per participant, one event per meeting with its sequence, every UID distinct")
    func ics() throws {
        let files = ScheduleICS.files(Self.document(), stamp: Date(timeIntervalSince1970: 0))
        #expect(files.map(\.path).sorted() == ["CA-1.ics", "CA-2.ics", "CN-1.ics"])
        let delegate = ICSFile(try #require(files.first { $0.path == "CN-1.ics" }).data).components("VEVENT")
        #expect(delegate.count == 2)
        #expect(Set(delegate.compactMap { $0.value("UID") }).count == 2)
        #expect(delegate.compactMap { $0.value("SEQUENCE") }.sorted() == ["0", "1"])
    }

    @Test("JSON: every meeting with its score; HTML: every name escaped")
    func jsonAndHTML() throws {
        var document = Self.document()
        document.people["CA-3"] = ScheduleDocument.Person(participant: Participant(company: "CA-3", side: .host, maxMeetings: 4, available: .all(4)),
                                                          name: "Birch", city: "", country: "CA")
        let json = try JSONSerialization.jsonObject(with: try ScheduleJSON.data(document)) as? [String: Any]
        #expect((json?["meetings"] as? [Any])?.count == 2)
        // Who has no meeting is named for scripts as `event report` names it.
        #expect(json?["withoutMeetings"] as? [String] == ["CA-3"])
        let page = ScheduleHTML.page(Self.document())
        #expect(!page.contains("<script>") && !page.contains("Forum <b>") && page.contains("Maple &lt;script&gt;"))
        #expect(page.contains("上海未来 &amp; Co"))
    }

    @Test("the HTML page says whether an exact search proved the breaks the fewest, and nothing when none ran")
    func breaksProof() {
        var document = Self.document()
        #expect(!ScheduleHTML.page(document).contains("proven"))
        document.state.report.breaks.fewestProven = true
        #expect(ScheduleHTML.page(document).contains("total 0 (the fewest possible: proven), max 0"))
        document.state.report.breaks.fewestProven = false
        #expect(ScheduleHTML.page(document).contains("total 0 (not proven the fewest), max 0"))
        document.state.report.breaks.tooLargeToSearch = true
        #expect(ScheduleHTML.page(document).contains("total 0 (too large for the exact search), max 0"))
    }
}
