/// A plain-text table: a header row, aligned columns, numbers right-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    var rightAligned: Set<Int> = []

    init(_ header: [String], rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    /// Adds a row; control characters in its cells are shown as escapes, never sent to the terminal.
    mutating func append(_ row: [String]) {
        rows.append(row.map { TerminalText.safe($0) })
    }

    /// The table as lines of text, columns separated by two spaces, without trailing blanks.
    var text: String {
        let all = [header] + rows
        var widths = header.map(Self.displayWidth)
        for row in rows {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], Self.displayWidth(cell))
            }
        }
        return all.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - Self.displayWidth(cell))
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .replacing(/\s+$/, with: "")
        }
        .joined(separator: "\n")
    }

    /// Aligned `name  value` lines, for one record's fields; empty values are left out.
    static func fields(_ pairs: [(name: String, value: String)]) -> String {
        var table = TextTable(["", ""])
        for pair in pairs where !pair.value.isEmpty {
            table.append([pair.name, pair.value])
        }
        return table.text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n")
    }

    /// Columns a string takes in a terminal: East Asian wide characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
                width + 2
            case 0x200B...0x200F, 0x202A...0x202E, 0x0300...0x036F:
                width
            default:
                width + 1
            }
        }
    }
}
