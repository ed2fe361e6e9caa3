import ArgumentParser
import Foundation
import LiaisonFormats

/// How a command prints what it found: a table for people, CSV for spreadsheets, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

/// The `--format` option every listing and record command takes, and the one place that prints
/// their output in the chosen format (as sqlite-utils' `output_options` and `output_rows`).
struct OutputOptions: ParsableArguments {
    @Option(help: "Output format: table for people, csv for spreadsheets, json for scripts.")
    var format: OutputFormat = .table

    /// Prints `output` in the chosen format on standard output.
    func print(_ output: some CommandOutput) throws {
        switch format {
        case .json: Swift.print(try Output.json(output, context: output.jsonContext))
        case .csv: try Output.write(try CSVTable.data(header: output.columns, rows: output.rows))
        case .table: Swift.print(output.text)
        }
    }
}

/// What a command prints: its JSON form (the value itself), its rows (CSV and, by default, the
/// table) and its text for people.
protocol CommandOutput: Encodable {
    /// The CSV header (and the table's, by default).
    var columns: [String] { get }
    /// One array of cells per row, in the order of ``columns``.
    var rows: [[String]] { get }
    /// Columns of the table aligned to the right (numbers).
    var rightAligned: Set<Int> { get }
    /// Lines printed under the table, such as a count.
    var footer: [String] { get }
    /// The table format: by default the rows as an aligned table, then the footer.
    var text: String { get }
    /// What the JSON encoder is told (its `userInfo`), such as an event's pairing; none by default.
    var jsonContext: [CodingUserInfoKey: any Sendable] { get }
}

extension CommandOutput {
    var rightAligned: Set<Int> { [] }
    var footer: [String] { [] }
    var jsonContext: [CodingUserInfoKey: any Sendable] { [:] }

    var text: String {
        var table = TextTable(columns, rightAligned: rightAligned)
        for row in rows { table.append(row) }
        return ([table.text] + footer).joined(separator: "\n")
    }
}
