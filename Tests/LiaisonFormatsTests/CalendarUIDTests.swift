import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonTestSupport
import Testing

/// Issue 12, defect 4: UIDs collided when ids hold `/` (UQ/A–B and UQ–A/B both gave
/// `uqev/UQ/A/B@liaison`).
@Suite("Calendar UIDs are unambiguous and stable")
struct CalendarUIDTests {
    static func document(event: String = "uqev", pairs: [(String, String)]) -> ScheduleDocument {
        let spec = EventSpec(id: event, name: "UQ", city: "Toronto", country: "CA", date: "2025-12-01", start: "09:00",
                             slots: pairs.count, slotMinutes: 20, tables: 2, timeZone: "America/Toronto")
        let delegates = Set(pairs.map(\.0)), hosts = Set(pairs.map(\.1))
        let people = delegates.map { Participant(company: $0, side: .delegate, maxMeetings: 9, available: .all(pairs.count)) }
            + hosts.map { Participant(company: $0, side: .host, maxMeetings: 9, available: .all(pairs.count)) }
        let meetings = pairs.enumerated().map { index, pair in
            ScheduleDocument.Entry(meeting: Meeting(delegate: pair.0, host: pair.1, slot: index + 1, table: 1, score: 0.5), reasons: [], sequence: 0)
        }
        let report = try! JSONDecoder().decode(QualityReport.self, from: Data("""
            {"totalScore": 0, "upperBound": 0, "ratio": 1, "meetings": \(meetings.count), "meetingsPerParticipant": {"min": 1, "median": 1, "max": 1},
             "minimumMeetings": 0, "underMinimum": [], "mustRequests": {"placed": 0, "asked": 0}, "otherRequests": {"placed": 0, "asked": 0},
             "idleGaps": {"mean": 0, "max": 0}, "tableChanges": 0}
            """.utf8))
        return ScheduleDocument(
            event: spec,
            people: Dictionary(uniqueKeysWithValues: people.map { ($0.company, ScheduleDocument.Person(participant: $0, name: $0.company, city: "", country: "")) }),
            meetings: meetings, cancelled: [],
            state: StoredSchedule(scheduledAt: "2025-11-30T10:00:00.000Z", minMeetings: 0, report: report, unplacedRequests: [], changes: nil),
            names: [:], taxonomy: TaxonomyFile.builtIn)
    }

    /// UID → the pairs (delegate, host) whose VEVENTs carry it, over every calendar.
    static func uids(_ document: ScheduleDocument) -> [String: Set<[String]>] {
        var seen: [String: Set<[String]>] = [:]
        for file in ScheduleICS.files(document, stamp: Date(timeIntervalSince1970: 0)) {
            for vevent in ICSFile(file.data).components("VEVENT") {
                let uid = ICSFile.unescaped(vevent.value("UID") ?? "")
                let summary = ICSFile.unescaped(vevent.value("SUMMARY") ?? "")
                let owner = String(file.path.dropLast(4)).removingPercentEncoding ?? file.path
                let other = String(summary.split(separator: " ").last ?? "")
                let pair = document.people[owner]?.participant.side == .delegate ? [owner, other] : [other, owner]
                seen[uid, default: []].insert(pair)
            }
        }
        return seen
    }

    @Test("ids holding / % @ never give two pairs one UID", arguments: [
        [("UQ/A", "B"), ("UQ", "A/B")], [("A%2FB", "C"), ("A/B", "C")], [("A@x", "B"), ("A", "x@B")], [("A", "B/C/D"), ("A/B", "C/D"), ("A/B/C", "D")],
    ])
    func unambiguous(pairs: [(String, String)]) {
        let uids = Self.uids(Self.document(pairs: pairs))
        #expect(uids.count == pairs.count, "\(uids)")
        for (uid, owners) in uids {
            #expect(owners.count == 1, "\(uid) is shared by \(owners)")
            #expect(uid.hasSuffix("@liaison") && uid.components(separatedBy: "@").count == 2, "\(uid)")
        }
    }

    @Test("a UID depends only on the event and the pair: the same across exports, and unchanged for plain ids")
    func stable() {
        let first = Self.uids(Self.document(pairs: [("UQ/A", "B"), ("CN-1", "CA-1")]))
        let again = Self.uids(Self.document(pairs: [("CN-1", "CA-1"), ("X", "Y"), ("UQ/A", "B")]))
        #expect(Set(first.keys).isSubset(of: Set(again.keys)))
        #expect(first.keys.contains("uqev/CN-1/CA-1@liaison"))
    }
}
