import Foundation
import HTTPTypes
import HummingbirdTesting
#if canImport(Glibc)
import Glibc
#endif
@testable import LiaisonWeb
import Testing

/// How the server treats connections and methods: a client that goes silent mid-request, or
/// stays idle, is disconnected after the idle timeout, so held connections cannot use up the
/// server; HEAD is answered as GET is, without the body.
@Suite("Connections: idle timeout and HEAD")
struct ConnectionRulesTests {
    @Test("a connection that sends half a request's head and then nothing is closed after the idle timeout")
    func silentClientsAreDisconnected() async throws {
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(port: 0, idleTimeout: .milliseconds(500)))
        try await server.application().test(.live) { client in
            let port = try #require(client.port)
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            try #require(socket >= 0)
            defer { close(socket) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(connected == 0)
            var wait = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            let partial = Array("GET /static/liaison.css HTTP/1.1\r\nHost: x\r\n".utf8)
            #expect(send(socket, partial, partial.count, 0) == partial.count)
            let started = Date()
            var buffer = [UInt8](repeating: 0, count: 64)
            // 0: the server closed the connection (a timeout of the read would give -1 after 10 s).
            #expect(recv(socket, &buffer, buffer.count, 0) == 0)
            #expect(Date().timeIntervalSince(started) < 8)
        }
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
