/// One row of a sheet, as a CSV file or a workbook's worksheet gives it: where it is and its
/// cells, before any meaning is given to them. The company reader (``CompanySheetSource``) reads
/// the header and the records of both kinds of file from these rows alone, so a sheet saved as CSV
/// and the same sheet as .xlsx import alike.
struct SheetRow: Sendable {
    /// Where the row is as a person finds it: a CSV record's first line, a worksheet's row number.
    var line: Int
    /// The cells' text in column order; a cell that could not be read is empty here.
    var cells: [String]
    /// The cells that could not be read, by index, each with why (not valid in the file's
    /// encoding, longer than a field may be, an error value such as `#N/A`).
    var unreadable: [Int: String] = [:]

    /// Whether every cell is empty or white space and none was unreadable: how spreadsheets write
    /// a blank row (`,,,` in CSV, formatted but empty cells in a worksheet).
    var isBlank: Bool {
        unreadable.isEmpty && cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}

/// The rows of one sheet, in order, read one at a time. `next()` throws an ``ImportProblem``
/// when the file cannot be read any further (malformed CSV quoting). A reader is a value: a copy
/// reads on from where it was copied, which is how the header is looked for below a title.
protocol SheetRowSource: Sendable {
    mutating func next() throws(ImportProblem) -> SheetRow?
    /// How problems name the column at `index` when it has no header: `column 3` in CSV,
    /// `column C` in a worksheet.
    func columnName(_ index: Int) -> String
    /// Whether every row must have as many cells as the header (CSV, where a missing or extra
    /// separator shifts every later value). A worksheet's cells have fixed columns: a short row
    /// is empty on its right, and a cell right of the header is a cell without a header.
    var rowsMatchHeaderWidth: Bool { get }
}
