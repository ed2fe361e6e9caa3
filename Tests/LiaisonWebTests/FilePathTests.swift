import Foundation
import HTTPTypes
import HummingbirdTesting
import LiaisonScheduling
import LiaisonStore
@testable import LiaisonWeb
import Testing

@Suite("No request value becomes a file path")
struct FilePathTests {
    @Test("an upload named after an existing file is imported from a file the server names; that file is neither read, written nor removed")
    func uploadNamesAreNeverPaths() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-victim-\(UUID().uuidString)").resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let victim = directory.appendingPathComponent("victim.csv")
        let original = Data("id,name,country,offers\nUS-66,Victim,US,retail\n".utf8)
        try original.write(to: victim)
        // From the temporary folder up to the root, then down to the victim: what a server that
        // joined the client's file name to a folder would write over, read or remove.
        let climbing = String(repeating: "../", count: 12) + victim.path.drop { $0 == "/" }
        let fixture = try WebFixture.make()
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            let csrf = try await browser.csrf("/companies")
            for name in [climbing, victim.path] {
                let upload = Data("id,name,country,offers\nUS-77,Uploaded,US,retail\n".utf8)
                let response = try await browser.upload("/companies/import", fields: [("csrf", csrf)], file: ("file", name, upload))
                #expect(response.status == .ok, "\(name): \(response.text.prefix(300))")
                #expect(response.text.contains("Imported 1 company:"), "\(name)")
            }
        }
        #expect(try Data(contentsOf: victim) == original)
        #expect(try fixture.db.company(id: "US-77").company.name == "Uploaded")
        #expect(try fixture.db.searchCompanies(text: "US-66").total == 0)
    }

    @Test("the temporary file of an upload is named by the server in the temporary folder, whatever the client's name")
    func temporaryFileNameIsTheServers() throws {
        for name in ["../../etc/passwd", "/etc/passwd", "firms.csv", "a/b/c.csv", ""] {
            let upload = UploadedFile(data: Data("x".utf8), clientName: name, fields: FormFields([:]))
            let url = try upload.withTemporaryFile { $0 }
            #expect(url.deletingLastPathComponent().standardizedFileURL == FileManager.default.temporaryDirectory.standardizedFileURL, "\(name)")
            #expect(url.lastPathComponent.range(of: #"^liaison-upload-[0-9A-F-]{36}$"#, options: .regularExpression) != nil, "\(name): \(url)")
            #expect(!FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test("static assets and exports are found by name among the server's own, never on disk")
    func pathsInURLsReachNoFile() async throws {
        let fixture = try WebFixture.make()
        try await SchedulingHelper.scheduleAndPublish(fixture)
        let token = try fixture.db.newOrganizerSignIn()
        try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            let passwd = "%2Fetc%2Fpasswd", climbing = String(repeating: "..%2F", count: 12) + "etc%2Fpasswd"
            for uri in ["/static/\(climbing)", "/static/..%2F..%2FPackage.swift", "/static/liaison.css%2F..%2F..%2FPackage.swift",
                        "/events/oakland/export/csv?file=\(climbing)", "/events/oakland/export/csv?file=\(passwd)",
                        "/events/oakland/export/ics?file=\(climbing)", "/events/oakland/export/\(climbing)",
                        "/p/\(fixture.tokens["CN-A"]!)/\(climbing)"] {
                let response = try await browser.get(uri)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!response.text.contains("root:"), "\(uri) read /etc/passwd")
            }
        }
    }

    @Test("every download of an event whose id holds path separators is named without them, in filename and in filename*",
          arguments: ["a/../b\\c", "../../etc/passwd", "C:\\x"])
    func downloadNamesHoldNoSeparators(id: String) async throws {
        let fixture = try WebFixture.make()
        var spec = try fixture.db.eventDefinition(WebFixture.event).spec
        spec.id = id
        _ = try fixture.db.createEvent(spec)
        _ = try fixture.db.addParticipants(["CN-A", "US-X"], to: id, settings: ParticipantSettings())
        _ = try fixture.db.scheduleEvent(id, minMeetings: 1, keepPublished: false)
        let token = try fixture.db.newOrganizerSignIn()
        let event = "/events/" + URLText.component(id)
        let dispositions = try await fixture.withBrowser { browser in
            try await browser.signIn(token)
            var dispositions: [String] = []
            let links = try await browser.post(event + "/links", [("csrf", try await browser.csrf(event + "/links")), ("format", "csv")])
            dispositions.append(try #require(links.headers[.contentDisposition], "links: \(links.status)"))
            for format in ["json", "html"] {
                let export = try await browser.get(event + "/export/" + format)
                dispositions.append(try #require(export.headers[.contentDisposition], "\(format): \(export.status)"))
            }
            return dispositions
        }
        for disposition in dispositions {
            let plain = try #require(disposition.components(separatedBy: "filename=\"").dropFirst().first?.prefix { $0 != "\"" })
            #expect(!plain.contains("/") && !plain.contains("\\") && !plain.hasPrefix("."), "\(disposition)")
            if let encoded = disposition.components(separatedBy: "filename*=UTF-8''").dropFirst().first {
                let decoded = try #require(encoded.removingPercentEncoding)
                #expect(!decoded.contains("/") && !decoded.contains("\\") && !decoded.hasPrefix("."), "\(disposition)")
            }
        }
    }

    @Test("a download's name keeps what ASCII cannot write in filename* (RFC 6266): two Chinese ids never download under one name")
    func downloadNames() {
        #expect(Responses.disposition("oakland.json") == "attachment; filename=\"oakland.json\"")
        let chinese = Responses.disposition("agendas/中文-1.csv"), english = Responses.disposition("agendas/英文-1.csv")
        #expect(chinese == "attachment; filename=\"agendas/__-1.csv\"; filename*=UTF-8''agendas%2F%E4%B8%AD%E6%96%87-1.csv")
        #expect(chinese != english)
        #expect(Responses.disposition("a\"b;c.csv").hasSuffix("filename*=UTF-8''a%22b%3Bc.csv"))
    }
}
