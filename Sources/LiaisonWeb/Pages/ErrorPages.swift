import Hummingbird
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonStore

/// Turns what a use case refuses into a page saying why, in the store's own words (the same the
/// CLI prints) except where those name a command (``ConsoleWords``): an unknown event or company
/// is 404 (400 when a form named it), anything else the user can fix is 400. An organizer's page
/// of a refusal links back to the page of its form.
struct ErrorPages: RouterMiddleware {
    typealias Context = WebContext

    let environment: WebEnvironment

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is ParticipantNotFound {
            let view = MessageView(lang: "en", organizer: nil, notice: nil, heading: "Not found · 未找到 · Introuvable",
                                   lines: PageLanguage.allCases.map(\.text.notFound), back: nil, backLabel: "")
            return try HTMLPage(html: environment.templates.render("message", view), status: .notFound).response(from: request, context: context)
        } catch let error as HTTPError {
            return try page(status: error.status, lines: [error.body ?? error.status.reasonPhrase], request: request, context: context)
        } catch {
            guard let (status, lines) = Self.describe(error) else { throw error }
            // A company or event a form names that does not exist is a mistake in the form, not a missing page.
            return try page(status: request.method == .post && status == .notFound ? .badRequest : status, lines: lines,
                            request: request, context: context)
        }
    }

    /// The status and message lines of an error a user can act on; nil for anything else.
    static func describe(_ error: any Error) -> (HTTPResponse.Status, [String])? {
        switch error {
        case let error as EventError:
            switch error {
            case .unknownEvent, .notScheduled, .scheduleDiscarded: (.notFound, [ConsoleWords.refusal(error)])
            case .invalidEvent(let id, let problems): (.badRequest, ["event '\(id)':"] + problems)
            default: (.badRequest, ConsoleWords.refusal(error).components(separatedBy: "\n"))
            }
        case let error as StoreError:
            if case .unknownCompany = error { (.notFound, [ConsoleWords.refusal(error)]) } else { (.badRequest, [ConsoleWords.refusal(error)]) }
        case let error as ParticipantActionError: (.badRequest, [error.description])
        case let error as SchedulingError: (.badRequest, error.problems)
        case let error as CoreError: (.badRequest, ["\(error)"])
        case let error as MatchError: (.badRequest, [ConsoleWords.refusal(error)])
        default: nil
        }
    }

    private func page(status: HTTPResponse.Status, lines: [String], request: Request, context: WebContext) throws -> Response {
        let heading = status == .notFound ? "Not found" : status == .forbidden ? "Not allowed" : "This could not be done"
        let back = request.method == .post ? Self.formPage(request.uri.path) : "/"
        let view = MessageView(lang: "en", organizer: context.session.map { OrganizerBar(csrf: $0.csrf) }, notice: nil,
                               heading: heading, lines: lines.map(DisplayText.safe),
                               back: context.session == nil ? nil : back, backLabel: back == "/" ? "Back to the console" : "Back to the form")
        return try HTMLPage(html: environment.templates.render("message", view), status: status).response(from: request, context: context)
    }
}

extension ErrorPages {
    /// The page the form posted to `path` is on: an event's schedule page for the schedule's
    /// forms (run, move, publish), its links page for the links', the event's page for its lists
    /// (participants, requests, blocks, locks), the companies' page for their import, else the
    /// console's home.
    static func formPage(_ path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        guard let section = parts.first, ["events", "companies"].contains(section) else { return "/" }
        guard parts.count > 2 else { return "/" + section }
        let base = "/\(section)/\(parts[1])"
        switch (section, parts[2]) {
        case ("events", "schedule"), ("events", "publish"): return base + "/schedule"
        case ("events", "links"): return base + "/links"
        default: return base
        }
    }
}

/// The organizer's part of the header bar (its sign-out form needs the session's token).
struct OrganizerBar: Sendable {
    var csrf: String
}

/// A page that only says something: an error, or that a link opens nothing.
struct MessageView: Sendable {
    var lang: String
    var organizer: OrganizerBar?
    var notice: String?
    var heading: String
    var lines: [String]
    var back: String?
    var backLabel: String
}
