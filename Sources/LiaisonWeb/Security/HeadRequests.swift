import HTTPTypes
import Hummingbird

/// HEAD as HTTP asks of every server (RFC 9110 §9.3.2): answered as the GET of the same address
/// would be — the same status and headers, sign-in checks and security headers included —
/// without the body. Calendar apps and link checkers ask this way before they fetch. It wraps the
/// whole router, as routes are matched by method before any middleware runs.
struct HeadRequests<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}
