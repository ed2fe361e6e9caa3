import Foundation
import LiaisonFormats
import LiaisonTestSupport
import Testing

/// Issue 12, defect 5: a failed export over an existing folder left it mixing two events' files.
@Suite("Folder exports are replaced whole or not at all")
struct ExportFolderTests {
    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { files[path] = try Data(contentsOf: url) }
        }
        return files
    }

    static let first: [(path: String, data: Data)] = [("master.csv", Data("a".utf8)), ("agendas/A.csv", Data("A".utf8)),
                                                       ("agendas/B.csv", Data("B".utf8))]
    static let second: [(path: String, data: Data)] = [("master.csv", Data("b".utf8)), ("agendas/C.csv", Data("C".utf8))]

    @Test("a new export replaces the previous one whole: none of its files is left, nor any temporary folder")
    func replaces() throws {
        try TemporaryDirectory.with(prefix: "export-folder") { directory in
            let out = directory.appendingPathComponent("out/csv")
            try ExportFolder.replace(out, with: Self.first, replacing: ScheduleFormat.csv.isExportPath)
            #expect(try Self.files(out) == ["master.csv": Data("a".utf8), "agendas/A.csv": Data("A".utf8), "agendas/B.csv": Data("B".utf8)])
            try ExportFolder.replace(out, with: Self.second, replacing: ScheduleFormat.csv.isExportPath)
            #expect(try Self.files(out) == ["master.csv": Data("b".utf8), "agendas/C.csv": Data("C".utf8)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path) == ["csv"])
        }
    }

    @Test("an export that fails midway leaves the previous one exactly as it was, and no temporary folder")
    func failureLeavesPrevious() throws {
        try TemporaryDirectory.with(prefix: "export-folder") { directory in
            let out = directory.appendingPathComponent("csv")
            try ExportFolder.replace(out, with: Self.first, replacing: ScheduleFormat.csv.isExportPath)
            // The third file's name is longer than any file system allows: writing fails after two files.
            let failing = Self.second + [("agendas/" + String(repeating: "x", count: 300) + ".csv", Data("X".utf8))]
            #expect(throws: ExportFolderError.self) {
                try ExportFolder.replace(out, with: failing, replacing: ScheduleFormat.csv.isExportPath)
            }
            do {
                try ExportFolder.replace(out, with: failing, replacing: ScheduleFormat.csv.isExportPath)
            } catch {
                #expect("\(error)".contains("file name too long") && "\(error)".contains("nothing was changed"), "\(error)")
            }
            #expect(try Self.files(out) == ["master.csv": Data("a".utf8), "agendas/A.csv": Data("A".utf8), "agendas/B.csv": Data("B".utf8)])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["csv"])
        }
    }

    @Test("a folder holding other files, a file where the folder should be, and a path leaving the folder are refused, changing nothing")
    func refusals() throws {
        try TemporaryDirectory.with(prefix: "export-folder") { directory in
            let out = directory.appendingPathComponent("Documents")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
            #expect(throws: ExportFolderError.holdsOtherFiles(out.path, ["notes.txt"])) {
                try ExportFolder.replace(out, with: Self.first, replacing: ScheduleFormat.csv.isExportPath)
            }
            #expect(try Self.files(out) == ["notes.txt": Data("mine".utf8)])
            // Calendars are not an agenda folder's files, nor the reverse.
            let calendars = directory.appendingPathComponent("ics")
            try ExportFolder.replace(calendars, with: [("A.ics", Data("A".utf8))], replacing: ScheduleFormat.ics.isExportPath)
            #expect(throws: ExportFolderError.self) { try ExportFolder.replace(calendars, with: Self.first, replacing: ScheduleFormat.csv.isExportPath) }
            let file = directory.appendingPathComponent("file")
            try Data("x".utf8).write(to: file)
            #expect(throws: ExportFolderError.notAFolder(file.path)) {
                try ExportFolder.replace(file, with: Self.first, replacing: ScheduleFormat.csv.isExportPath)
            }
            let link = directory.appendingPathComponent("link")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: calendars)
            #expect(throws: ExportFolderError.link(link.path)) {
                try ExportFolder.replace(link, with: [("B.ics", Data("B".utf8))], replacing: ScheduleFormat.ics.isExportPath)
            }
            #expect(try Self.files(calendars) == ["A.ics": Data("A".utf8)])
            try FileManager.default.removeItem(at: link)
            #expect(throws: ExportFolderError.unsafePath("../escaped.csv")) {
                try ExportFolder.replace(directory.appendingPathComponent("new"), with: [("../escaped.csv", Data())], replacing: { _ in true })
            }
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new").path))
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)) == ["Documents", "ics", "file"])
        }
    }
}
