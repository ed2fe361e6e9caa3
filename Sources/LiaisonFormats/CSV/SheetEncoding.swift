import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text encodings a spreadsheet's CSV export comes in, and how Liaison tells them apart
/// without guessing silently: a byte-order mark decides (UTF-8, UTF-16); otherwise a file that is
/// valid UTF-8 is UTF-8, and one that is not but reads as Chinese in GB18030 (which includes GBK
/// and GB2312, what Excel and WPS write for "CSV" on a Chinese system) is GB18030, and the import
/// says so — also when a few of its bytes are not GB18030 (fewer places than break UTF-8): then
/// only the fields holding them are refused. A file whose bytes fit GB18030's shape but not
/// Chinese text — fewer than half its two-byte characters in GB2312's range, as when a Western
/// sheet (Windows-1252: `Québec`) puts accented letters before plain ones — is not read as
/// GB18030. A file that is neither is read as UTF-8 and every field that is not valid UTF-8 is
/// refused, naming its line and column.
public enum SheetEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16 = "UTF-16"
    case gb18030 = "GB18030"

    /// The encoding of `data`, the offset where its text starts (after a byte-order mark), and
    /// whether the bytes, when not UTF-8, are not well-formed GB18030 either.
    static func detect(_ data: Data) -> (encoding: SheetEncoding, start: Int, neitherUTF8NorGB18030: Bool) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8WithBOM, 3, false) }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return (.utf16, 2, false) }
        return data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if isUTF8(bytes) { return (.utf8, 0, false) }
            let shape = gb18030Shape(bytes)
            let chinese = shape.gb2312 * 2 >= shape.pairs
            if chinese && (shape.breaks == 0 || shape.breaks < utf8Breaks(bytes)) { return (.gb18030, 0, false) }
            return (.utf8, 0, true)
        }
    }

    /// Whether `bytes` are well-formed UTF-8 (shortest forms, no surrogates, at most U+10FFFF).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = bytes.count
        while index < end {
            // ASCII runs, eight bytes at a time.
            while index + 8 <= end,
                  UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < end else { break }
            let length = utf8SequenceLength(bytes, at: index)
            guard length > 0 else { return false }
            index += length
        }
        return true
    }

    /// The length of the well-formed UTF-8 sequence at `index` (shortest forms, no surrogates, at
    /// most U+10FFFF; 1 for ASCII), 0 when the bytes there are none.
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int, low: UInt8, high: UInt8
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return 0
        }
        guard index + length <= bytes.count, (low...high).contains(bytes[index + 1]) else { return 0 }
        for offset in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[index + offset]) { return 0 }
        return length
    }

    /// How `bytes` fit GB18030's structure — ASCII, two-byte sequences (lead 0x81–0xFE, trail
    /// 0x40–0x7E or 0x80–0xFE) and four-byte sequences (0x81–0xFE, 0x30–0x39, 0x81–0xFE,
    /// 0x30–0x39): the places that break it (each read past by one byte), the two-byte
    /// characters, and how many of those are in GB2312's range (both bytes 0xA1–0xFE), where
    /// nearly every character of Chinese text falls. No trail byte is a quote, a separator or a
    /// line end, so CSV can be split on bytes.
    static func gb18030Shape(_ bytes: UnsafeBufferPointer<UInt8>) -> (breaks: Int, pairs: Int, gb2312: Int) {
        var index = 0, breaks = 0, pairs = 0, gb2312 = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard (0x81...0xFE).contains(lead), index + 1 < end else { breaks += 1; index += 1; continue }
            let second = bytes[index + 1]
            if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
                pairs += 1
                if lead >= 0xA1 && second >= 0xA1 { gb2312 += 1 }
                index += 2
                continue
            }
            guard (0x30...0x39).contains(second), index + 3 < end,
                  (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) else { breaks += 1; index += 1; continue }
            index += 4
        }
        return (breaks, pairs, gb2312)
    }

    /// How many places of `bytes` break UTF-8, each read past by one byte.
    static func utf8Breaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0, breaks = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 { breaks += 1; index += 1 } else { index += length }
        }
        return breaks
    }

    /// The first line of a file read as GB18030 that is UTF-8 instead, as when rows saved as UTF-8
    /// are appended to a GBK sheet; nil when there is none. A line counts when it is valid UTF-8
    /// and either
    ///
    /// - holds at least two non-ASCII characters and a byte in 0x80–0xA0. GB2312, the range of
    ///   nearly all Chinese text in a GBK file, writes each character with both bytes in
    ///   0xA1–0xFE, so its lines never hold such a byte, though some are valid UTF-8 by chance
    ///   (`食品` and `展位` are); a UTF-8 line of Chinese nearly always holds one, as each
    ///   character's two trailing bytes are 0x80–0xBF (a line of n Chinese characters escapes
    ///   with a chance of about 0.23ⁿ). Of the 1,075 Chinese names and aliases in Liaison's
    ///   sources written in GBK, 18 are valid UTF-8 with two non-ASCII characters, and none of
    ///   them holds such a byte; or
    /// - holds only Latin letters and signs beyond ASCII (U+00A0–U+024F: `é`, `ü`, `·`), one of
    ///   them next to an ASCII letter, as in `Café Québec` or `Jean·Paul`: in GBK those bytes
    ///   are Chinese characters (`茅`, `眉`, `路`) glued to Latin words, and a Chinese line of
    ///   them alone, valid as UTF-8, is rarer still.
    static func firstUTF8Line(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var line = 1, index = 0, characters = 0, lowByte = false, valid = true, latin = 0, latinByLetter = false
            func isLetter(_ position: Int) -> Bool {
                bytes.indices.contains(position) && (bytes[position] | 0x20) >= 0x61 && (bytes[position] | 0x20) <= 0x7A
            }
            func isUTF8Text() -> Bool { valid && (characters >= 2 && lowByte || characters > 0 && latin == characters && latinByLetter) }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    if isUTF8Text() { return line }
                    (line, characters, lowByte, valid, latin, latinByLetter) = (line + 1, 0, false, true, 0, false)
                    index += 1
                } else if byte < 0x80 || !valid {
                    index += 1
                } else {
                    let length = utf8SequenceLength(bytes, at: index)
                    guard length > 0 else { valid = false; index += 1; continue }
                    lowByte = lowByte || (index..<index + length).contains { bytes[$0] <= 0xA0 }
                    // U+00A0–U+024F: two bytes led by 0xC2 (from 0xA0 on) to 0xC9.
                    if length == 2, (0xC2...0xC9).contains(byte), byte != 0xC2 || bytes[index + 1] >= 0xA0 {
                        latin += 1
                        latinByLetter = latinByLetter || isLetter(index - 1) || isLetter(index + 2)
                    }
                    characters += 1
                    index += length
                }
            }
            return isUTF8Text() ? line : nil
        }
    }

    /// Whether `data` looks like UTF-16 (or UTF-32) saved without a byte-order mark: a quarter or
    /// more of its first bytes are zero, as every ASCII character's other byte is, where a
    /// spreadsheet's text holds none.
    static func looksLikeUTF16WithoutMark(_ data: Data) -> Bool {
        let head = data.prefix(4096)
        return !head.isEmpty && head.reduce(0) { $1 == 0 ? $0 + 1 : $0 } * 4 >= head.count
    }

    /// UTF-16 text with a byte-order mark as UTF-8 bytes, nil when it is not valid UTF-16.
    static func utf8(fromUTF16 data: Data) -> Data? {
        let encoding: String.Encoding = data.starts(with: [0xFF, 0xFE]) ? .utf16LittleEndian : .utf16BigEndian
        return String(data: data.dropFirst(2), encoding: encoding).map { Data($0.utf8) }
    }
}

/// Turns a field's bytes into text in the file's encoding.
enum FieldDecoder {
    case utf8
    case gb18030(GB18030Converter)

    func decode(_ bytes: [UInt8]) -> String? {
        switch self {
        case .utf8: String(validating: bytes, as: UTF8.self)
        case .gb18030(let converter): converter.decode(bytes)
        }
    }
}

/// GB18030 to UTF-8 through the C library's iconv (Foundation on Linux has no GB18030).
/// One converter serves one thread.
final class GB18030Converter: @unchecked Sendable {
    #if canImport(Glibc)
    private let descriptor: iconv_t

    /// Nil when the system cannot convert GB18030 (glibc's gconv modules are missing).
    init?() {
        guard let descriptor = iconv_open("UTF-8", "GB18030"), descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// The text of `bytes`, nil when they are not valid GB18030.
    func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                _ = iconv(descriptor, nil, nil, nil, nil)
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    #else
    private let encoding = String.Encoding(rawValue: 0x8000_0632)  // kCFStringEncodingGB_18030_2000

    init?() {}

    func decode(_ bytes: [UInt8]) -> String? {
        String(data: Data(bytes), encoding: encoding)
    }
    #endif
}
