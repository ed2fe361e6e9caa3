import Hummingbird
import LiaisonStore

/// Lets through only requests carrying a live organizer session (the `liaison_session` cookie):
/// a page asked for without one goes to the sign-in page, anything else is forbidden. A cookie
/// that opens no session counts as a bad token.
struct OrganizerAuthentication: RouterMiddleware {
    typealias Context = WebContext

    static let cookieName = "liaison_session"

    let environment: WebEnvironment

    /// The session cookie holding `value` for `maxAge` seconds (0 clears it): HttpOnly (no script
    /// reads it), SameSite=Strict (no other site's page sends it), Path=/, and Secure when the
    /// server is reached over https (`--base-url https://…`), so that no browser sends it in clear
    /// to an http address of the same host. Over plain http (local use) it cannot be Secure: a
    /// browser would drop it.
    static func cookie(_ value: String, maxAge: Int, environment: WebEnvironment) -> Cookie {
        let secure = environment.baseURL?.lowercased().hasPrefix("https://") == true
        return Cookie(name: cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let cookie = request.cookies[Self.cookieName]?.value {
            context.session = try environment.database.organizerSession(token: cookie, now: environment.now())
            if context.session == nil { await environment.refuse(context) }
        }
        guard context.session != nil else {
            if request.method == .get || request.method == .head { return Responses.redirect(to: "/signin") }
            throw HTTPError(.forbidden, message: "sign in first: open the sign-in link the server printed when it started")
        }
        return try await next(request, context)
    }
}

/// The check of a form's CSRF token: every POST carries the token of the page it came from (a
/// hidden `csrf` field); another site's form cannot know it.
enum FormToken {
    /// Throws 403 unless `fields` carries `expected`.
    static func check(_ fields: FormFields, expected: String) throws {
        guard let sent = fields["csrf"], SecretText.equal(sent, expected) else {
            throw HTTPError(.forbidden, message: "this form has expired or did not come from this site; reload the page and try again")
        }
    }

    /// The session's token, for organizer routes (the middleware guarantees a session).
    static func check(_ fields: FormFields, _ context: WebContext) throws {
        guard let session = context.session else { throw HTTPError(.forbidden) }
        try check(fields, expected: session.csrf)
    }
}

/// Comparison of secrets in time that does not depend on where they differ.
enum SecretText {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
