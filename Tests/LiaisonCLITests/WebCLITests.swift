import Foundation
import LiaisonTestSupport
import Testing

@Suite("liaison event links and liaison serve")
struct WebCLITests {
    private struct Link: Decodable {
        var company: String
        var name: String
        var link: String?
        var issuedAt: String?
        var new: Bool
    }

    @Test("event links issues every participant's link once, for a mail merge; --revoke replaces one")
    func links() throws {
        try EventScenario.withEvent { directory in
            let first = try JSONDecoder().decode([Link].self, from: Data(
                try EventScenario.succeed(["event", "links", "forum", "--format", "json", "--base-url", "https://events.example.org/"], in: directory).stdout.utf8))
            #expect(first.count == 12 && first.allSatisfy { $0.new && $0.issuedAt != nil })
            #expect(first.allSatisfy { $0.link?.hasPrefix("https://events.example.org/p/") == true && $0.link?.count == 29 + 43 })
            let csv = parseCSV(try EventScenario.succeed(["event", "links", "forum", "--format", "csv"], in: directory).stdout)
            #expect(csv.first == ["company", "name", "link", "issued"])
            #expect(csv.dropFirst().allSatisfy { $0[2].hasPrefix("(issued before") })
            let table = try EventScenario.succeed(["event", "links", "forum"], in: directory)
            #expect(table.lines.last == "0 new links, 12 issued before")
            let revoked = try JSONDecoder().decode([Link].self, from: Data(
                try EventScenario.succeed(["event", "links", "forum", "--revoke", "CA-0002", "--format", "json"], in: directory).stdout.utf8))
            #expect(revoked.map(\.company) == ["CA-0002"])
            #expect(revoked[0].link?.hasPrefix("http://127.0.0.1:8080/p/") == true)
            #expect(revoked[0].link != first.first { $0.company == "CA-0002" }?.link)
            let bad = try EventScenario.run(["event", "links", "forum", "--base-url", "javascript:alert(1)"], in: directory)
            #expect(bad.status != 0 && bad.stderr.contains("--base-url"))
            let unknown = try EventScenario.run(["event", "links", "forum", "--revoke", "CA-0099"], in: directory)
            #expect(unknown.status != 0 && unknown.stderr.contains("CA-0099 is not a participant of forum"))
            let help = try EventScenario.run(["event", "links", "--help"], in: directory).stdout
            #expect(help.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("(default: http://127.0.0.1:8080)"))
        }
    }

    @Test("event show --format json gives each request's origin and status")
    func requestOriginsInJSON() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001"], in: directory)
            let json = try EventScenario.succeed(["event", "show", "forum", "--format", "json"], in: directory).stdout
            #expect(json.contains(#""origin" : "organizer""#) && json.contains(#""status" : "accepted""#))
        }
    }

    @Test("serve listens on 127.0.0.1 unless told otherwise, and prints the organizer's sign-in link")
    func serve() throws {
        try EventScenario.withImported { directory in
            let help = try EventScenario.run(["serve", "--help"], in: directory).stdout
            #expect(help.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("(default: 127.0.0.1)"))
            let server = try RunningServer(["serve", "--db", EventScenario.database, "--port", "0"], in: directory)
            defer { server.stop() }
            #expect(server.output.hasPrefix("Liaison is serving \(EventScenario.database) at http://127.0.0.1:"))
            let link = try #require(server.output.components(separatedBy: "\n").first { $0.hasPrefix("Organizer sign-in") })
            #expect(link.range(of: #"http://127\.0\.0\.1:\d+/signin\?token=[A-Za-z0-9_-]{43}$"#, options: .regularExpression) != nil)
        }
    }

    @Test("serve on a port in use, or an address not of this machine, says so plainly and which option changes it")
    func serveOnABusyPort() throws {
        try EventScenario.withImported { directory in
            let first = try RunningServer(["serve", "--db", EventScenario.database, "--port", "0"], in: directory)
            defer { first.stop() }
            let port = try #require(first.output.firstMatch(of: #/127\.0\.0\.1:(\d+)\n/#).map { String($0.1) })
            let busy = try EventScenario.run(["serve", "--db", EventScenario.database, "--port", port], in: directory)
            #expect(busy.status == 1)
            #expect(busy.stderr == "Error: port \(port) on 127.0.0.1 is in use: choose another with --port\n")
            #expect(busy.stdout.isEmpty)
            // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
            let elsewhere = try EventScenario.run(["serve", "--db", EventScenario.database, "--host", "192.0.2.1", "--port", "0"], in: directory)
            #expect(elsewhere.status == 1)
            #expect(elsewhere.stderr == "Error: 192.0.2.1 is not an address of this machine: choose another with --host\n")
        }
    }
}

/// `liaison serve` started in the background until it printed its sign-in link (or 60 s passed,
/// or it stopped); `stop()` ends it.
private struct RunningServer {
    let process = Process()
    /// What it printed until then.
    private(set) var output = ""

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = LiaisonBinary.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let reader = pipe.fileHandleForReading
        let deadline = Date().addingTimeInterval(60)
        while !output.contains("signin?token="), Date() < deadline {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            output += String(decoding: chunk, as: UTF8.self)
        }
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
