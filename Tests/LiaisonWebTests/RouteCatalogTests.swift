import Foundation
@testable import LiaisonWeb
import Testing

@Suite("The route catalog the security tests walk")
struct RouteCatalogTests {
    @Test("names every route of the server, no more")
    func catalogIsComplete() throws {
        let fixture = try WebFixture.make()
        let routes = Set(fixture.server.router().routes.map { "\($0.method) \($0.path)" })
        #expect(routes == RouteCatalog.all, "routes not walked: \(routes.subtracting(RouteCatalog.all).sorted()); unknown: \(RouteCatalog.all.subtracting(routes).sorted())")
    }
}
