import CSV
import Foundation

/// Writes tables as CSV (through CSV.swift's writer): fields quoted where they hold a comma,
/// a quote or a line break; every line, the last included, ends in LF.
public enum CSVTable {
    public static func data(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header)
        for row in rows {
            try writer.write(row: row)
        }
        stream.close()
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
