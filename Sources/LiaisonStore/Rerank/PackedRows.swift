/// Lists of row numbers packed small: each list as offsets from its smallest row, little-endian,
/// in the fewest bytes (1 to 4) that hold its largest offset. A list's rows are one country's,
/// so a host firm's list of delegates takes 2 bytes a row instead of 4.
struct PackedRows: Equatable {
    /// Per list: its smallest row (0 when empty), and the bytes of each offset.
    var bases: [Int32]
    var widths: [UInt8]
    /// Every list's offsets, one list after the other.
    var bytes: [UInt8]

    /// Packs `rows`, whose list i is `rows[start[i] ..< start[i + 1]]`; rows are not negative.
    init(_ rows: [Int32], start: [Int32]) {
        let lists = start.count - 1
        bases = [Int32](repeating: 0, count: lists)
        widths = [UInt8](repeating: 1, count: lists)
        var total = 0
        for list in 0..<lists {
            let entries = rows[Int(start[list])..<Int(start[list + 1])]
            guard let low = entries.min(), let high = entries.max() else { continue }
            let span = UInt32(high - low)
            bases[list] = low
            widths[list] = span < 1 << 8 ? 1 : span < 1 << 16 ? 2 : span < 1 << 24 ? 3 : 4
            total += entries.count * Int(widths[list])
        }
        bytes = [UInt8](repeating: 0, count: total)
        var position = 0
        for list in 0..<lists {
            let width = Int(widths[list]), base = bases[list]
            for row in rows[Int(start[list])..<Int(start[list + 1])] {
                var offset = UInt32(row - base)
                for _ in 0..<width {
                    bytes[position] = UInt8(truncatingIfNeeded: offset)
                    offset >>= 8
                    position += 1
                }
            }
        }
    }

    init(bases: [Int32], widths: [UInt8], bytes: [UInt8]) {
        self.bases = bases
        self.widths = widths
        self.bytes = bytes
    }

    /// The bytes that lists of these lengths take.
    func byteCount(start: [Int32]) -> Int {
        (0..<widths.count).reduce(0) { $0 + Int(start[$1 + 1] - start[$1]) * Int(widths[$1]) }
    }

    /// The rows again, given each list's bounds; nil when the parts do not fit together.
    func rows(start: [Int32]) -> [Int32]? {
        guard start.count == bases.count + 1, widths.count == bases.count, widths.allSatisfy({ (1...4).contains($0) }),
              zip(start, start.dropFirst()).allSatisfy({ 0 <= $0 && $0 <= $1 }), byteCount(start: start) == bytes.count else { return nil }
        var rows = [Int32](repeating: 0, count: Int(start.last ?? 0))
        var position = 0
        for list in 0..<bases.count {
            let width = Int(widths[list])
            for entry in Int(start[list])..<Int(start[list + 1]) {
                var offset: UInt32 = 0
                for byte in 0..<width { offset |= UInt32(bytes[position + byte]) << (8 * byte) }
                position += width
                let row = Int64(bases[list]) + Int64(offset)
                guard row <= Int64(Int32.max) else { return nil }
                rows[entry] = Int32(row)
            }
        }
        return rows
    }
}
