import CSV
import Foundation

/// The one CSV writer of Liaison (through CSV.swift's writer): every cell, header included, is
/// neutralized (``CSVCell/neutralized(_:)``) so that no spreadsheet runs it as a formula; fields
/// are quoted where they hold a comma, a quote or a line break; every line, the last included,
/// ends in LF.
public enum CSVTable {
    public static func data(header: [String], rows: [[String]]) throws -> Data {
        let stream = OutputStream.toMemory()
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header.map(CSVCell.neutralized))
        for row in rows {
            try writer.write(row: row.map(CSVCell.neutralized))
        }
        stream.close()
        guard var data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
