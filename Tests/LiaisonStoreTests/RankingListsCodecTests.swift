import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Stored ranking lists") struct RankingListsCodecTests {
    /// Random lists of rows: empty ones, single rows, equal rows, and spans needing 1 to 4 bytes
    /// (up to the largest row an `Int32` holds).
    static func randomLists(_ random: inout SeededGenerator, lists: Int) -> (rows: [Int32], start: [Int32]) {
        var rows: [Int32] = [], start: [Int32] = [0]
        for _ in 0..<lists {
            let span = [0, 1, 255, 256, 65_535, 65_536, 1 << 24 - 1, 1 << 24, Int(Int32.max)].randomElement(using: &random)!
            let base = Int.random(in: 0...(Int(Int32.max) - span), using: &random)
            let count = [0, 1, 2, Int.random(in: 3...70, using: &random)].randomElement(using: &random)!
            for entry in 0..<count {
                // The list's two ends, then anything between, in no order.
                rows.append(Int32(entry == 0 ? base : entry == 1 ? base + span : Int.random(in: base...(base + span), using: &random)))
            }
            start.append(Int32(rows.count))
        }
        return (rows, start)
    }

    @Test("packed rows come back as they were, each list in the fewest bytes that hold its span", arguments: [1, 2, 3] as [UInt64])
    func packedRowsRoundTrip(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let (rows, start) = Self.randomLists(&random, lists: 400)
        let packed = PackedRows(rows, start: start)
        #expect(packed.rows(start: start) == rows)
        for list in 0..<start.count - 1 {
            let entries = rows[Int(start[list])..<Int(start[list + 1])]
            let span = Int(entries.max() ?? 0) - Int(entries.min() ?? 0)
            let bytes = span < 256 ? 1 : span < 65_536 ? 2 : span < 1 << 24 ? 3 : 4
            #expect(Int(packed.widths[list]) == bytes, "list \(list): span \(span)")
            #expect(packed.bases[list] == entries.min() ?? 0)
        }
        #expect(packed.bytes.count == packed.byteCount(start: start))
    }

    @Test("packed rows that do not fit their bounds are refused")
    func packedRowsRefuseInconsistentParts() {
        let packed = PackedRows([5, 9, 300, 7], start: [0, 2, 4])
        #expect(packed.rows(start: [0, 2, 4]) == [5, 9, 300, 7])
        #expect(packed.rows(start: [0, 1, 4]) == nil, "other bounds need other bytes")
        #expect(packed.rows(start: [0, 2]) == nil, "one list fewer")
        #expect(PackedRows(bases: packed.bases, widths: [1, 5], bytes: packed.bytes).rows(start: [0, 2, 4]) == nil, "a width of 5")
        #expect(PackedRows(bases: [Int32.max, 0], widths: [1, 2], bytes: [1, 1, 0, 0, 0, 0]).rows(start: [0, 2, 4]) == nil,
                "a row beyond Int32")
    }

    @Test("lists come back from their stored form as they were, without scores; damaged forms are refused")
    func listsRoundTrip() throws {
        var random = SeededGenerator(seed: 9)
        var ids = StringColumn()
        for index in 0..<500 { ids.append("C-\(index)") }
        let revisions = (0..<500).map { _ in Int64.random(in: 1...9, using: &random) }
        var lists = RankingLists(k: 5, depth: 8, ids: ids, revisions: revisions)
        for query in 0..<300 {
            let count = Int.random(in: 0...8, using: &random)
            let rows = (0..<500).shuffled(using: &random).prefix(count)
            let entries = rows.enumerated().map { (row: $0.element, score: 1 - Double($0.offset) / 10) }
            lists.append(query: query, target: ["US", "CA", "CN"][query % 3], complete: count < 8, entries: Array(entries))
        }
        let data = RankingListsCodec.encode(lists)
        let decoded = try #require(RankingListsCodec.decode(data))
        #expect(decoded.k == lists.k && decoded.depth == lists.depth && decoded.ids == lists.ids && decoded.revisions == lists.revisions)
        #expect(decoded.queries == lists.queries && decoded.targets == lists.targets && decoded.complete == lists.complete)
        #expect(decoded.start == lists.start && decoded.candidates == lists.candidates && decoded.floors == lists.floors)
        #expect(decoded.candidates.indices.allSatisfy { decoded.score($0).isNaN })
        #expect(PackedRows(lists.candidates, start: lists.start).bytes.count <= 2 * lists.candidates.count,
                "rows of 500 companies take at most 2 bytes, not 4")

        #expect(RankingListsCodec.decode(data.dropLast()) == nil, "cut short")
        #expect(RankingListsCodec.decode(data + [0]) == nil, "a byte too many")
        // LRL3's layout, and LRL4's (the same layout, floors of single-precision scores), are not read.
        for magic in ["LRL3", "LRL4"] {
            var older = data
            older.replaceSubrange(0..<4, with: Array(magic.utf8))
            #expect(RankingListsCodec.decode(older) == nil, "an older format: \(magic)")
        }
    }
}
