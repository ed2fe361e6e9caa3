/// Spreadsheet safety of CSV cells: a cell a spreadsheet would run as a formula is written so
/// that it is shown as text.
public enum CSVCell {
    /// The cell as a spreadsheet will show it, never as a formula: a cell that begins with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        return "'" + cell
    }
}
