import Foundation
import Hummingbird
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonStore

/// A participant's pages, under `/p/TOKEN`: the private link is the only key, each page shows
/// only that participant's data, and a token that opens nothing gets 404 (counted by the
/// throttle, so guessing slows down).
struct ParticipantRoutes {
    let environment: WebEnvironment

    func add(to group: RouterGroup<WebContext>) {
        group.get(":token", use: page)
        group.get(":token/agenda.ics", use: calendar)
        group.post(":token/request", use: request)
        group.post(":token/not-interested", use: notInterested)
        group.post(":token/interested", use: interested)
        group.post(":token/profile", use: profile)
        group.post(":token/rate", use: rate)
    }

    // MARK: - Pages

    /// `GET /p/TOKEN`: the participant's page.
    @Sendable func page(_ request: Request, context: WebContext) async throws -> Response {
        // A token the path cannot hold opens nothing, and is counted and answered as any other.
        let token = (try? context.pathParameter("token")) ?? ""
        guard let html = try environment.pages.page(token: token, done: FormFields.query(request)["done"], now: environment.now()) else {
            await environment.refuse(context)
            throw ParticipantNotFound()
        }
        return try HTMLPage(body: html).response(from: request, context: context)
    }

    /// `GET /p/TOKEN/agenda.ics`: the participant's calendar of the *published* schedule, which a
    /// calendar app subscribes to: each publication updates it (same UIDs, higher sequences,
    /// cancelled meetings sent as cancelled). Before the first publication it holds no meeting.
    /// A company that left the event keeps it, to learn its meetings are off.
    @Sendable func calendar(_ request: Request, context: WebContext) async throws -> Response {
        let (_, access) = try await self.access(context, evenAfterLeaving: true)
        let document = try environment.database.publishedScheduleDocument(access.event)
        let stamp = try environment.database.publishedAt(access.event) ?? environment.now()
        let text = ScheduleICS.calendar(for: access.company, document, stamp: stamp)
        return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: - Forms

    /// `POST /p/TOKEN/request`: asks the organizer for a meeting with `other`.
    @Sendable func request(_ request: Request, context: WebContext) async throws -> Response {
        try await act(request, context, done: "requested") { access, fields in
            try environment.database.requestMeeting(event: access.event, from: access.company, with: try fields.require("other"))
        }
    }

    /// `POST /p/TOKEN/not-interested`: never to be paired with `other`.
    @Sendable func notInterested(_ request: Request, context: WebContext) async throws -> Response {
        try await act(request, context, done: "not-interested") { access, fields in
            try environment.database.declineMatch(event: access.event, from: access.company, with: try fields.require("other"))
        }
    }

    /// `POST /p/TOKEN/interested`: takes back the participant's own "not interested" in `other`;
    /// refused in the page's words when it has none — a block the organizer set is not its own.
    @Sendable func interested(_ request: Request, context: WebContext) async throws -> Response {
        try await act(request, context, done: "interested") { access, fields in
            _ = try environment.database.takeBackDecline(event: access.event, from: access.company, with: try fields.require("other"))
        }
    }

    /// `POST /p/TOKEN/rate`: what came of the meeting with `counterpart`.
    @Sendable func rate(_ request: Request, context: WebContext) async throws -> Response {
        try await act(request, context, done: "rated") { access, fields in
            guard let outcome = MeetingOutcome(rawValue: try fields.require("outcome")) else {
                throw HTTPError(.badRequest, message: "unknown outcome")
            }
            try environment.database.rateMeeting(event: access.event, company: access.company, counterpart: try fields.require("counterpart"),
                                                 outcome: outcome, now: environment.now())
        }
    }

    /// `POST /p/TOKEN/profile`: the participant corrects its company's profile; every field is
    /// read and checked as an import reads and checks its column (``CompanyDraft/setField(_:text:)``),
    /// so the form refuses what an import refuses, and a real change makes a new revision. The id
    /// and the country (which decides the side) stay; fields the form does not show are kept. A
    /// text sent back as the form showed it (hidden characters as marks, see ``DisplayText``)
    /// keeps the stored text, marks and all.
    @Sendable func profile(_ request: Request, context: WebContext) async throws -> Response {
        try await act(request, context, done: "profile") { access, fields in
            let database = environment.database
            let stored = try database.company(id: access.company).company
            let shown = ["name": stored.name, "region": stored.region, "city": stored.city, "description": stored.description]
            var draft = CompanyDraft()
            draft.id = stored.id
            draft.country = stored.country
            var issues: [FieldIssue] = []
            for field in Self.profileFields {
                let sent = fields[field] ?? ""
                let text = shown[field].map { sent == DisplayText.safe($0) ? $0 : sent } ?? sent
                do throws(FieldIssue) { try draft.setField(field, text: text) } catch { issues.append(error) }
            }
            guard issues.isEmpty else { throw FieldIssues(issues: issues) }
            let checked = try draft.validated(with: database.taxonomy)
            var company = stored
            company.name = checked.name
            company.region = checked.region
            company.city = checked.city
            company.size = checked.size
            company.languages = checked.languages
            company.description = checked.description
            company.offers = checked.offers
            company.seeks = checked.seeks
            try database.save([company])
        }
    }

    /// The company's fields the profile form sends, by their import column names.
    static let profileFields = ["name", "region", "city", "size", "languages", "description", "offers", "seeks"]

    // MARK: - Helpers

    /// The token of the path and whose pages it opens; 404 (after the throttle's delay) when it
    /// opens none.
    private func access(_ context: WebContext, evenAfterLeaving: Bool = false) async throws -> (String, ParticipantAccess) {
        // A token the path cannot hold opens nothing, and is counted and answered as any other.
        let token = (try? context.pathParameter("token")) ?? ""
        guard let access = try environment.database.participantAccess(token: token, evenAfterLeaving: evenAfterLeaving) else {
            await environment.refuse(context)
            throw ParticipantNotFound()
        }
        return (token, access)
    }

    /// Runs a form's action after checking its token, then goes back to the page (with a notice);
    /// what the store refuses is shown in the participant's language, with a way back.
    private func act(_ request: Request, _ context: WebContext, done: String,
                     _ action: (ParticipantAccess, FormFields) throws -> Void) async throws -> Response {
        let (token, access) = try await self.access(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, expected: access.csrf)
        do {
            try action(access, fields)
        } catch {
            let language = (try? environment.database.company(id: access.company)).map { PageLanguage(companyLanguages: $0.company.languages) } ?? .en
            let lines: [String]
            switch error {
            case let issues as FieldIssues: lines = issues.issues.map { Self.refusal($0, in: language.text) }
            case is HTTPError: lines = [language.text.incompleteForm]
            default:
                if let refusal = Self.refusal(error, in: language.text) {
                    lines = [refusal]
                } else {
                    guard let (_, described) = ErrorPages.describe(error) else { throw error }
                    lines = described
                }
            }
            let view = MessageView(lang: language.code, organizer: nil, notice: nil, heading: language.text.problem,
                                   lines: lines.map(DisplayText.safe), back: "/p/" + token, backLabel: language.text.back)
            return try HTMLPage(html: environment.templates.render("message", view), status: .badRequest).response(from: request, context: context)
        }
        return Responses.redirect(to: "/p/\(token)?done=\(done)")
    }
}

extension ParticipantRoutes {
    /// Why a participant's request or rating was refused, in its page's words: never the
    /// organizer's, which name other companies, their sides and the commands that change them.
    static func refusal(_ error: any Error, in text: PageText) -> String? {
        switch error {
        case let error as ParticipantActionError:
            switch error {
            case .ownCompany, .sameSide, .blocked, .noSuchRequest: text.cannotRequest
            case .noSuchMeeting: text.noSuchMeeting
            case .notYetHeld: text.notYetHeld
            case .scheduled: text.organizerDecides
            case .alreadyMeeting: text.alreadyMeeting
            case .notDeclined: text.notDeclined
            }
        case EventError.notParticipant, StoreError.unknownCompany: text.cannotRequest
        case EventError.invalidEvent: text.organizerDecides
        default: nil
        }
    }

    /// A profile field refused, in the page's words: the field's name, the value as written (the
    /// engine's words quote it) and what is wrong, with the format where the page shows one; never
    /// the engine's advice, which names commands.
    static func refusal(_ issue: FieldIssue, in text: PageText) -> String {
        let labels = ["name": text.name, "region": text.region, "city": text.city, "size": text.size, "languages": text.languages,
                      "description": text.description, "offers": text.offers, "seeks": text.seeks]
        let label = labels[issue.field] ?? issue.field
        let parts = issue.message.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return "\(label)\(text.colon)\(text.required)" }
        let format = issue.field == "offers" || issue.field == "seeks" ? text.openParenthesis + text.profileFormat + text.closeParenthesis : ""
        return "\(label)\(text.colon)'\(parts[1])' \(text.invalidValue)\(format)"
    }
}

/// A participant token that opens nothing: answered with a page in every language.
struct ParticipantNotFound: Error {}
