import Foundation
import LiaisonCore

/// A strict, streaming RFC 4180 reader that knows where each record starts.
///
/// It exists beside the CSV.swift dependency (used for writing) because an import must name
/// the line of every problem and must refuse malformed quoting; CSV.swift's reader reports
/// neither (an unterminated quote silently swallows the rest of the file). Records end at LF
/// or CRLF; quoted fields may span lines; blank lines are skipped; a leading UTF-8 BOM is ignored.
/// Fields are separated by a comma, or the delimiter given (`;` or a tab, as spreadsheets write in
/// some locales), and decoded from UTF-8 or the decoder given. A field longer than
/// ``CompanyText/maximumFieldBytes`` is skipped over without being copied and reported.
struct CSVRecordReader {
    /// One record: the 1-based line it starts on and its fields.
    struct Record {
        var line: Int
        var fields: [String]
        /// Indices of the fields whose bytes are not valid in the file's encoding (they read as empty).
        var invalidUTF8Fields: [Int]
        /// Indices of the fields longer than the limit (they read as empty).
        var overlongFields: [Int] = []
    }

    /// A structural error: the file cannot be read past this point.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    private let bytes: Data
    private var position: Int
    private var line = 1
    private let delimiter: UInt8
    private let decoder: FieldDecoder
    private let maximumFieldBytes: Int

    /// A reader of `data` from `start` (after a leading UTF-8 BOM when nil), on line `line`.
    init(data: Data, start: Int? = nil, line: Int = 1, delimiter: UInt8 = UInt8(ascii: ","), decoder: FieldDecoder = .utf8,
         maximumFieldBytes: Int = CompanyText.maximumFieldBytes) {
        bytes = data
        position = start ?? (data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        self.line = line
        self.delimiter = delimiter
        self.decoder = decoder
        self.maximumFieldBytes = maximumFieldBytes
    }

    /// The next record, nil at the end of the input.
    mutating func next() throws(SyntaxError) -> Record? {
        let data = bytes
        var result: Result<Record?, SyntaxError> = .success(nil)
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            result = Result { () throws(SyntaxError) -> Record? in try readRecord(buffer.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }

    private static let quote = UInt8(ascii: "\""),
                        newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private mutating func readRecord(_ buffer: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Record? {
        let end = buffer.count
        // Skip blank lines.
        while position < end, buffer[position] == Self.newline || buffer[position] == Self.carriageReturn {
            if buffer[position] == Self.newline { line += 1 }
            position += 1
        }
        guard position < end else { return nil }

        var record = Record(line: line, fields: [], invalidUTF8Fields: [])
        var fieldBytes: [UInt8] = []
        let delimiter = delimiter, limit = maximumFieldBytes
        while true {
            fieldBytes.removeAll(keepingCapacity: true)
            var overlong = false
            var terminator: UInt8? = nil
            if position < end, buffer[position] == Self.quote {
                let openedOn = line
                position += 1
                while true {
                    guard position < end else {
                        throw SyntaxError(line: openedOn, message: "a quoted field opened on line \(openedOn) is never closed")
                    }
                    let byte = buffer[position]
                    position += 1
                    if byte == Self.quote {
                        if position < end, buffer[position] == Self.quote {
                            fieldBytes.append(Self.quote)
                            position += 1
                            continue
                        }
                        break
                    }
                    if byte == Self.newline { line += 1 }
                    if fieldBytes.count < limit { fieldBytes.append(byte) } else { overlong = true }
                }
                if position < end {
                    let byte = buffer[position]
                    let atEndOfLine = byte == Self.newline
                        || (byte == Self.carriageReturn && position + 1 < end && buffer[position + 1] == Self.newline)
                    guard byte == delimiter || atEndOfLine else {
                        throw SyntaxError(line: line, message: "unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                    }
                    terminator = byte
                }
            } else {
                let start = position
                while position < end {
                    let byte = buffer[position]
                    if byte == delimiter || byte == Self.newline || byte == Self.carriageReturn { terminator = byte; break }
                    if byte == Self.quote {
                        throw SyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field and write inner quotes twice (\"\")")
                    }
                    position += 1
                }
                overlong = position - start > limit
                fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<min(position, start + limit)]))
            }
            if overlong {
                record.overlongFields.append(record.fields.count)
                record.fields.append("")
            } else if let text = decoder.decode(fieldBytes) {
                record.fields.append(text)
            } else {
                record.invalidUTF8Fields.append(record.fields.count)
                record.fields.append("")
            }
            switch terminator {
            case delimiter?:
                position += 1
            case Self.carriageReturn?:
                guard position + 1 < end, buffer[position + 1] == Self.newline else {
                    throw SyntaxError(line: line, message: "a bare carriage return outside quotes; lines end with LF or CRLF")
                }
                position += 2
                line += 1
                return record
            case Self.newline?:
                position += 1
                line += 1
                return record
            default:
                return record
            }
        }
    }
}
