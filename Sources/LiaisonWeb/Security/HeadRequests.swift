import HTTPTypes
import Hummingbird

/// HEAD as HTTP asks of every server (RFC 9110 §9.3.2): answered as the GET of the same address
/// would be — the same status and headers, sign-in checks and security headers included, and
/// the `Content-Length` of the body GET sends (none when GET's body has no known length) —
/// without the body. Calendar apps and link checkers ask this way before they fetch, and a
/// length of 0 would tell them (and caches) the page is empty. It wraps the whole router, as
/// routes are matched by method before any middleware runs.
struct HeadRequests<Base: HTTPResponder>: HTTPResponder {
    let base: Base

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        guard request.method == .head else { return try await base.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        let response = try await base.respond(to: Request(head: head, body: request.body), context: context)
        // An empty body that keeps GET's length: a plain `ResponseBody()` sets Content-Length to 0.
        return Response(status: response.status, headers: response.headers,
                        body: ResponseBody(contentLength: response.body.contentLength) { writer in try await writer.finish(nil) })
    }
}
