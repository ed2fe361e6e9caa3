import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One XML part of a workbook, read as a stream of events by Foundation's `XMLParser`.
///
/// No part of a workbook Excel, WPS or LibreOffice writes has a document type declaration, and
/// a part that has one is refused before parsing: without a DTD there are no entities to expand,
/// so none can reach outside the file (an external entity) or multiply (a "billion laughs").
/// External entities are not resolved in any case.
///
/// Element and attribute names are given without their namespace prefix (`x:row` is `row`),
/// as some writers prefix SpreadsheetML and Excel does not.
enum XMLPart {
    /// An element's start: its local name and attributes by local name.
    struct Start {
        var name: String
        var attributes: [String: String]

        subscript(_ attribute: String) -> String? { attributes[attribute] }
    }

    /// Parses `data`, calling `start` at each element's start, `text` with its character data (in
    /// pieces), and `end` at its end with its local name. `part` names it in problems.
    static func parse(_ data: Data, part: String, start: @escaping (Start) throws(WorkbookProblem) -> Void,
                      text: @escaping (String) -> Void = { _ in },
                      end: @escaping (String) throws(WorkbookProblem) -> Void = { _ in }) throws(WorkbookProblem) {
        if let encoding = foreignEncoding(data) {
            throw WorkbookProblem("its part \(part) is written in \(encoding), where every spreadsheet writes UTF-8; refused for safety: "
                                  + "open the workbook in the spreadsheet and save it again as .xlsx or CSV UTF-8")
        }
        if hasDocumentType(data) {
            throw WorkbookProblem("its part \(part) declares a document type (<!DOCTYPE>), which no spreadsheet writes; refused for safety: "
                                  + "open the workbook in the spreadsheet and save it again as .xlsx or CSV UTF-8")
        }
        let events = Events(start: start, text: text, end: end)
        // Read from a stream, which hands libxml2 the part in pieces: given whole, a part past
        // 10 MB (a worksheet of some 40,000 rows, which Excel writes on one line) exceeds what it
        // takes in one piece, and parsing fails at its end.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.delegate = events
        let parsed = withExtendedLifetime(events) { parser.parse() }
        if let problem = events.problem { throw problem }
        guard parsed else {
            throw WorkbookProblem("is a damaged workbook: its part \(part) is not well-formed XML (line \(parser.lineNumber)); "
                                  + "open it in the spreadsheet and save it again as .xlsx or CSV UTF-8")
        }
    }

    /// The encoding of `data` when it is not one that writes `<!DOCTYPE` as ASCII does — UTF-16
    /// or -32, EBCDIC, UTF-7… — told by its first bytes or its declaration; nil for UTF-8 and
    /// the other ASCII-based encodings. In those others a document type would pass unseen.
    static func foreignEncoding(_ data: Data) -> String? {
        let head = data.prefix(1_024)
        let text = head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0x00, 0x3C]) || head.starts(with: [0x3C, 0x00]) {
            return "UTF-16"
        }
        guard let first = text.first(where: { !$0.isASCIIWhitespace }) else { return nil }
        if first != UInt8(ascii: "<") || text.contains(0) { return "an encoding other than UTF-8" }
        let start = String(decoding: text.prefix { $0 != UInt8(ascii: ">") }, as: UTF8.self)
        guard start.hasPrefix("<?xml"), let declared = start.firstMatch(of: /encoding\s*=\s*["']([^"']*)["']/)?.output.1 else { return nil }
        let name = declared.lowercased()
        let asciiBased = ["utf-8", "utf8", "us-ascii", "ascii", "latin1"].contains(name) || name.hasPrefix("iso-8859-") || name.hasPrefix("windows-125")
        return asciiBased ? nil : String(declared.prefix(40))
    }

    /// Whether `data` holds `<!DOCTYPE` (in any case) anywhere.
    private static func hasDocumentType(_ data: Data) -> Bool {
        let pattern = Array("<!doctype".utf8)
        return data.withUnsafeBytes { raw -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count >= pattern.count else { return false }
            var index = 0
            while index <= bytes.count - pattern.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "!"),
                   (2..<pattern.count).allSatisfy({ bytes[index + $0] | 0x20 == pattern[$0] }) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// The name without its namespace prefix.
    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The parser's delegate: hands each event on, and stops the parser at the first problem.
    private final class Events: NSObject, XMLParserDelegate {
        typealias StartHandler = (Start) throws(WorkbookProblem) -> Void
        typealias EndHandler = (String) throws(WorkbookProblem) -> Void
        let start: StartHandler
        let text: (String) -> Void
        let end: EndHandler
        var problem: WorkbookProblem?

        init(start: @escaping StartHandler, text: @escaping (String) -> Void, end: @escaping EndHandler) {
            self.start = start
            self.text = text
            self.end = end
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            guard problem == nil else { return }
            var local: [String: String] = [:]
            for (key, value) in attributes { local[XMLPart.localName(key)] = value }
            do { try start(Start(name: XMLPart.localName(elementName), attributes: local)) } catch {
                problem = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if problem == nil { text(string) }
        }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            if problem == nil { text(String(decoding: block, as: UTF8.self)) }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            guard problem == nil else { return }
            do { try end(XMLPart.localName(elementName)) } catch {
                problem = error
                parser.abortParsing()
            }
        }
    }
}
