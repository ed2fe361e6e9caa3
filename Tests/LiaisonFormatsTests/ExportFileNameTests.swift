import Foundation
import LiaisonFormats
import Testing

/// Issue 12, defect 5: an id of 21 emoji (84 bytes, accepted) gave a file name too long for the
/// file system.
@Suite("Export file names are bounded, unique and stable")
struct ExportFileNameTests {
    static let emoji21 = String(repeating: "🚀", count: 21)

    @Test("a long id gives a name within the byte budget, distinct from its neighbours and the same every time")
    func bounded() {
        let ids = [Self.emoji21, String(repeating: "🚀", count: 22), String(repeating: "🚀", count: 20) + "🌏",
                   String(repeating: "a", count: 300), String(repeating: "a", count: 299) + "b", String(repeating: "上", count: 100)]
        let names = ids.map(ExportFileName.component)
        for name in names {
            // Room for an extension and a temporary prefix under NAME_MAX (255).
            #expect(name.utf8.count <= 200, "\(name.utf8.count) bytes")
            #expect(!name.contains("/") && !name.hasPrefix("."))
        }
        #expect(Set(names).count == names.count)
        #expect(ids.map(ExportFileName.component) == names)
        #expect(ExportFileName.component("CN-0001") == "CN-0001")
        #expect(ExportFileName.component("BF/A") == "BF%2FA")
    }

    @Test("ids that one file system would take for one name get distinct names", arguments: [
        ["CN-a", "CN-A"], ["ÉCOLE", "école"], ["Caf\u{E9}-1", "CAF\u{C9}-1", "caf\u{E9}-1"],
    ])
    func foldingCollisions(ids: [String]) {
        let names = ExportFileName.components(ids + ["CN-0001"])
        let folded = Set(ids.map { names[$0]!.precomposedStringWithCanonicalMapping.lowercased() })
        #expect(folded.count == ids.count, "\(names)")
        #expect(ids.allSatisfy { names[$0]!.utf8.count <= ExportFileName.byteBudget })
        // Stable: the same ids give the same names, in any order; an id without a namesake keeps its plain name.
        #expect(ExportFileName.components((ids + ["CN-0001"]).reversed()) == names)
        #expect(names["CN-0001"] == "CN-0001")
    }
}
