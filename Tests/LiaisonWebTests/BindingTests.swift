import Foundation
import Hummingbird
@testable import LiaisonStore
@testable import LiaisonWeb
import NIOCore
import Testing

@Suite("Where the server listens")
struct BindingTests {
    @Test("by default the server listens on 127.0.0.1 only")
    func bindsLoopbackByDefault() async throws {
        #expect(WebServer.Configuration().host == "127.0.0.1")
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(port: 0))
        let address = try await Self.boundAddress(of: server)
        #expect(address.hasPrefix("127.0.0.1:"), "listening on \(address)")
    }

    @Test("--host chooses another address")
    func hostChoosesTheAddress() async throws {
        let fixture = try WebFixture.make()
        let server = try WebServer(database: fixture.db, configuration: .init(host: "0.0.0.0", port: 0))
        let address = try await Self.boundAddress(of: server)
        #expect(address.hasPrefix("0.0.0.0:"), "listening on \(address)")
    }

    /// Starts the server, returns the address it reports once listening, and stops it.
    static func boundAddress(of server: WebServer) async throws -> String {
        let (addresses, continuation) = AsyncStream.makeStream(of: String.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.application { address in continuation.yield(address) }.run()
            }
            var iterator = addresses.makeAsyncIterator()
            let address = await iterator.next() ?? ""
            group.cancelAll()
            return address
        }
    }
}

@Suite("Company ids typed in one field")
struct CompanyIDListTests {
    @Test("ids split on spaces, commas, semicolons and lines; quotes keep an id with a space whole", arguments: [
        ("CN-A CN-B", ["CN-A", "CN-B"]), ("CN-A,CN-B;\nUS-X\r\n\tUS-Y", ["CN-A", "CN-B", "US-X", "US-Y"]),
        ("\"ACME SZ\" CN-A", ["ACME SZ", "CN-A"]), ("\"A, B\";C", ["A, B", "C"]), ("  , ;", []), ("\"\"", []),
    ])
    func parse(text: String, ids: [String]) {
        #expect(CompanyIDList.parse(text) == ids)
    }
}
