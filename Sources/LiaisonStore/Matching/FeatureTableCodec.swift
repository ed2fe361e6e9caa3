import Foundation
import LiaisonCore
import LiaisonKernel

/// The binary form of a feature table kept in the `feature_snapshot` table, so that a query reads
/// one value and a few array copies instead of every profile row.
///
/// Layout (little-endian, as the hosts Liaison runs on): magic `LFT3`; u32 sector count,
/// language count, rows, entries, id bytes, country bytes; each language as u8 length + UTF-8;
/// then the arrays one after the other: id offsets (i32 × rows+1), id bytes, country offsets,
/// country bytes, revisions (i64 × rows), row starts (i32 × rows+1), columns (i32 × entries),
/// values (f64 × entries: each entry as computed; the kernel's single-precision values are these
/// rounded). A snapshot of an earlier format is not read: the table is built again from the
/// profiles.
enum FeatureTableCodec {
    static let magic = Array("LFT3".utf8)
    /// More sectors or languages than this mark a corrupted snapshot.
    static let largestCount = 4096

    static func encode(_ table: FeatureTable) -> Data {
        var out = Data()
        out.append(contentsOf: magic)
        for value in [table.layout.sectorCount, table.languages.count, table.count, table.rows.values.count,
                      table.ids.bytes.count, table.countries.bytes.count] {
            out.appendRaw([UInt32(value)])
        }
        for language in table.languages {
            let utf8 = Array(language.utf8.prefix(255))
            out.append(UInt8(utf8.count))
            out.append(contentsOf: utf8)
        }
        out.appendRaw(table.ids.offsets)
        out.appendRaw(table.ids.bytes)
        out.appendRaw(table.countries.offsets)
        out.appendRaw(table.countries.bytes)
        out.appendRaw(table.revisions)
        out.appendRaw(table.rows.rowStart)
        out.appendRaw(table.rows.columnIndices)
        out.appendRaw(table.exactValues)
        return out
    }

    /// The table in `data`, or nil when it is not a consistent snapshot of this format.
    static func decode(_ data: Data) -> FeatureTable? {
        var input = RawReader(data: data)
        guard input.read(UInt8.self, count: 4) == magic,
              let header = input.read(UInt32.self, count: 6)?.map(Int.init) else { return nil }
        let (sectors, languageCount, rows, entries, idBytes, countryBytes) = (header[0], header[1], header[2], header[3], header[4], header[5])
        guard sectors <= Self.largestCount, languageCount <= Self.largestCount else { return nil }
        var languages: [String] = []
        for _ in 0..<languageCount {
            guard let length = input.read(UInt8.self, count: 1)?.first,
                  let utf8 = input.read(UInt8.self, count: Int(length)) else { return nil }
            languages.append(String(decoding: utf8, as: UTF8.self))
        }
        guard let idOffsets = input.read(Int32.self, count: rows + 1), let ids = input.read(UInt8.self, count: idBytes),
              let countryOffsets = input.read(Int32.self, count: rows + 1),
              let countries = input.read(UInt8.self, count: countryBytes),
              let revisions = input.read(Int64.self, count: rows), let rowStart = input.read(Int32.self, count: rows + 1),
              let columns = input.read(Int32.self, count: entries), let exactValues = input.read(Double.self, count: entries), input.isAtEnd,
              let idColumn = StringColumn(bytes: ids, offsets: idOffsets),
              let countryColumn = StringColumn(bytes: countries, offsets: countryOffsets)
        else { return nil }
        return FeatureTable(sectorCount: sectors, languages: languages, ids: idColumn, countries: countryColumn,
                            revisions: revisions, rowStart: rowStart, columnIndices: columns, exactValues: exactValues)
    }
}

extension Data {
    /// Appends the bytes of an array of plain values as they lie in memory.
    mutating func appendRaw<T: BitwiseCopyable>(_ values: [T]) {
        values.withUnsafeBytes { append(contentsOf: $0) }
    }
}

/// Reads arrays of plain values from bytes written by `appendRaw`; nil past the end.
struct RawReader {
    let data: Data
    private var position = 0

    init(data: Data) {
        self.data = data
    }

    var isAtEnd: Bool { position == data.count }

    mutating func read<T: BitwiseCopyable>(_ type: T.Type, count: Int) -> [T]? {
        let size = count * MemoryLayout<T>.stride
        guard count >= 0, position + size <= data.count else { return nil }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { bytes in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[position..<position + size]))
            }
            initialized = count
        }
        position += size
        return values
    }
}
