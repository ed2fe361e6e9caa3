/// Spreadsheet safety of CSV cells: a cell a spreadsheet would run as a formula is written so
/// that it is shown as text, in a way a reader can undo exactly.
///
/// Every CSV Liaison writes goes through ``CSVTable``, which applies ``neutralized(_:)`` to each
/// cell; the company CSV reader applies ``original(_:)``, so an export imports back unchanged.
public enum CSVCell {
    /// What starts a formula in Excel, LibreOffice or WPS: `=`, `+`, `-`, `@` (and their
    /// full-width forms `＝`, `＋`, `－`, `＠`, which some spreadsheets fold), a tab, a carriage return.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// The cell as a spreadsheet will show it, never as a formula: a cell that is any number of
    /// `'` followed by a formula start is prefixed with one more `'`, e.g. `=1+1` → `'=1+1`,
    /// `'=x` → `''=x`. ``original(_:)`` undoes it.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first, first == UInt8(ascii: "'") || first >= 0x80 || isFormulaStartByte(first) else { return cell }
        return isGuardable(cell) ? "'" + cell : cell
    }

    /// The cell a ``neutralized(_:)`` cell was made from: one `'` is removed from a cell that is
    /// one or more `'` followed by a formula start; any other cell is returned as is.
    public static func original(_ cell: String) -> String {
        guard cell.utf8.first == UInt8(ascii: "'"), isGuardable(Substring(cell).dropFirst()) else { return cell }
        return String(cell.dropFirst())
    }

    /// Whether `cell` is `'`* followed by a formula start.
    private static func isGuardable(_ cell: some StringProtocol) -> Bool {
        cell.unicodeScalars.first { $0 != "'" }.map(formulaStarts.contains) ?? false
    }

    private static func isFormulaStartByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == 0x09 || byte == 0x0D
    }
}
