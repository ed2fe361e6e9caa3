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
