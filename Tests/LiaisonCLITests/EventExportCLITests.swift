import Foundation
import LiaisonTestSupport
import Testing

/// Issue 12, defect 5: an id of 21 emoji made `event export --format ics|csv` fail with `File
/// name too long`, and the failed export over an existing folder left it mixing two events' files.
@Suite("liaison event export: bounded file names, folders replaced whole")
struct EventExportCLITests {
    static let emoji = String(repeating: "🚀", count: 21)

    /// Every file under `folder`, by relative path.
    static func files(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.resolvingSymlinksInPath().path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            guard let data = try? Data(contentsOf: url), !url.hasDirectoryPath else { continue }
            files[String(url.resolvingSymlinksInPath().path.dropFirst(root.count + 1))] = data
        }
        return files
    }

    @Test("an id of 21 emoji exports in every format; an export over another event's folder replaces it whole", arguments: ["csv", "ics"])
    func emojiAndReplace(format: String) throws {
        try EventScenario.withEvent { directory in
            try Data("id,name,country,city,offers,seeks\n\(Self.emoji),Rocket Co.,CN,Shanghai,clean-energy,capital-markets\n".utf8)
                .write(to: directory.appendingPathComponent("rocket.csv"))
            try EventScenario.succeed(["import", "companies", "rocket.csv"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            try EventScenario.succeed(["event", "export", "forum", "--format", format, "-o", "out"], in: directory)
            let forum = Self.files(directory.appendingPathComponent("out"))

            try EventScenario.succeed(["event", "create", "rocket", "--name", "Rocket", "--city", "Toronto", "--country", "CA", "--date", "2025-12-02",
                                       "--start", "09:00", "--slots", "2", "--slot-minutes", "20", "--tables", "2"], in: directory)
            try EventScenario.succeed(["event", "add", "rocket", Self.emoji, "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "schedule", "rocket"], in: directory)
            let run = try EventScenario.run(["event", "export", "rocket", "--format", format, "-o", "out"], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            let after = Self.files(directory.appendingPathComponent("out"))
            // Either the new export whole (the rocket event's two participants), or the old one untouched.
            if run.status == 0 {
                #expect(after.count == (format == "csv" ? 3 : 2), "\(after.keys.sorted())")
                #expect(Set(after.keys).isDisjoint(with: forum.keys.filter { $0 != "master.csv" && !$0.contains("CA-0001") }),
                        "files of the forum export are left: \(after.keys.sorted())")
            } else {
                #expect(after == forum, "a failed export changed the folder")
            }
            let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("out") }
            #expect(siblings == ["out"], "temporary folders left behind: \(siblings)")
        }
    }

    @Test("export says how many agendas are empty and whose; --with-scores puts scores in agendas; a folder of other files is refused")
    func emptyAgendasScoresAndForeignFolders() throws {
        try SampleScenario.withImported { directory in
            try SampleScenario.succeed(["event", "schedule", "oakland-breakfast-2025", "--min-meetings", "0"], in: directory)
            let empty = try EventScheduleCLITests.withoutMeetings(directory, event: "oakland-breakfast-2025")
            try #require(empty.count > 1)
            let run = try SampleScenario.succeed(["event", "export", "oakland-breakfast-2025", "--format", "csv", "-o", "csv"], in: directory)
            #expect(run.stderr.contains("; \(empty.count) agendas are empty: \(empty.joined(separator: ", "))\n"), "\(run.stderr)")
            let plain = AgendaCSVFile(try Data(contentsOf: directory.appendingPathComponent("csv/agendas/US-0195.csv")))
            try SampleScenario.succeed(["event", "export", "oakland-breakfast-2025", "--format", "csv", "-o", "csv", "--with-scores"], in: directory)
            let scored = AgendaCSVFile(try Data(contentsOf: directory.appendingPathComponent("csv/agendas/US-0195.csv")))
            #expect(scored.header.count == plain.header.count + 1)
            #expect(!scored.meetingRows.isEmpty && scored.meetingRows.allSatisfy { Double($0.last!) != nil && $0[12].contains("+0.") })
            #expect(plain.meetingRows.allSatisfy { !$0.joined().contains("+0.") })

            // Not published yet: the export says so, with what publishing would tell participants; once published, nothing.
            let count = try #require(run.stderr.firstMatch(of: /export of oakland-breakfast-2025 \((\d+) meetings\)/)?.output.1)
            #expect(run.stderr.contains("note: these files show the current schedule, which is not published: publishing it tells participants of "
                                        + "\(count) new, 0 moved and 0 cancelled meetings"), "\(run.stderr)")
            try SampleScenario.succeed(["event", "publish", "oakland-breakfast-2025"], in: directory)
            let published = try SampleScenario.succeed(["event", "export", "oakland-breakfast-2025", "--format", "json", "-o", "e.json"], in: directory)
            #expect(!published.stderr.contains("not published"), "\(published.stderr)")

            try FileManager.default.createDirectory(at: directory.appendingPathComponent("mine"), withIntermediateDirectories: true)
            try Data("keep me".utf8).write(to: directory.appendingPathComponent("mine/notes.txt"))
            expectRefused(try SampleScenario.run(["event", "export", "oakland-breakfast-2025", "--format", "ics", "-o", "mine"], in: directory),
                          mentioning: ["cannot export to mine", "notes.txt", "choose a new or empty folder"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("mine").path) == ["notes.txt"])
        }
    }
}
