import Foundation
@testable import LiaisonFormats
@testable import LiaisonStore
import Testing

// Readers of our own for the schedule exports, so the tests never check the exports with the
// code that wrote them (CSV goes through the store's strict reader, which writing never uses).

/// CSV files read back as header + rows.
enum CSVFile {
    static func rows(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> (header: [String], rows: [[String]]) {
        var reader = CSVRecordReader(data: data)
        var records: [[String]] = []
        while let record = try reader.next() {
            #expect(record.invalidUTF8Fields.isEmpty, sourceLocation: sourceLocation)
            records.append(record.fields)
        }
        let header = try #require(records.first, "an empty CSV file", sourceLocation: sourceLocation)
        for row in records.dropFirst() { #expect(row.count == header.count, "\(row)", sourceLocation: sourceLocation) }
        return (header, Array(records.dropFirst()))
    }

    /// The characters a spreadsheet reads as the start of a formula.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a cell would be run as a formula by a spreadsheet.
    static func isFormula(_ cell: String) -> Bool {
        cell.unicodeScalars.first.map(formulaStarts.contains) ?? false
    }

    /// A cell as written, with the `'` that guards a formula-like text taken off.
    static func original(_ cell: String) -> String {
        let scalars = cell.unicodeScalars
        guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(String.UnicodeScalarView(scalars.dropFirst()))
    }
}
