import Foundation
import LiaisonFormats
import LiaisonTestSupport
import Testing

/// Goal 1 of issue 12 and defects 7, 8, 12 and 14, through the `liaison` binary.
@Suite("liaison companies import, with organizers' sheets")
struct SheetCLITests {
    static let fixtures = Repository.root.appendingPathComponent("Tests/Fixtures")
    static let sheets = ["registration-sheet-utf8-bom-semicolons.csv", "registration-sheet-gb18030.csv"]
        .map { fixtures.appendingPathComponent($0).path }

    @Test("both spellings import the committed sheets, saying how each was read and each sector inferred")
    func importSheets() throws {
        for command in [["companies", "import"], ["import", "companies"]] {
            try LiaisonBinary.withWorkingDirectory { directory in
                let run = try LiaisonBinary.run(command + ["--db", "sheet.sqlite"] + Self.sheets, in: directory)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.lines.first == "registration-sheet-utf8-bom-semicolons.csv: 6 companies")
                #expect(run.lines.contains { $0.hasSuffix("registration-sheet-gb18030.csv: GB18030; columns '公司编号' → id, '公司名称' → name, '国家' → country, '城市' → city, '行业' → industry, '需求' → seeks, '联系人' → contact, '邮箱' → email, '电话' → phone, '网站' → website; kept '展位号'") },
                        "\(run.stdout)")
                #expect(run.lines.contains { $0.hasPrefix("'Solar panels' → clean-energy (alias 'solar'): industry of 1 company, first ") })
                #expect(run.lines.last == "imported 10 companies: 10 new, 0 updated, 0 unchanged")
            }
        }
    }

    @Test("--strict refuses the inferred values and writes nothing; --columns renames a kept column")
    func strictAndColumns() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let strict = try LiaisonBinary.run(["companies", "import", "--strict", "--db", "s.sqlite"] + Self.sheets, in: directory)
            #expect(strict.status != 0)
            #expect(strict.stderr.contains("nothing imported, 6 problems:"), "\(strict.stderr)")
            #expect(strict.stderr.contains(":4: Sector (industry): 'Solar panels' is no sector's id, name or alias"), "\(strict.stderr)")

            let mapped = try LiaisonBinary.run(["companies", "import", "--db", "s.sqlite", "--columns", "Booth No=booth,展位号=booth"] + Self.sheets,
                                               in: directory)
            #expect(mapped.status == 0, "\(mapped.stderr)")
            let show = try LiaisonBinary.run(["companies", "show", "ACME SZ", "--db", "s.sqlite"], in: directory)
            #expect(show.lines.contains("  booth  A12"), "\(show.stdout)")
            #expect(show.lines.contains { $0.hasPrefix("email") && $0.hasSuffix("li.wei@acme-sz.cn") })

            let bad = try LiaisonBinary.run(["companies", "import", "--db", "s.sqlite", "--columns", "Booth No"] + Self.sheets, in: directory)
            #expect(bad.status != 0)
            #expect(bad.stderr.contains("--columns"))
        }
    }

    @Test("--columns given twice: both mappings apply; a header mapped in both is refused")
    func columnsTwice() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            try "id,name,country,industry,Target,Booth No\nX-1,Alpha,CN,Food,Retail,A12\n"
                .write(to: directory.appendingPathComponent("sheet.csv"), atomically: true, encoding: .utf8)
            let twice = try LiaisonBinary.run(["companies", "import", "--db", "s.sqlite", "--columns", "Target=seeks", "--columns", "Booth No=booth",
                                               "sheet.csv"], in: directory)
            #expect(twice.status == 0, "\(twice.stderr)")
            let show = try LiaisonBinary.run(["companies", "show", "X-1", "--db", "s.sqlite"], in: directory)
            #expect(show.lines.contains("  booth  A12") && show.stdout.contains("(retail)") && !show.stdout.contains("Target"), "\(show.stdout)")
            let again = try LiaisonBinary.run(["companies", "import", "--db", "s.sqlite", "--columns", "Target=seeks", "--columns", "target=notes",
                                               "sheet.csv"], in: directory)
            #expect(again.status != 0 && again.stderr.contains("a second time"), "\(again.stderr)")
        }
    }

    @Test("defect 14: companies show, list and export JSON use camelCase keys")
    func camelCase() throws {
        try Scenario.withImported { directory in
            let id = Scenario.allCompanies[0].id
            for (command, shows) in [(["companies", "show", id, "--format", "json"], true), (["companies", "list", "--format", "json"], true),
                                     (["export", "companies", "--format", "jsonl"], false)] {
                let run = try LiaisonBinary.run(command + ["--db", Scenario.database], in: directory)
                #expect(run.status == 0)
                #expect(!run.stdout.contains("updated_at"), "\(command)")
                #expect(run.stdout.contains("\"updatedAt\"") == shows, "\(command)")
            }
        }
    }

    @Test("defect 7: companies list --format csv and export companies guard formulas; the export imports back identical")
    func formulasGuarded() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let sheet = """
                id,name,country,city,offers,phone,Note
                =A1,"=HYPERLINK(""http://x"")",CN,@SUM(1),retail,+86 10 1234 5678,－1
                'B2,'=kept as written,US,,retail,,＠x
                """
            try Data(sheet.utf8).write(to: directory.appendingPathComponent("hostile.csv"))
            #expect(try LiaisonBinary.run(["import", "companies", "--db", "a.sqlite", "hostile.csv"], in: directory).status == 0)
            for command in [["companies", "list", "--format", "csv"], ["export", "companies"]] {
                let run = try LiaisonBinary.run(command + ["--db", "a.sqlite"], in: directory)
                for cell in parseCSV(run.stdout).joined() {
                    #expect(!["=", "+", "-", "@", "＝", "＋", "－", "＠"].contains(cell.first.map(String.init) ?? ""), "\(command): \(cell)")
                }
            }
            #expect(try LiaisonBinary.run(["export", "companies", "--db", "a.sqlite", "-o", "out.csv"], in: directory).status == 0)
            #expect(try LiaisonBinary.run(["import", "companies", "--db", "b.sqlite", "out.csv"], in: directory).status == 0)
            let first = try LiaisonBinary.run(["export", "companies", "--db", "a.sqlite", "--format", "jsonl"], in: directory)
            let second = try LiaisonBinary.run(["export", "companies", "--db", "b.sqlite", "--format", "jsonl"], in: directory)
            #expect(first.stdout == second.stdout)
            #expect(first.stdout.contains(#""name":"=HYPERLINK(\"http:\/\/x\")""#) || first.stdout.contains(#""name":"=HYPERLINK(\"http://x\")""#))
            // A cell guarded by a `'` reads as the text it guards, as Liaison's own export writes it.
            #expect(first.stdout.contains(#""name":"=kept as written""#) && first.stdout.contains(#""id":"'B2""#))
        }
    }

    @Test("defects 8 and 12: a NUL is refused with file:line:field; an id with a space imports")
    func nulAndSpaces() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            try Data("id,name,country,offers\nUMH PR-A,UMH,US,real-estate\nX-1,ab\u{0}cd,US,retail\n".utf8)
                .write(to: directory.appendingPathComponent("nul.csv"))
            let run = try LiaisonBinary.run(["import", "companies", "--db", "n.sqlite", "nul.csv"], in: directory)
            #expect(run.status != 0)
            #expect(run.stderr.contains("nul.csv:3: name: holds the control character U+0000"), "\(run.stderr)")
            try Data("id,name,country,offers\nUMH PR-A,UMH,US,real-estate\n".utf8).write(to: directory.appendingPathComponent("ok.csv"))
            #expect(try LiaisonBinary.run(["import", "companies", "--db", "n.sqlite", "ok.csv"], in: directory).status == 0)
            let show = try LiaisonBinary.run(["companies", "show", "UMH PR-A", "--db", "n.sqlite"], in: directory)
            #expect(show.status == 0 && show.lines.first == "id        UMH PR-A")
        }
    }
}
