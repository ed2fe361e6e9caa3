import Foundation
import HTTPTypes
import HummingbirdTesting
@testable import LiaisonWeb
import Testing

/// How the server treats connections and methods: a client that goes silent mid-request, stays
/// idle, or sends a body too slowly is disconnected after the idle timeout, and connections past
/// the most at once are closed as they arrive, so held connections cannot use up the server;
/// HEAD is answered as GET is, without the body.
@Suite("Connections: idle timeout, slow bodies, the most at once, and HEAD")
struct ConnectionRulesTests {
    @Test("a connection that sends half a request's head and then nothing is closed after the idle timeout")
    func silentClientsAreDisconnected() async throws {
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(port: 0, idleTimeout: .milliseconds(500)))
        try await server.application().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n")
            let started = Date()
            // nil: the server closed the connection (a wait that times out gives "" after 10 s).
            #expect(await connection.receive(waiting: .seconds(10)) == nil)
            #expect(Date().timeIntervalSince(started) < 8)
        }
    }

    @Test("a request whose body comes a byte at a time is closed once the idle timeout has passed, although it is never idle")
    func slowBodiesAreDisconnected() async throws {
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(port: 0, idleTimeout: .milliseconds(500)))
        try await server.application().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 1000000\r\n\r\n")
            let started = Date()
            var closed = false
            // Open for good before: a byte every 0.2 s is never idle. (Generous bounds: the whole suite loads the machine.)
            while !closed && Date().timeIntervalSince(started) < 20 {
                connection.send("a")
                closed = await connection.receive(waiting: .milliseconds(200)) == nil
            }
            #expect(closed, "still open after \(Date().timeIntervalSince(started)) s")
        }
    }

    @Test("a body that keeps a fair pace after the idle timeout is read whole and answered, and the connection serves the next request")
    func steadyBodiesAreRead() async throws {
        let fixture = try WebFixture.make()
        var configuration = WebServer.Configuration(port: 0, idleTimeout: .seconds(1))
        configuration.minimumBodyRate = 100
        let server = try WebServer(database: fixture.db, configuration: configuration)
        try await server.application().test(.live) { client in
            let connection = try RawConnection(port: try #require(client.port))
            connection.send("POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 6000\r\n\r\n")
            // 6 kB over about 3 s, past the idle timeout: 2 kB a second, twenty times the least pace.
            for _ in 0..<30 {
                connection.send(String(repeating: "a", count: 200))
                try await Task.sleep(for: .milliseconds(100))
            }
            /// What the server sends until a response's head is whole, or it closes, or 20 s pass.
            func head() async -> String {
                var text = ""
                let started = Date()
                while !text.contains("\r\n\r\n") && Date().timeIntervalSince(started) < 20 {
                    guard let more = await connection.receive(waiting: .seconds(1)) else { break }
                    text += more
                }
                return text
            }
            let answer = await head()
            #expect(answer.hasPrefix("HTTP/1.1 404"), "\(answer)")
            connection.send("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n\r\n")
            let next = await head()
            #expect(next.contains("HTTP/1.1 200"), "\(next)")
        }
    }

    @Test("past the most connections at once, one more is closed at once; the others are served, and once one closes a new one is")
    func connectionLimit() async throws {
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(port: 0, maxConnections: 3))
        try await server.application().test(.live) { client in
            let port = try #require(client.port)
            // The test's own client holds one connection.
            #expect(try await client.execute(uri: "/static/liaison.css", method: .get).status == .ok)
            var held = [try RawConnection(port: port), try RawConnection(port: port)]
            for connection in held { connection.send("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n") }
            let extra = try RawConnection(port: port)
            extra.send("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await extra.receive(waiting: .seconds(5)) == nil, "a fourth connection was served")
            held[0].send("\r\n")
            #expect(await held[0].receive(waiting: .seconds(5))?.hasPrefix("HTTP/1.1 200") == true)
            held.removeFirst()
            try await Task.sleep(for: .milliseconds(300))
            let next = try RawConnection(port: port)
            next.send("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(await next.receive(waiting: .seconds(5))?.hasPrefix("HTTP/1.1 200") == true)
        }
    }

    @Test("the connections allowed leave room in the process's open files", arguments: [(1_024, 768), (4_096, 3_072), (20_000, 15_000),
                                                                                          (65_536, 49_152), (300, 44), (100, 16)])
    func connectionsFitTheOpenFiles(descriptors: Int, most: Int) {
        #expect(ConnectionLimit.fitting(descriptors: descriptors) == most)
        #expect(most <= max(16, descriptors - 256))
    }

    @Test("HEAD gets what GET gets — status and headers, sign-in rules and GET's Content-Length included — without the body")
    func headIsGetWithoutTheBody() async throws {
        let fixture = try WebFixture.make()
        try await fixture.server.application().test(.router) { client in
            for uri in ["/static/liaison.css", "/p/\(fixture.tokens["CN-A"]!)", "/events", "/p/not-a-token"] {
                let get = try await client.execute(uri: uri, method: .get)
                let head = try await client.execute(uri: uri, method: .head)
                #expect(head.status == get.status, "\(uri)")
                #expect(head.headers[.contentType] == get.headers[.contentType], "\(uri)")
                #expect(head.headers[.contentSecurityPolicy] != nil && head.body.readableBytes == 0, "\(uri)")
                // The length GET's body has, never 0 for a page that is not empty.
                #expect(head.headers[.contentLength] == get.headers[.contentLength], "\(uri)")
                #expect(head.headers[.contentLength] == String(get.body.readableBytes), "\(uri)")
            }
            #expect(try await client.execute(uri: "/static/liaison.css", method: .get).status == .ok)
        }
    }
}
