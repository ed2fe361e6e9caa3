import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("liaison, end to end")
struct CLITests {
    @Test("the binary under test exists")
    func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: LiaisonBinary.executable.path),
                "no liaison at \(LiaisonBinary.executable.path); run `swift build` first or set LIAISON_BIN")
    }

    @Test("init creates the database, then finds it up to date")
    func initTwice() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let first = try LiaisonBinary.run(["init", "--db", "events.sqlite"], in: directory)
            #expect(first.status == 0)
            #expect(first.lines.first == "events.sqlite: created")
            #expect(first.stdout.contains("applied migration"))
            #expect(first.stdout.contains("\(TaxonomyFile.builtIn.count) sectors (loaded)"))
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("events.sqlite").path))

            let second = try LiaisonBinary.run(["init", "--db", "events.sqlite"], in: directory)
            #expect(second.status == 0)
            #expect(second.lines.first == "events.sqlite: up to date")
            #expect(!second.stdout.contains("applied migration"))
            #expect(!second.stdout.contains("(loaded)"))
        }
    }

    @Test("generate writes the same bytes for the same seed, and other bytes for another seed")
    func generateIsDeterministic() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            func generate(seed: Int, into folder: String) throws -> [Data] {
                let run = try LiaisonBinary.run(["generate", "--seed", "\(seed)", "--delegates", "20", "--us", "30", "--ca", "10", "-o", folder],
                                                in: directory)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.lines.count == 3)
                return try ["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"].map {
                    try Data(contentsOf: directory.appendingPathComponent(folder).appendingPathComponent($0))
                }
            }
            let first = try generate(seed: 77, into: "a")
            let again = try generate(seed: 77, into: "b/nested")
            let other = try generate(seed: 78, into: "c")
            #expect(first == again)
            for (one, another) in zip(first, other) {
                #expect(one != another)
            }
        }
    }

    @Test("generate writes what the generator makes, as importable CSV")
    func generateMatchesGenerator() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let run = try LiaisonBinary.run(Scenario.generateArguments, in: directory)
            #expect(run.status == 0)
            for file in Scenario.files {
                let written = try Data(contentsOf: directory.appendingPathComponent("scenario/\(file.file)"))
                #expect(written == (try CompanyWriter.data(Scenario.companies(of: file.side), format: .csv)))
                #expect(run.stdout.contains("scenario/\(file.file): \(file.count) companies"))
            }
        }
    }

    @Test("import companies prints the counts per file and in total; importing again changes nothing")
    func importCounts() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            #expect(try LiaisonBinary.run(Scenario.generateArguments, in: directory).status == 0)
            let arguments = ["import", "companies", "--db", Scenario.database] + Scenario.files.map { "scenario/\($0.file)" }
            let total = Scenario.files.reduce(0) { $0 + $1.count }
            let perFile = Scenario.files.map { "\($0.file): \($0.count) companies" }

            let first = try LiaisonBinary.run(arguments, in: directory)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.lines == perFile + ["imported \(total) companies: \(total) new, 0 updated, 0 unchanged"])

            let again = try LiaisonBinary.run(arguments, in: directory)
            #expect(again.lines == perFile + ["imported \(total) companies: 0 new, 0 updated, \(total) unchanged"])
        }
    }

    @Test("import --dry-run reports what would change and writes nothing")
    func dryRun() throws {
        try Scenario.withImported { directory in
            let edited = try String(contentsOf: directory.appendingPathComponent("scenario/us-firms.csv"), encoding: .utf8)
                .replacingOccurrences(of: "US-0002,", with: "US-0002,Renamed ")
            try Data(edited.utf8).write(to: directory.appendingPathComponent("edited.csv"))
            let before = try LiaisonBinary.run(["export", "companies", "--db", Scenario.database], in: directory)

            let run = try LiaisonBinary.run(["import", "companies", "--dry-run", "--db", Scenario.database, "edited.csv"], in: directory)
            #expect(run.status == 0)
            #expect(run.lines.last == "would import 7 companies: 0 new, 1 updated, 6 unchanged (dry run, nothing written)")
            let after = try LiaisonBinary.run(["export", "companies", "--db", Scenario.database], in: directory)
            #expect(after.stdout == before.stdout)
        }
    }

    @Test("companies remove removes firms all or none, and says which; 1 company listed as '1 company'")
    func removeCompanies() throws {
        try Scenario.withImported { directory in
            let delegates = Scenario.companies(of: .delegates).map(\.id)
            let refused = try LiaisonBinary.run(["companies", "remove", delegates[0], "XX-404", "--db", Scenario.database], in: directory)
            #expect(refused.status != 0 && refused.stderr.contains("'XX-404'"), "\(refused.stderr)")
            let removed = try LiaisonBinary.run(["companies", "remove"] + delegates.dropFirst() + ["--db", Scenario.database], in: directory)
            #expect(removed.status == 0, "\(removed.stderr)")
            #expect(removed.stdout == "removed \(delegates.count - 1) companies: \(delegates.dropFirst().sorted().joined(separator: ", "))\n")
            let left = try LiaisonBinary.run(["companies", "list", "--db", Scenario.database, "--country", "CN"], in: directory)
            #expect(left.lines.dropFirst().map { String($0.prefix { $0 != " " }) } == [delegates[0], "1"] && left.lines.last == "1 company",
                    "\(left.stdout)")
        }
    }

    @Test("companies list --country CN lists the delegates, as a table and as JSON")
    func listDelegates() throws {
        try Scenario.withImported { directory in
            let delegates = Scenario.companies(of: .delegates)
            let table = try LiaisonBinary.run(["companies", "list", "--db", Scenario.database, "--country", "CN"], in: directory)
            #expect(table.status == 0)
            #expect(table.lines.first?.hasPrefix("id ") == true)
            #expect(table.lines.last == "\(delegates.count) companies")
            let rows = table.lines.dropFirst().dropLast()
            #expect(rows.map { String($0.prefix { $0 != " " }) } == delegates.map(\.id))
            for (row, company) in zip(rows, delegates) {
                #expect(row.contains(company.name) && row.contains(company.offers.text))
            }

            let json = try LiaisonBinary.run(["companies", "list", "--db", Scenario.database, "--country", "cn", "--format", "json"], in: directory)
            #expect(json.status == 0)
            let documents = try JSONDecoder().decode([CompanyDocument].self, from: Data(json.stdout.utf8))
            #expect(documents.map(\.id) == delegates.map(\.id))
            for (document, company) in zip(documents, delegates) {
                #expect(document.revision == 1)
                #expect(document == CompanyDocument(company, revision: 1, updatedAt: document.updatedAt))
            }
        }
    }

    @Test("table columns stay aligned when names hold Chinese characters, which take two columns")
    func wideCharacters() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let file = """
                id,name,country,city,offers
                CN-1,深圳前海贸易有限公司,CN,深圳,cross-border-trade
                CN-2,Jade Harbor Trading Co.,CN,Shenzhen,cross-border-trade
                """
            try Data(file.utf8).write(to: directory.appendingPathComponent("wide.csv"))
            #expect(try LiaisonBinary.run(["import", "companies", "--db", "wide.sqlite", "wide.csv"], in: directory).status == 0)
            let run = try LiaisonBinary.run(["companies", "list", "--db", "wide.sqlite"], in: directory)
            // Terminal columns before the country: CJK ideographs take two, everything else here one.
            func countryColumn(_ line: String) -> Int? {
                guard let range = line.range(of: "  CN  ") ?? line.range(of: "  country  ") else { return nil }
                return line[..<range.lowerBound].unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
            }
            let columns = run.lines.dropLast().map(countryColumn)
            #expect(columns.count == 3)
            #expect(columns.allSatisfy { $0 != nil && $0 == columns[0] }, "\(run.stdout)")
        }
    }

    @Test("companies list --sector filters by sector name")
    func listBySector() throws {
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.run(["companies", "list", "--db", Scenario.database, "--sector", "Retail", "--format", "json"], in: directory)
            #expect(run.status == 0)
            let ids = try JSONDecoder().decode([CompanyDocument].self, from: Data(run.stdout.utf8)).map(\.id)
            let expected = Scenario.allCompanies.filter { $0.offers.weights["retail"] != nil || $0.seeks.weights["retail"] != nil }
            #expect(!expected.isEmpty)
            #expect(ids == expected.map(\.id))
        }
    }

    @Test("companies show ID --format json shows the imported company with its revision")
    func showCompany() throws {
        try Scenario.withImported { directory in
            let company = Scenario.companies(of: .unitedStates)[3]
            let run = try LiaisonBinary.run(["companies", "show", company.id, "--db", Scenario.database, "--format", "json"], in: directory)
            #expect(run.status == 0)
            let document = try JSONDecoder().decode(CompanyDocument.self, from: Data(run.stdout.utf8))
            #expect(document == CompanyDocument(company, revision: 1, updatedAt: document.updatedAt))
            #expect(document.updatedAt?.isEmpty == false)

            let table = try LiaisonBinary.run(["companies", "show", company.id, "--db", Scenario.database], in: directory)
            #expect(table.status == 0)
            #expect(table.lines.contains { $0.hasPrefix("name") && $0.hasSuffix(company.name) })
            #expect(table.lines.contains("offers"))
        }
    }

    @Test("export, import into a second database, export again: identical", arguments: ["csv", "jsonl"])
    func exportRoundTrip(format: String) throws {
        try Scenario.withImported { directory in
            let first = try LiaisonBinary.run(["export", "companies", "--db", Scenario.database, "--format", format, "-o", "first.\(format)"],
                                              in: directory)
            #expect(first.status == 0)
            #expect(first.stderr.contains("wrote \(Scenario.allCompanies.count) companies to first.\(format)"))
            let exported = try Data(contentsOf: directory.appendingPathComponent("first.\(format)"))
            let expected = try CompanyWriter.data(Scenario.allCompanies, format: format == "csv" ? .csv : .jsonl)
            #expect(exported == expected)

            let imported = try LiaisonBinary.run(["import", "companies", "--db", "second.sqlite", "first.\(format)"], in: directory)
            #expect(imported.status == 0, "\(imported.stderr)")
            let second = try LiaisonBinary.run(["export", "companies", "--db", "second.sqlite", "--format", format], in: directory)
            #expect(second.status == 0)
            #expect(Data(second.stdout.utf8) == exported)
        }
    }

    @Test("sectors --format json lists the built-in taxonomy in order")
    func sectorsJSON() throws {
        struct SectorJSON: Decodable, Equatable {
            var id: String
            var name: String
            var group: String
            var aliases: [String]
            var naics: [String]
        }
        try LiaisonBinary.withWorkingDirectory { directory in
            let run = try LiaisonBinary.run(["sectors", "--format", "json"], in: directory)
            #expect(run.status == 0)
            let sectors = try JSONDecoder().decode([SectorJSON].self, from: Data(run.stdout.utf8))
            #expect(sectors.count == 57)
            #expect(sectors == TaxonomyFile.builtIn.sectors.map {
                SectorJSON(id: $0.id, name: $0.name, group: $0.group, aliases: $0.aliases, naics: $0.naicsPrefixes)
            })
        }
    }

    @Test("summary --format json counts the companies by country and by sector")
    func summaryJSON() throws {
        struct Summary: Decodable {
            struct Country: Decodable, Equatable {
                var country: String
                var companies: Int
            }
            struct SectorCount: Decodable {
                var sector: String
                var name: String
                var offering: Int
                var seeking: Int
            }
            var countries: [Country]
            var sectors: [SectorCount]
        }
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.run(["summary", "--db", Scenario.database, "--format", "json"], in: directory)
            #expect(run.status == 0)
            let summary = try JSONDecoder().decode(Summary.self, from: Data(run.stdout.utf8))
            let countries = Scenario.files.map { Summary.Country(country: $0.side.rawValue, companies: $0.count) }
                .sorted { ($0.companies, $1.country) > ($1.companies, $0.country) }
            #expect(summary.countries == countries)

            let companies = Scenario.allCompanies
            let inUse = TaxonomyFile.builtIn.sectors.filter { sector in
                companies.contains { $0.offers.weights[sector.id] != nil || $0.seeks.weights[sector.id] != nil }
            }
            #expect(summary.sectors.map(\.sector) == inUse.map(\.id))
            for count in summary.sectors {
                #expect(count.offering == companies.count { $0.offers.weights[count.sector] != nil }, "\(count.sector)")
                #expect(count.seeking == companies.count { $0.seeks.weights[count.sector] != nil }, "\(count.sector)")
            }
        }
    }

    @Test("doctor reports SQLite's version, the BLAS library in use, and the database")
    func doctor() throws {
        func value(_ name: String, in run: LiaisonBinary.Run) -> String? {
            run.lines.first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count)).trimmingCharacters(in: .whitespaces) }
        }
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.run(["doctor", "--db", Scenario.database], in: directory)
            #expect(run.status == 0)
            #expect(value("sqlite", in: run) == (try LiaisonDatabase.inMemory().sqliteVersion()))
            let library = try #require(value("blas library", in: run))
            #expect(FileManager.default.fileExists(atPath: library), "\(library)")
            #expect(value("blas", in: run)?.isEmpty == false)
            #expect(value("database", in: run) == "\(Scenario.database): \(Scenario.allCompanies.count) companies")

            let missing = try LiaisonBinary.run(["doctor", "--db", "missing.sqlite"], in: directory)
            #expect(missing.status == 0)
            #expect(value("database", in: missing)?.contains("liaison init") == true)
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("missing.sqlite").path))
        }
    }

    @Test("--db wins over LIAISON_DB, which wins over ./liaison.sqlite")
    func databasePrecedence() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            func exists(_ name: String) -> Bool {
                FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path)
            }
            let flag = try LiaisonBinary.run(["init", "--db", "flag.sqlite"], in: directory, environment: ["LIAISON_DB": "env.sqlite"])
            #expect(flag.lines.first == "flag.sqlite: created")
            #expect(exists("flag.sqlite") && !exists("env.sqlite") && !exists("liaison.sqlite"))

            let environment = try LiaisonBinary.run(["init"], in: directory, environment: ["LIAISON_DB": "env.sqlite"])
            #expect(environment.lines.first == "env.sqlite: created")
            #expect(exists("env.sqlite") && !exists("liaison.sqlite"))

            let empty = try LiaisonBinary.run(["init"], in: directory, environment: ["LIAISON_DB": ""])
            #expect(empty.lines.first == "liaison.sqlite: created")

            let neither = try LiaisonBinary.run(["init"], in: directory)
            #expect(neither.lines.first == "liaison.sqlite: up to date")
        }
    }
}
