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
}
