import Foundation
import LiaisonFormats
import LiaisonTestSupport
import Testing

@Suite("Schedule writers' text rules")
struct ScheduleTextRulesTests {
    @Test("CSV: the guard function leaves ordinary text alone and guards each formula start", arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        // `'=x` gains a second `'` so that the guard can be undone exactly (CSVCell.original).
        ("a=1", "a=1"), ("", ""), ("'=x", "''=x"), ("上海", "上海"),
    ])
    func neutralized(cell: String, expected: String) {
        #expect(CSVCell.neutralized(cell) == expected)
    }

    @Test("ICS: TEXT escaping round-trips", arguments: [
        "plain", "a,b;c\\d", "line\nbreak", "crlf\r\nbreak", "trailing\\", "上海,未来;科技\\有限公司", "🚀;🌏,👨‍👩‍👧‍👦",
    ])
    func icsEscaping(text: String) {
        let escaped = ScheduleICS.escaped(text)
        #expect(!escaped.contains("\n") && !escaped.contains("\r"))
        // Every ; , and \ in the escaped text is escaped (preceded by an odd run of backslashes).
        #expect(ICSFile.unescaped(escaped) == text.replacingOccurrences(of: "\r\n", with: "\n"))
        var backslashes = 0
        for character in escaped {
            if (character == ";" || character == ",") { #expect(backslashes % 2 == 1, "\(escaped)") }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        #expect(backslashes % 2 == 0, "a dangling backslash in \(escaped)")
    }

    @Test("ICS: folding keeps every physical line within 75 octets and unfolds to the original line", arguments: [
        String(repeating: "a", count: 200), String(repeating: "上", count: 60), String(repeating: "🚀", count: 40),
        "SUMMARY:" + String(repeating: "é", count: 80), String(repeating: "x", count: 75), String(repeating: "x", count: 76),
    ])
    func icsFolding(line: String) {
        let lines = ScheduleICS.folded(line)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.map(\.utf8.count))")
        #expect(lines.dropFirst().allSatisfy { $0.unicodeScalars.first == " " })
        #expect(ICSFile.unfolded(lines) == line)
    }

    @Test("ICS: a character cluster longer than a line is still folded within 75 octets")
    func icsFoldingLongCluster() {
        // One grapheme cluster of 81 octets: e and 40 combining acute accents.
        let line = "SUMMARY:Meeting with Z" + "e" + String(repeating: "\u{301}", count: 40) + "nith Ltd"
        let lines = ScheduleICS.folded(line)
        #expect(ICSFile.unfolded(lines) == line)
        #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(lines.map(\.utf8.count))")
    }
}
