import Foundation
import LiaisonTestSupport
import Testing

/// `liaison companies import` with the .xlsx workbook an organizer has, through the binary.
@Suite("liaison companies import, with .xlsx workbooks")
struct WorkbookCLITests {
    typealias Cell = TestWorkbook.Cell

    /// A registration sheet as typed in Excel: a title row, a Chinese and English header, phone
    /// numbers and NAICS codes stored as numbers, a date, an empty cell, the organizer's columns.
    static let rows: [[String]] = [
        ["公司编号", "Company Name", "国家", "City", "Sector", "Looking for", "Phone", "NAICS", "Booth No", "Registered"],
        ["ACME SZ", "Acme Shenzhen Frozen Foods Co., Ltd.", "中国", "Shenzhen", "Frozen food exporter", "Cold chain logistics", "8675512345678", "311412", "A12", "2025-11-03"],
        ["SUNRISE-HF", "Sunrise Solar Technology", "CN", "Hefei", "Solar panels", "Energy storage", "+86 551 6543 2100", "", "A14", "2025-11-04"],
        ["BAY-LOG", "Bay Area Cold Chain LLC", "United States", "Oakland", "Cold chain logistics", "冷链物流", "5105550142", "493120", "", "2025-11-05"],
    ]

    /// The same sheet as the workbook stores it: numbers and dates as numbers, text as shared strings.
    static func workbook() throws -> Data {
        let serials = ["2025-11-03": "45964", "2025-11-04": "45965", "2025-11-05": "45966"]
        var cells: [[Cell]] = [[.inline("2025 CCPIT Delegation — Registration List")], []]
        for (index, row) in rows.enumerated() {
            cells.append(row.enumerated().map { column, text in
                guard index > 0 else { return .text(text) }
                if let serial = serials[text] { return .number(serial, style: .date) }
                if [6, 7].contains(column), !text.isEmpty, text.allSatisfy(\.isNumber) { return .number(text) }
                return .text(text)
            })
        }
        let book = TestWorkbook(sheets: [
            .init("Notes", state: "hidden", rows: TestWorkbook.table([["internal"]])),
            .init("Delegates", rows: cells.enumerated().map { index, row in
                TestWorkbook.Row(index + 1, row.enumerated().compactMap { column, cell in
                    if case .text("") = cell { return nil }  // an empty cell is not written
                    return (TestWorkbook.Sheet.letters(column), cell)
                })
            }),
            .init("Hosts", rows: TestWorkbook.table([["id", "name", "country", "industry"], ["US-9", "Other", "US", "retail"]])),
        ])
        return try book.data()
    }

    static func csv() -> String {
        rows.map { $0.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    @Test("a workbook imports the companies its sheet as CSV imports, saying which sheet it read")
    func sameAsCSV() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            try Self.workbook().write(to: directory.appendingPathComponent("delegates.xlsx"))
            try Self.csv().write(to: directory.appendingPathComponent("delegates.csv"), atomically: true, encoding: .utf8)
            let fromCSV = try LiaisonBinary.run(["companies", "import", "--db", "csv.sqlite", "delegates.csv"], in: directory)
            #expect(fromCSV.status == 0, "\(fromCSV.stderr)")
            let fromWorkbook = try LiaisonBinary.run(["companies", "import", "--db", "xlsx.sqlite", "delegates.xlsx"], in: directory)
            #expect(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
            #expect(fromWorkbook.lines.first == "delegates.xlsx: 3 companies")
            #expect(fromWorkbook.lines.contains { $0.hasPrefix("delegates.xlsx: sheet 'Delegates' read; 'Notes', 'Hosts' not; columns '公司编号' → id") },
                    "\(fromWorkbook.stdout)")
            #expect(fromWorkbook.stdout.contains("the header is on line 3: lines 1–2 above it skipped"), "\(fromWorkbook.stdout)")
            #expect(fromWorkbook.lines.last == "imported 3 companies: 3 new, 0 updated, 0 unchanged")

            let csvExport = try LiaisonBinary.run(["companies", "export", "--db", "csv.sqlite"], in: directory)
            let workbookExport = try LiaisonBinary.run(["companies", "export", "--db", "xlsx.sqlite"], in: directory)
            #expect(workbookExport.status == 0 && !workbookExport.stdout.isEmpty)
            #expect(workbookExport.stdout == csvExport.stdout)
            #expect(workbookExport.stdout.contains("8675512345678") && workbookExport.stdout.contains("2025-11-05"), "\(workbookExport.stdout)")

            // The same workbook renamed .csv is read as the workbook it is; --sheet picks another sheet.
            try FileManager.default.copyItem(at: directory.appendingPathComponent("delegates.xlsx"), to: directory.appendingPathComponent("renamed.csv"))
            let renamed = try LiaisonBinary.run(["companies", "import", "--db", "xlsx.sqlite", "renamed.csv"], in: directory)
            #expect(renamed.status == 0 && renamed.lines.last == "imported 3 companies: 0 new, 0 updated, 3 unchanged", "\(renamed.stdout)\(renamed.stderr)")
            let hosts = try LiaisonBinary.run(["companies", "import", "--db", "xlsx.sqlite", "--sheet", "Hosts", "delegates.xlsx"], in: directory)
            #expect(hosts.status == 0 && hosts.lines.contains("delegates.xlsx: sheet 'Hosts' read; 'Notes', 'Delegates' not"), "\(hosts.stdout)\(hosts.stderr)")
        }
    }

    @Test("an unknown --sheet, --sheet without a workbook, and a password-protected file are refused in one line each, writing nothing")
    func refusals() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            try Self.workbook().write(to: directory.appendingPathComponent("delegates.xlsx"))
            try Self.csv().write(to: directory.appendingPathComponent("delegates.csv"), atomically: true, encoding: .utf8)
            let encrypted = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
                + "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            try Data(encrypted).write(to: directory.appendingPathComponent("locked.xlsx"))

            let cases: [([String], String)] = [
                (["--sheet", "Guests", "delegates.xlsx"], "Error: nothing imported, 1 problem:\ndelegates.xlsx: --sheet: no sheet 'Guests' in this workbook; its sheets are 'Notes', 'Delegates', 'Hosts'"),
                (["--sheet", "Delegates", "delegates.csv"], "Error: nothing imported, 1 problem:\n--sheet: Delegates: no file is a workbook (.xlsx): a CSV or JSON Lines file has no sheets"),
                (["locked.xlsx"], "Error: nothing imported, 1 problem:\nlocked.xlsx:1: file: is a password-protected workbook, which Liaison cannot open"),
            ]
            for (arguments, expected) in cases {
                let run = try LiaisonBinary.run(["companies", "import", "--db", "db.sqlite"] + arguments, in: directory)
                #expect(run.status == 1, "\(arguments)")
                #expect(run.stderr.hasPrefix(expected), "\(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 2, "\(run.stderr)")
                let export = try LiaisonBinary.run(["companies", "export", "--db", "db.sqlite"], in: directory)
                #expect(export.lines.count <= 1, "nothing written: \(export.stdout)")
            }
            let export = try LiaisonBinary.run(["companies", "export", "--format", "xlsx", "--db", "db.sqlite"], in: directory)
            #expect(export.status == 64 && export.stderr.contains("'xlsx' is invalid") && export.stderr.contains("'csv' and 'jsonl'"), "\(export.stderr)")
        }
    }
}
