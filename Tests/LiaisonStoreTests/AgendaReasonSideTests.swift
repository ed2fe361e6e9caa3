import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport
import Testing

/// Issue 12, defect 1: a host's agenda gave the delegate's reasons ("you seek digital
/// technology, they offer it" to US-0195, which offers it).
@Suite("Agendas give each reader the reasons from its own side")
struct AgendaReasonSideTests {
    /// Every "you seek S, they offer it" / "they seek S, you offer it" of an English text, as
    /// (sector name, whether the reader is the one who seeks).
    static func seekPhrases(_ text: String) -> [(sector: String, readerSeeks: Bool)] {
        var found: [(String, Bool)] = []
        for (pattern, readerSeeks) in [("you seek (.+?), they offer it", true), ("they seek (.+?), you offer it", false)] {
            let regex = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) {
                found.append((String(text[Range(match.range(at: 1), in: text)!]), readerSeeks))
            }
        }
        return found
    }

    /// The sector id of an English sector name as reasons write it (lower case).
    static let sectorIDs: [String: String] = Dictionary(uniqueKeysWithValues: TaxonomyFile.builtIn.sectors.map { ($0.name.lowercased(), $0.id) })

    @Test("oakland-breakfast-2025: every seek/offer reason in a host's CSV, ICS and HTML agenda is true of that host")
    func hostReasonsAreTheHosts() throws {
        let db = try SampleEvents.database()
        _ = try db.scheduleEvent("oakland-breakfast-2025", minMeetings: 1, keepPublished: false)
        let document = try db.eventScheduleDocument("oakland-breakfast-2025")
        let csv = Dictionary(uniqueKeysWithValues: try ScheduleFormat.csv.files(document, stamp: Date()).map { ($0.path, $0.data) })
        let ics = Dictionary(uniqueKeysWithValues: try ScheduleFormat.ics.files(document, stamp: Date()).map { ($0.path, $0.data) })
        let page = ScheduleHTML.page(document)
        let sections = HTMLText.fragments(page, from: "<section class=\"agenda\">", to: "</section>")
        var checked = 0
        for host in document.people.values.filter({ $0.participant.side == .host }).map(\.participant.company).sorted() {
            let calendar = ICSFile(try #require(ics["\(host).ics"]))
            let texts = [
                ("csv", String(decoding: try #require(csv["agendas/\(host).csv"]), as: UTF8.self)),
                ("ics", calendar.components("VEVENT").map { ICSFile.unescaped($0.value("DESCRIPTION") ?? "") }.joined(separator: "\n")),
                ("html", HTMLText.text(try #require(sections.first { $0.contains("<span class=\"id\"> \(host)</span>") }))),
            ]
            for (format, text) in texts {
                // Each phrase belongs to one meeting; check it against the host and every counterpart
                // named in its agenda: a true phrase is true of the host and some counterpart.
                let counterparts = document.agenda(of: host).map { document.counterpart(of: host, in: $0.meeting) }
                for phrase in Self.seekPhrases(text) {
                    let sector = try #require(Self.sectorIDs[phrase.sector], "\(phrase.sector)")
                    let (seeker, offerer) = phrase.readerSeeks ? ("reader", "counterpart") : ("counterpart", "reader")
                    let readerSide = phrase.readerSeeks ? "seeks" : "offers"
                    #expect(SampleEvents.sectors(host, readerSide).contains(sector),
                            "\(host) \(format): says the \(seeker) seeks \(sector) and the \(offerer) offers it, but \(host) does not \(readerSide.dropLast()) it")
                    let otherSide = phrase.readerSeeks ? "offers" : "seeks"
                    #expect(counterparts.contains { SampleEvents.sectors($0, otherSide).contains(sector) },
                            "\(host) \(format): no counterpart \(otherSide.dropLast()) \(sector)")
                    checked += 1
                }
            }
        }
        #expect(checked > 20, "only \(checked) phrases checked: the test checks too little")
    }
}
