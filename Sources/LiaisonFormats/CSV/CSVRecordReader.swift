import Foundation

/// A strict, streaming RFC 4180 reader that knows where each record starts.
///
/// It exists beside the CSV.swift dependency (used for writing) because an import must name
/// the line of every problem and must refuse malformed quoting; CSV.swift's reader reports
/// neither (an unterminated quote silently swallows the rest of the file). Records end at LF
/// or CRLF; quoted fields may span lines; blank lines are skipped; a leading UTF-8 BOM is ignored.
/// Field bytes must be UTF-8.
struct CSVRecordReader {
    /// One record: the 1-based line it starts on and its fields.
    struct Record {
        var line: Int
        var fields: [String]
        /// Indices of the fields whose bytes are not valid UTF-8 (they read as empty).
        var invalidUTF8Fields: [Int]
    }

    /// A structural error: the file cannot be read past this point.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    private let bytes: Data
    private var position: Int
    private var line = 1

    init(data: Data) {
        bytes = data
        position = data.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
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

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
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
        while true {
            fieldBytes.removeAll(keepingCapacity: true)
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
                    fieldBytes.append(byte)
                }
                if position < end {
                    let byte = buffer[position]
                    let atEndOfLine = byte == Self.newline
                        || (byte == Self.carriageReturn && position + 1 < end && buffer[position + 1] == Self.newline)
                    guard byte == Self.comma || atEndOfLine else {
                        throw SyntaxError(line: line, message: "unexpected text after a closing quote; a quote inside a quoted field is written twice (\"\")")
                    }
                    terminator = byte
                }
            } else {
                let start = position
                while position < end {
                    let byte = buffer[position]
                    if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { terminator = byte; break }
                    if byte == Self.quote {
                        throw SyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field and write inner quotes twice (\"\")")
                    }
                    position += 1
                }
                fieldBytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<position]))
            }
            if let text = String(validating: fieldBytes, as: UTF8.self) {
                record.fields.append(text)
            } else {
                record.invalidUTF8Fields.append(record.fields.count)
                record.fields.append("")
            }
            switch terminator {
            case Self.comma?:
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
