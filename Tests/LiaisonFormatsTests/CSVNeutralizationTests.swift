import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonTestSupport
import Testing

/// Defect 7 of issue 12: formula neutralization in every CSV writer, reversibly.
@Suite("CSV cells are never run as formulas, and the guard can be undone")
struct CSVNeutralizationTests {
    static let hostile = [
        "=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2", "@SUM(1)", "\tTabbed", "\rReturn", "＝1+1", "＋1", "－1", "＠SUM(1)",
        "'=x", "''+1", "'", "''", "'plain", "plain", "", "a=1", "上海", "=", "'＝x",
    ]

    /// Whether a spreadsheet would run `cell` as a formula.
    static func isFormula(_ cell: String) -> Bool {
        guard let first = cell.unicodeScalars.first else { return false }
        return ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"].contains(first)
    }

    @Test("neutralized cells never start a formula, and original(_:) gives each cell back", arguments: hostile)
    func reversible(cell: String) {
        let written = CSVCell.neutralized(cell)
        #expect(!Self.isFormula(written), "\(written.debugDescription)")
        #expect(CSVCell.original(written) == cell)
    }

    @Test("distinct cells stay distinct once neutralized")
    func injective() {
        let written = Self.hostile.map(CSVCell.neutralized)
        #expect(Set(written).count == Set(Self.hostile).count)
    }

    @Test("full-width formula starts are guarded too", arguments: ["＝1+1", "＋1", "－1", "＠SUM(1)"])
    func fullWidth(cell: String) {
        #expect(CSVCell.neutralized(cell) == "'" + cell)
    }

    @Test("CSVTable, the one writer, guards every cell of the header and the rows")
    func tableGuardsEveryCell() throws {
        let data = try CSVTable.data(header: ["=header", "ok"], rows: Self.hostile.map { [$0, "x"] })
        let rows = parseCSV(String(decoding: data, as: UTF8.self))
        #expect(rows.count == Self.hostile.count + 1)
        for cell in rows.joined() {
            #expect(!Self.isFormula(cell), "\(cell.debugDescription) would run as a formula")
        }
        #expect(rows.dropFirst().map { CSVCell.original($0[0]) } == Self.hostile)
    }

    @Test("a company export guards formula-like names, contacts and kept columns")
    func companyExportGuards() throws {
        let company = Company(id: "=ID", name: "@SUM(1)", country: "CN", region: "+1", offers: SectorProfile(["retail": 1]),
                              phone: "+86 755 1234 5678", extras: [ExtraField(name: "Note", value: "＝HYPERLINK(\"x\")")])
        let data = try CompanyWriter.data([company], format: .csv)
        for cell in parseCSV(String(decoding: data, as: UTF8.self)).joined() {
            #expect(!Self.isFormula(cell), "\(cell.debugDescription) would run as a formula")
        }
    }
}
