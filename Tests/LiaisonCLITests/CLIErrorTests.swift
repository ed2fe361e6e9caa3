import Foundation
import LiaisonTestSupport
import Testing

@Suite("liaison, when something is wrong")
struct CLIErrorTests {
    /// Fails unless `run` failed with a short message: no crash report, no stack trace.
    private func expectCleanFailure(_ run: LiaisonBinary.Run, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status != 0, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)", sourceLocation: sourceLocation)
        expectNoCrashReport(run.stderr, sourceLocation: sourceLocation)
    }

    @Test("a bad import exits non-zero, names FILE:LINE: field on stderr, and leaves the database unchanged")
    func badImport() throws {
        try Scenario.withImported { directory in
            let before = try LiaisonBinary.run(["export", "companies", "--db", Scenario.database, "--format", "jsonl"], in: directory)
            let bad = """
                id,name,country,offers,seeks
                CN-0100,Misty Harbor Foods Co.,CN,agriculture-food,retail
                CN-0101,Velvet Kite Trading Co.,CN,logistix,retail
                CN-0102,Amber Comet Supply Co.,XX,supply-chain-services,
                """
            try Data(bad.utf8).write(to: directory.appendingPathComponent("bad.csv"))
            let run = try LiaisonBinary.run(["import", "companies", "--db", Scenario.database, "bad.csv"], in: directory)
            expectCleanFailure(run)
            // Files are named as the user gave them.
            #expect(run.stderr.contains("\nbad.csv:3: offers: unknown sector 'logistix'"), "\(run.stderr)")
            #expect(run.stderr.contains("\nbad.csv:4: country: "), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
            let after = try LiaisonBinary.run(["export", "companies", "--db", Scenario.database, "--format", "jsonl"], in: directory)
            #expect(after.status == 0)
            #expect(after.stdout == before.stdout)
        }
    }

    @Test("companies show of an unknown id fails with a one-line message")
    func unknownCompany() throws {
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.run(["companies", "show", "NOPE", "--db", Scenario.database], in: directory)
            expectCleanFailure(run)
            #expect(run.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains("'NOPE'"))
            #expect(run.stdout.isEmpty)
        }
    }

    @Test("an unknown sector filter fails and says where the sectors are listed")
    func unknownSector() throws {
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.run(["companies", "list", "--db", Scenario.database, "--sector", "logistix"], in: directory)
            expectCleanFailure(run)
            #expect(run.stderr.contains("'logistix'") && run.stderr.contains("liaison sectors"))
        }
    }

    @Test("reading commands on a missing database fail, say to run liaison init, and create nothing", arguments: [
        ["companies", "list"], ["companies", "show", "CN-0001"], ["export", "companies"], ["summary"],
        ["import", "companies", "--dry-run", "companies.csv"],
    ])
    func missingDatabase(command: [String]) throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            for database in [["--db", "missing.sqlite"], []] {
                let run = try LiaisonBinary.run(command + database, in: directory)
                expectCleanFailure(run)
                #expect(run.stderr.contains("liaison init"), "\(run.stderr)")
                #expect(run.stderr.contains(database.isEmpty ? "liaison.sqlite" : "missing.sqlite"))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }

    @Test("invalid arguments are refused before anything runs")
    func invalidArguments() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let negative = try LiaisonBinary.run(["generate", "--seed", "1", "--delegates", "-1", "--us", "1", "--ca", "1", "-o", "out"],
                                                 in: directory)
            #expect(negative.status != 0)
            #expect(negative.stderr.contains("--delegates"))
            // More companies than memory holds: refused in words (it aborted allocating them).
            let huge = try LiaisonBinary.run(["generate", "--seed", "1", "--delegates", "9223372036854775807", "--us", "0", "--ca", "0",
                                              "-o", "out"], in: directory)
            #expect(huge.status == 64 && huge.stderr.contains("--delegates must be from 0 to 5000000"), "\(huge.stderr)")
            let format = try LiaisonBinary.run(["sectors", "--format", "xml"], in: directory)
            #expect(format.status != 0)
            #expect(format.stderr.contains("xml"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
}
