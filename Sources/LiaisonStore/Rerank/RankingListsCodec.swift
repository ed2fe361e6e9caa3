import Foundation
import LiaisonCore

/// The binary form of a run's ranking lists, kept for the current run only so that the next
/// incremental run knows them without reading every stored ranking row.
///
/// Layout: magic `LRL5`; u32 k, depth, ids, lists, entries, id bytes, target bytes, candidate
/// bytes; then the arrays: id offsets, id bytes, revisions (i64), queries (i32), target offsets,
/// target bytes, complete (u8), starts (i32), candidates as ``PackedRows`` (bases i32, widths u8,
/// bytes), floors (f64). Entries' scores are not kept: they would be two thirds of the size, and
/// the next run computes the few it needs again. `LRL5` has `LRL4`'s layout: its floors are of
/// exact scores (``FeatureTable/exactValues``), where `LRL4`'s were of single-precision rows, so a
/// run after `LRL4`'s starts from scratch.
enum RankingListsCodec {
    static let magic = Array("LRL5".utf8)

    static func encode(_ lists: RankingLists) -> Data {
        var targets = StringColumn()
        for target in lists.targets { targets.append(target) }
        let candidates = PackedRows(lists.candidates, start: lists.start)
        var out = Data(magic)
        out.appendRaw([lists.k, lists.depth, lists.ids.count, lists.count, lists.candidates.count,
                       lists.ids.bytes.count, targets.bytes.count, candidates.bytes.count].map(UInt32.init))
        out.appendRaw(lists.ids.offsets)
        out.appendRaw(lists.ids.bytes)
        out.appendRaw(lists.revisions)
        out.appendRaw(lists.queries)
        out.appendRaw(targets.offsets)
        out.appendRaw(targets.bytes)
        out.appendRaw(lists.complete.map { UInt8($0 ? 1 : 0) })
        out.appendRaw(lists.start)
        out.appendRaw(candidates.bases)
        out.appendRaw(candidates.widths)
        out.appendRaw(candidates.bytes)
        out.appendRaw(lists.floors)
        return out
    }

    static func decode(_ data: Data) -> RankingLists? {
        var input = RawReader(data: data)
        guard input.read(UInt8.self, count: 4) == magic, let header = input.read(UInt32.self, count: 8)?.map(Int.init) else { return nil }
        let (k, depth, idCount, listCount, entries, idBytes, targetBytes, candidateBytes) =
            (header[0], header[1], header[2], header[3], header[4], header[5], header[6], header[7])
        guard let idOffsets = input.read(Int32.self, count: idCount + 1), let ids = input.read(UInt8.self, count: idBytes),
              let revisions = input.read(Int64.self, count: idCount), let queries = input.read(Int32.self, count: listCount),
              let targetOffsets = input.read(Int32.self, count: listCount + 1), let targetText = input.read(UInt8.self, count: targetBytes),
              let complete = input.read(UInt8.self, count: listCount), let start = input.read(Int32.self, count: listCount + 1),
              let bases = input.read(Int32.self, count: listCount), let widths = input.read(UInt8.self, count: listCount),
              let packed = input.read(UInt8.self, count: candidateBytes), let floors = input.read(Double.self, count: listCount),
              input.isAtEnd, Int(start.last ?? -1) == entries,
              let candidates = PackedRows(bases: bases, widths: widths, bytes: packed).rows(start: start),
              let idColumn = StringColumn(bytes: ids, offsets: idOffsets),
              let targets = StringColumn(bytes: targetText, offsets: targetOffsets) else { return nil }
        return RankingLists(k: k, depth: depth, ids: idColumn, revisions: revisions, queries: queries,
                            targets: (0..<targets.count).map { targets[$0] }, complete: complete.map { $0 != 0 },
                            start: start, candidates: candidates, floors: floors)
    }
}
