import Foundation
import LiaisonFormats
import Testing

@Suite("Event files: a byte order mark, one day given two ways")
struct EventFileShapeTests {
    static let fields = #""id":"e1","name":"E","city":"Oakland","country":"US","slotMinutes":20,"tables":4"#
    static let oneDay = #""date":"2025-12-05","start":"08:00","slots":4"#

    @Test("a file saved as UTF-8 with a byte order mark reads as without it; a syntax error still says where, after the mark")
    func byteOrderMark() throws {
        let bom = Data([0xEF, 0xBB, 0xBF])
        let file = try EventFile.decode(bom + Data("{\(Self.fields),\(Self.oneDay)}".utf8))
        #expect(file.events.map(\.id) == ["e1"] && !file.isList)
        let list = try EventFile.decode(bom + Data("\n [{\(Self.fields),\(Self.oneDay)}]".utf8))
        #expect(list.events.map(\.id) == ["e1"] && list.isList)
        #expect(EventFileChoiceTests.refusal(String(decoding: bom + Data("[{\"id\": tru}]".utf8), as: UTF8.self))?.message
                    == "not valid JSON at line 1, column 12")
    }

    @Test("days and single-day fields that say otherwise are refused, naming the event and the fields: give one or the other")
    func daysAndSingleDayFields() throws {
        let days = #""days":[{"date":"2025-12-06","start":"14:00","slots":2}]"#
        let both = try #require(EventFileChoiceTests.refusal("{\(Self.fields),\(Self.oneDay),\(days)}"))
        #expect(both.field == "days")
        #expect(both.message == "event 'e1' gives days and also date, start, slots, which say otherwise (date '2025-12-05', "
                    + "where the days say '2025-12-06'): give one or the other", "\(both)")
        let nested = try #require(EventFileChoiceTests.refusal(#"[{"event":{"# + "\(Self.fields),\(days)" + #","breakMinutes":10}}]"#))
        #expect(nested.field == "[0].event.days" && nested.message.hasPrefix("event 'e1' gives days and also breakMinutes, "), "\(nested)")
    }

    @Test("single-day fields beside days are read when they say what event show prints for those days: its output imports back")
    func daysAndAgreeingFields() throws {
        let days = #""days":[{"date":"2025-12-05","start":"08:00","slots":4,"breakAfter":2,"breakMinutes":15},{"date":"2025-12-06","start":"09:00","slots":3}]"#
        let shown = #""date":"2025-12-05","start":"08:00","slots":7,"breakAfter":2,"breakMinutes":15"#
        let file = try EventFile.decode(Data("{\(Self.fields),\(shown),\(days)}".utf8))
        #expect(file.events.first?.days.map(\.slots) == [4, 3])
        // The first day's own slots are not the event's.
        #expect(EventFileChoiceTests.refusal("{\(Self.fields),\(shown.replacingOccurrences(of: "7", with: "4")),\(days)}")?.field == "days")
    }
}
