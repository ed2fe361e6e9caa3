import Foundation
import LiaisonCore

/// Reads companies from one worksheet of an .xlsx workbook, as a CSV file of the same sheet is
/// read (``CompanySheetSource``): the first worksheet that is not hidden, in tab order, or the
/// one `--sheet` names. Its rows are its row numbers: problems name `file.xlsx:7: country: …`.
enum CompanyWorkbookSource {
    /// The layout of the workbook `data` and a source at its first record.
    static func open(_ data: Data, file: String, columns mapping: HeaderMapping, sheet wanted: String?,
                     limits: WorkbookLimits) -> (layout: CompanyFileLayout, source: any CompanyRecordSource) {
        var layout = CompanyFileLayout(file: file, readAs: .xlsx)
        func refuse(line: Int = 1, field: String = "file", _ message: String) -> (layout: CompanyFileLayout, source: any CompanyRecordSource) {
            layout.problems.append(ImportProblem(file: file, line: line, field: field, message: message))
            return (layout, CompanySheetSource<WorksheetRows>.refusing())
        }
        do throws(WorkbookProblem) {
            var workbook = try XLSXWorkbook(data, limits: limits)
            let sheets = workbook.sheets
            let chosen: XLSXWorkbook.Sheet
            if let wanted {
                // The sheet of exactly that name, else the one it names ignoring case and spaces around.
                let key = wanted.trimmingCharacters(in: .whitespaces).lowercased()
                guard let named = sheets.first(where: { $0.name == wanted })
                    ?? sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key }) else {
                    return refuse(line: 0, field: "--sheet", "no sheet \(CompanyText.quoted(wanted)) in this workbook; its sheets are "
                                  + sheets.map { CompanyText.quoted($0.name) }.joined(separator: ", "))
                }
                guard named.isWorksheet else {
                    return refuse(line: 0, field: "--sheet", "\(CompanyText.quoted(named.name)) is a chart sheet, not a worksheet of cells")
                }
                chosen = named
            } else {
                // Excel keeps at least one sheet visible; a file that hides them all is read by its first.
                chosen = sheets.first { $0.isWorksheet && !$0.hidden } ?? sheets.first(where: \.isWorksheet)!
            }
            layout.sheet = chosen.name
            layout.otherSheets = sheets.filter { $0 != chosen }.map(\.name)
            let rows = try workbook.rows(of: chosen)
            return CompanySheetSource.open(WorksheetRows(rows: rows), layout: layout, columns: mapping)
        } catch {
            return refuse(line: error.row ?? 1, error.message)
        }
    }
}

/// The rows of a worksheet, read whole, as ``CompanySheetSource`` reads them.
struct WorksheetRows: SheetRowSource {
    let rows: [SheetRow]
    private var position = 0

    init(rows: [SheetRow]) {
        self.rows = rows
    }

    mutating func next() throws(ImportProblem) -> SheetRow? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }

    func columnName(_ index: Int) -> String { "column \(XLSXWorksheet.columnLetters(index))" }

    var rowsMatchHeaderWidth: Bool { false }
}
