import Foundation
import GRDB
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import Testing

/// What the command line does with hostile paths, hostile names and damaged or unwritable
/// databases: plain words, its own exit statuses, and nothing replaced that was not a file.
@Suite("Paths, terminals and databases a user did not expect")
struct RobustnessCLITests {
    /// The kind of what `path` names, without following a symbolic link.
    static func kind(_ path: URL) -> mode_t {
        var status = stat()
        return lstat(path.path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    /// Library dumps and statement texts a user must never see.
    static let rawErrorMarkers = ["NSCocoaErrorDomain", "Error Domain=", "NSFilePath", "SQLite error", "while executing", "SELECT ", "PRAGMA "]

    static func expectPlain(_ run: LiaisonBinary.Run, _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status != 0, comment, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("Error: "), "\(comment): \(run.stderr)", sourceLocation: sourceLocation)
        for marker in rawErrorMarkers {
            #expect(!run.stderr.contains(marker), "\(comment): \(run.stderr)", sourceLocation: sourceLocation)
        }
        expectNoCrashReport(run.stderr, comment, sourceLocation: sourceLocation)
    }

    @Test("-o refuses a device, a pipe and a symbolic link and leaves them as they were; a file is replaced whole")
    func outputRefusesSpecialFiles() throws {
        try Scenario.withImported { directory in
            let pipe = directory.appendingPathComponent("pipe"), link = directory.appendingPathComponent("link")
            let target = directory.appendingPathComponent("target.csv"), device = directory.appendingPathComponent("null")
            #expect(mkfifo(pipe.path, 0o644) == 0)
            try Data("keep".utf8).write(to: target)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            let madeDevice = mknod(device.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0  // as /dev/null; root only
            var refused = [("pipe", pipe, S_IFIFO), ("link", link, S_IFLNK)]
            if madeDevice { refused.append(("null", device, S_IFCHR)) }
            for (name, path, kind) in refused {
                for arguments in [["companies", "export", "-o", name], ["export", "companies", "-o", name]] {
                    let run = try LiaisonBinary.run(arguments + ["--db", Scenario.database], in: directory)
                    Self.expectPlain(run, "\(arguments.joined(separator: " "))")
                    #expect(run.stderr.contains(name) && run.stderr.contains("not a regular file"), "\(run.stderr)")
                    #expect(Self.kind(path) == kind, "\(name) was replaced")
                }
            }
            #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
            let file = directory.appendingPathComponent("companies.csv")
            try Data("old".utf8).write(to: file)
            try LiaisonBinary.succeed(["companies", "export", "-o", "companies.csv", "--db", Scenario.database], in: directory)
            #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("id,name,country"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).allSatisfy { !$0.contains(".liaison-") },
                    "a temporary file was left behind")
        }
    }

    @Test("-o into a missing folder, onto a folder or empty, and a missing weights file, are refused in plain words")
    func outputPathErrors() throws {
        try Scenario.withImported { directory in
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("folder"), withIntermediateDirectories: true)
            let cases: [([String], String)] = [
                (["companies", "export", "-o", "missing/companies.csv"], "does not exist"),
                (["companies", "export", "-o", "folder"], "a folder"),
                (["companies", "export", "-o", ""], "-o: the path is empty"),
                (["match", "CN-0001", "--weights", "missing.json"], "missing.json: cannot read the weights file: no such file"),
            ]
            for (arguments, fragment) in cases {
                let run = try LiaisonBinary.run(arguments + ["--db", Scenario.database], in: directory)
                Self.expectPlain(run, "\(arguments.joined(separator: " "))")
                #expect(run.stderr.contains(fragment), "\(run.stderr)")
            }
        }
    }

    @Test("control characters in a name reach the terminal as visible escapes, in tables and in messages")
    func terminalEscapes() throws {
        try Scenario.withImported { directory in
            let hostile = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J Ltd\u{9B}"
            let db = try LiaisonDatabase.open(path: directory.appendingPathComponent(Scenario.database).path, mode: .mustExist)
            var company = try db.company(id: "US-0001").company
            company.name = hostile
            try db.save([company])
            for arguments in [["companies", "show", "US-0001"], ["companies", "list", "--country", "US"], ["match", "CN-0001", "--top", "20"]] {
                let run = try LiaisonBinary.succeed(arguments + ["--db", Scenario.database], in: directory)
                #expect(!run.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(arguments)")
                #expect(run.stdout.contains("Evil\\u{1B}]0;pwned\\u{7}\\u{1B}[2J Ltd\\u{9B}"), "\(arguments): \(run.stdout)")
            }
            let refused = try LiaisonBinary.run(["companies", "show", "X\u{1B}[2J\u{07}", "--db", Scenario.database], in: directory)
            Self.expectPlain(refused, "an unknown id holding escapes")
            #expect(!refused.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        }
    }

    /// Runs the binary as an unprivileged user when the tests run as root (root may write any
    /// file, so only another user meets a read-only one); nil when that is not possible here.
    static func runUnprivileged(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run? {
        guard getuid() == 0 else { return try LiaisonBinary.run(arguments, in: directory) }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
        return try LiaisonBinary.run(["--reuid=65534", "--regid=65534", "--clear-groups", LiaisonBinary.executable.path] + arguments,
                                     in: directory, executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }

    @Test("a read-only database: reading commands work, in a read-only folder too; writing ones say so plainly")
    func readOnlyDatabase() throws {
        try Scenario.withImported { directory in
            // The binary must be reachable by the unprivileged user.
            guard try Self.runUnprivileged(["sectors"], in: directory)?.status == 0 else {
                withKnownIssue("cannot run the binary as another user here") { Issue.record("skipped") }
                return
            }
            let folder = directory.appendingPathComponent("readonly")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: directory.appendingPathComponent(Scenario.database),
                                             to: folder.appendingPathComponent(Scenario.database))
            chmod(directory.path, 0o755)
            for (file, folderMode) in [(0o444, 0o755), (0o444, 0o555), (0o644, 0o555)] as [(mode_t, mode_t)] {
                chmod(folder.appendingPathComponent(Scenario.database).path, file)
                chmod(folder.path, folderMode)
                defer { chmod(folder.path, 0o755) }
                let comment = "file \(String(file, radix: 8)), folder \(String(folderMode, radix: 8))"
                for arguments in [["companies", "list"], ["summary"], ["match", "CN-0001"], ["weights"], ["doctor"]] {
                    let run = try #require(try Self.runUnprivileged(arguments + ["--db", Scenario.database], in: folder))
                    #expect(run.status == 0, "\(comment): \(arguments) → \(run.stderr)")
                }
                for arguments in [["weights", "set", "size", "0.2"], ["import", "companies", "../scenario/us-firms.csv"], ["rerank"]] {
                    let run = try #require(try Self.runUnprivileged(arguments + ["--db", Scenario.database], in: folder))
                    Self.expectPlain(run, "\(comment): \(arguments)")
                    #expect(run.stderr.contains("read-only"), "\(comment): \(run.stderr)")
                }
            }
        }
    }

    @Test("a database from a newer Liaison is refused, saying so")
    func newerSchema() throws {
        try Scenario.withImported { directory in
            let path = directory.appendingPathComponent(Scenario.database).path
            try LiaisonDatabase.open(path: path, mode: .mustExist).writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: something from the future')")
            }
            for arguments in [["companies", "list"], ["init"], ["match", "CN-0001"]] {
                let run = try LiaisonBinary.run(arguments + ["--db", Scenario.database], in: directory)
                Self.expectPlain(run, "\(arguments)")
                #expect(run.stderr.contains("newer Liaison") && run.stderr.contains("v99"), "\(run.stderr)")
            }
        }
    }

    @Test("a damaged database: doctor and init report it, every command stops with exit 65, nothing is written")
    func damagedDatabase() throws {
        try Scenario.withImported { directory in
            let path = directory.appendingPathComponent(Scenario.database)
            // Checkpointed first, so every page is in the file; then pages after the first are overwritten.
            try LiaisonDatabase.open(path: path.path, mode: .mustExist).writer.writeWithoutTransaction { db in
                _ = try db.checkpoint(.truncate)
            }
            var bytes = [UInt8](try Data(contentsOf: path))
            let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
            for index in stride(from: pageSize + 20, to: bytes.count, by: 97) { bytes[index] = 0xA5 }
            try Data(bytes).write(to: path)
            let doctor = try LiaisonBinary.run(["doctor", "--db", Scenario.database], in: directory)
            #expect(doctor.status == 65 && doctor.stdout.contains("DAMAGED"), "\(doctor.stdout)\(doctor.stderr)")
            for arguments in [["init"], ["companies", "list"], ["summary"]] {
                let run = try LiaisonBinary.run(arguments + ["--db", Scenario.database], in: directory)
                Self.expectPlain(run, "\(arguments)")
                #expect(run.status == 65 && run.stderr.contains("damaged"), "\(arguments): \(run.status) \(run.stderr)")
            }
            try Data("this is not a database at all, just text that someone saved with the wrong name".utf8)
                .write(to: directory.appendingPathComponent("text.sqlite"))
            let notADatabase = try LiaisonBinary.run(["companies", "list", "--db", "text.sqlite"], in: directory)
            Self.expectPlain(notADatabase, "a text file as the database")
            #expect(notADatabase.status == 65, "\(notADatabase.stderr)")

            // Another program's SQLite file is refused as such, by reading commands too, and left as it was.
            let other = directory.appendingPathComponent("other.sqlite")
            try DatabaseQueue(path: other.path).write { db in try db.execute(sql: "CREATE TABLE t(x); INSERT INTO t VALUES (1)") }
            let before = try Data(contentsOf: other)
            for arguments in [["companies", "list"], ["doctor"]] {
                let run = try LiaisonBinary.run(arguments + ["--db", "other.sqlite"], in: directory)
                Self.expectPlain(run, "\(arguments) on another program's database")
                #expect(run.status == 65 && (run.stderr + run.stdout).contains("not a Liaison database"), "\(arguments): \(run.stderr)")
            }
            #expect(try Data(contentsOf: other) == before)
            // A folder given as the database is named as one.
            let folder = try LiaisonBinary.run(["companies", "list", "--db", "."], in: directory)
            #expect(folder.status != 0 && folder.stderr.contains("it is a folder, not a database file"), "\(folder.stderr)")
        }
    }

    @Test("weights that do not sum to 1 are stored with a warning saying what that does")
    func weightsSumWarning() throws {
        try Scenario.withImported { directory in
            let run = try LiaisonBinary.succeed(["weights", "set", "complementarity", "0.7", "--db", Scenario.database], in: directory)
            #expect(run.stderr.contains("warning") && run.stderr.contains("sum to 1.1"), "\(run.stderr)")
            let back = try LiaisonBinary.succeed(["weights", "set", "complementarity", "0.6", "--db", Scenario.database], in: directory)
            #expect(back.stderr.isEmpty, "\(back.stderr)")
        }
    }

    @Test("a country is a code in any case or an English name, everywhere; a list a company cannot have is refused")
    func countryParser() throws {
        try Scenario.withImported { directory in
            func json(_ arguments: [String]) throws -> String {
                try LiaisonBinary.succeed(arguments + ["--format", "json", "--db", Scenario.database], in: directory).stdout
            }
            let byCode = try json(["match", "CN-0001", "--country", "CA"])
            for name in ["ca", "Canada", "canada", " CANADA "] {
                #expect(try json(["match", "CN-0001", "--country", name]) == byCode, "--country \(name)")
            }
            try LiaisonBinary.succeed(["rerank", "--countries", "united states,Canada", "--db", Scenario.database], in: directory)
            #expect(try json(["rankings", "CN-0001", "--country", "united states"]) == json(["rankings", "CN-0001", "--country", "us"]))
            let wrong = try LiaisonBinary.run(["rankings", "CN-0001", "--country", "cn", "--db", Scenario.database], in: directory)
            expectRefused(wrong, mentioning: ["CN"])
            let unknown = try LiaisonBinary.run(["rankings", "CN-0001", "--country", "Atlantis", "--db", Scenario.database], in: directory)
            expectRefused(unknown, mentioning: ["Atlantis"], usageError: true)
        }
    }

    @Test("every listing takes --format csv; sectors and generate take --db like every command")
    func csvEverywhereAndDatabaseOption() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            try EventScenario.succeed(["rerank"], in: directory)
            for arguments in [["summary"], ["runs"], ["event", "list"], ["event", "show", "forum"], ["event", "report", "forum"],
                              ["weights"], ["sectors"], ["companies", "show", "CN-0001"]] {
                let run = try EventScenario.succeed(arguments + ["--format", "csv"], in: directory)
                let rows = parseCSV(run.stdout)
                #expect(rows.count >= 2 && rows.allSatisfy { $0.count == rows[0].count }, "\(arguments): \(run.stdout)")
            }
            try EventScenario.succeed(["sectors"], in: directory)
            try LiaisonBinary.succeed(["generate", "--seed", "1", "--delegates", "1", "--us", "1", "--ca", "1", "-o", "again",
                                       "--db", EventScenario.database], in: directory)
        }
    }

    @Test("help and the version print on standard output and succeed, for the tool and for a command")
    func helpAndVersion() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            for arguments in [["--help"], ["help"], ["match", "--help"], ["event", "schedule", "--help"], ["help", "event", "export"]] {
                let run = try LiaisonBinary.run(arguments, in: directory)
                #expect(run.status == 0 && run.stdout.contains("USAGE") && run.stderr.isEmpty, "\(arguments): \(run.stderr)")
            }
            let version = try LiaisonBinary.run(["--version"], in: directory)
            #expect(version.status == 0 && version.stdout.hasPrefix("0."), "\(version.stdout)\(version.stderr)")
        }
    }

    @Test("every command's help flows its sentences: no line broken short in the middle of one")
    func helpFlows() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let commands = [["companies", "import"], ["match"], ["generate"], ["rerank"], ["event", "export"], ["event", "create"],
                            ["event", "links"], ["serve"]]
            for command in commands {
                let help = try LiaisonBinary.succeed(command + ["--help"], in: directory).stdout
                // The overview and discussion: what comes before the usage line.
                let prose = help.components(separatedBy: "USAGE:")[0].components(separatedBy: "\n")
                for (line, next) in zip(prose, prose.dropFirst()) where !next.trimmingCharacters(in: .whitespaces).isEmpty {
                    let ended = line.last.map { ".:;)".contains($0) } ?? true
                    #expect(line.count >= 60 || ended, "\(command): '\(line)' is broken short before '\(next)'")
                }
            }
        }
    }
}
