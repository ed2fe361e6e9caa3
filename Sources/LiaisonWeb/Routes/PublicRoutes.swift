import Foundation
import Hummingbird
import LiaisonStore

/// What needs no session: the static assets, the sign-in link and signing out.
struct PublicRoutes {
    let environment: WebEnvironment

    func add(to router: Router<WebContext>) {
        router.get("/static/liaison.css") { _, _ in Self.asset(PackageResources.liaison_css, type: "text/css; charset=utf-8") }
        router.get("/static/liaison.js") { _, _ in Self.asset(PackageResources.liaison_js, type: "text/javascript; charset=utf-8") }
        router.get("/static/favicon.svg") { _, _ in Self.asset(PackageResources.favicon_svg, type: "image/svg+xml") }
        // Where a browser looks for the icon of a page that names none (a downloaded file shown in a tab).
        router.get("/favicon.ico") { _, _ in Self.asset(PackageResources.favicon_svg, type: "image/svg+xml") }
        router.get("/signin", use: signIn)
        router.post("/signout", use: signOut)
    }

    /// `GET /signin?token=…`: the link `liaison serve` printed opens a session (an HttpOnly,
    /// SameSite=Strict cookie, Secure over https: ``OrganizerAuthentication/cookie(_:maxAge:environment:)``)
    /// and goes to the console. Without a token, a page says where the link is; with a wrong one,
    /// 404 (and the throttle counts it).
    @Sendable func signIn(_ request: Request, context: WebContext) async throws -> Response {
        guard let token = FormFields.query(request).text("token") else {
            return try HTMLPage(html: environment.templates.render("signin", MessageView(lang: "en", organizer: nil, notice: nil, heading: "",
                                                                                         lines: [], back: nil, backLabel: "")))
                .response(from: request, context: context)
        }
        guard let session = try environment.database.signInOrganizer(token: token, now: environment.now()), let value = session.token else {
            await environment.refuse(context)
            throw HTTPError(.notFound, message: "This sign-in link is not the one the server printed when it last started (liaison serve prints a new one at each start).")
        }
        var response = Responses.redirect(to: "/")
        response.setCookie(OrganizerAuthentication.cookie(value, maxAge: Int(LiaisonDatabase.organizerSessionLifetime), environment: environment))
        return response
    }

    /// `POST /signout`: ends the session (the form's token checked) and clears the cookie.
    @Sendable func signOut(_ request: Request, context: WebContext) async throws -> Response {
        let fields = try await FormFields.posted(request)
        guard let cookie = request.cookies[OrganizerAuthentication.cookieName]?.value,
              let session = try environment.database.organizerSession(token: cookie, now: environment.now()) else {
            return Responses.redirect(to: "/signin")
        }
        try FormToken.check(fields, expected: session.csrf)
        try environment.database.endOrganizerSession(token: cookie)
        var response = Responses.redirect(to: "/signin")
        response.setCookie(OrganizerAuthentication.cookie("", maxAge: 0, environment: environment))
        return response
    }

    private static func asset(_ bytes: [UInt8], type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
