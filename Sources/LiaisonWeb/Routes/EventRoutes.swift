import Foundation
import Hummingbird
import LiaisonFormats
import LiaisonScheduling
import LiaisonStore

/// Events in the console: create one, register participants, requests (a participant's marked,
/// to accept or decline), blocks, locks, participants' links and the outcome rates (taking
/// participants and rules back: ``RemovalRoutes``).
struct EventRoutes {
    let environment: WebEnvironment

    func add(to group: RouterGroup<WebContext>) {
        group.get("/events", use: list)
        group.post("/events", use: create)
        group.get("/events/:event", use: show)
        group.post("/events/:event/participants", use: register)
        group.post("/events/:event/requests", use: addRequest)
        group.post("/events/:event/requests/decide", use: decide)
        group.post("/events/:event/blocks", use: addBlock)
        group.post("/events/:event/locks", use: addLock)
        group.get("/events/:event/links", use: links)
        group.post("/events/:event/links", use: issueLinks)
        group.post("/events/:event/links/renew", use: renewLink)
    }

    /// `GET /events`
    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let events = try environment.database.events().map(EventRow.init)
        let view = EventListView(organizer: OrganizerBar(csrf: context.session!.csrf), csrf: context.session!.csrf,
                                 hasEvents: !events.isEmpty, events: events)
        return try HTMLPage(html: environment.templates.render("events", view)).response(from: request, context: context)
    }

    /// `POST /events`: creates an event as `liaison event create` does (see ``EventForm``). What
    /// cannot be read, or what the store refuses, shows the form again as it was sent, with the
    /// problem above it.
    @Sendable func create(_ request: Request, context: WebContext) async throws -> Response {
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        do {
            let spec = try environment.database.createEvent(try EventForm.spec(fields))
            return Responses.redirect(to: Self.href(spec.id))
        } catch {
            let lines: [String]
            switch error {
            case let error as HTTPError where error.status == .badRequest: lines = [error.body ?? error.status.reasonPhrase]
            default:
                guard let (_, described) = ErrorPages.describe(error) else { throw error }
                lines = described
            }
            let events = try environment.database.events().map(EventRow.init)
            let view = EventListView(organizer: OrganizerBar(csrf: context.session!.csrf), csrf: context.session!.csrf,
                                     hasEvents: !events.isEmpty, events: events, form: EventForm(fields), problems: lines.map(DisplayText.safe))
            return try HTMLPage(html: environment.templates.render("events", view), status: .badRequest).response(from: request, context: context)
        }
    }

    /// `GET /events/ID`
    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let database = environment.database
        let definition = try database.eventDefinition(id)
        let ids = definition.participants.map(\.company) + definition.requests.flatMap { [$0.a, $0.b] }
            + definition.blocks.flatMap { [$0.a, $0.b] } + definition.locks.flatMap { [$0.a, $0.b] }
        let names = try database.companies(ids: Array(Set(ids))).mapValues(\.company.name)
        let view = EventView(definition: definition, blocks: try database.blockEntries(event: id), names: names,
                             outcomes: try database.outcomeSummary(event: id),
                             csrf: context.session!.csrf, notice: Self.notice(request))
        return try HTMLPage(html: environment.templates.render("event", view)).response(from: request, context: context)
    }

    /// `POST /events/ID/participants`: registers companies (ids separated by spaces, commas or
    /// lines, in double quotes when one holds a space; see ``CompanyIDList``) with the settings
    /// given, as `liaison event add`.
    @Sendable func register(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let companies = CompanyIDList.parse(try fields.require("companies"))
        var settings = ParticipantSettings(maxMeetings: try fields.int("maxMeetings"), reps: try fields.int("reps"),
                                           interpreter: fields.text("interpreter"))
        if let text = fields.text("available"), text.lowercased() != "all" {
            guard let slots = SlotSet(parsing: text) else { throw HTTPError(.badRequest, message: "available slots are written such as 1-4,7, not '\(text)'") }
            settings.available = slots
        }
        let registration = try environment.database.addParticipants(companies, to: id, settings: settings)
        return Responses.redirect(to: Self.done("registered", at: id, discarded: registration.discardedSchedule))
    }

    /// `POST /events/ID/requests`: the organizer's request (in force at once), in a session when
    /// one is named.
    @Sendable func addRequest(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let discarded = try environment.database.addRequest(MeetingRequest(a: try fields.require("a"), b: try fields.require("b"),
                                                                           must: fields.flag("must"), session: fields.text("session")), to: id)
        return Responses.redirect(to: Self.done("request", at: id, discarded: discarded) + "#requests")
    }

    /// `POST /events/ID/requests/decide` (`a`, `b`, `decision` = accept or decline): the
    /// organizer's answer to a participant's request.
    @Sendable func decide(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let decision = try fields.require("decision")
        guard decision == "accept" || decision == "decline" else { throw HTTPError(.badRequest, message: "decide accept or decline") }
        try environment.database.decideRequest(event: id, a: try fields.require("a"), b: try fields.require("b"), accept: decision == "accept")
        return Responses.redirect(to: Self.href(id) + "?done=\(decision)#requests")
    }

    /// `POST /events/ID/blocks`
    @Sendable func addBlock(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let discarded = try environment.database.addBlock(PairBlock(a: try fields.require("a"), b: try fields.require("b")), to: id)
        return Responses.redirect(to: Self.done("block", at: id, discarded: discarded))
    }

    /// `POST /events/ID/locks`
    @Sendable func addLock(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let discarded = try environment.database.addLock(MeetingLock(a: try fields.require("a"), b: try fields.require("b"),
                                                                     slot: try fields.requireInt("slot"), table: try fields.int("table")), to: id)
        return Responses.redirect(to: Self.done("lock", at: id, discarded: discarded))
    }

    /// `GET /events/ID/links`: every participant's link state (links are shown only when issued).
    @Sendable func links(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let definition = try environment.database.eventDefinition(id)
        let state = try environment.database.participantLinkStates(event: id)
        return try renderLinks(definition: definition, links: state, request: request, context: context)
    }

    /// `POST /events/ID/links`: issues a link to each participant without one; the page shows
    /// the new links this once, or with `format=csv` a CSV file of every participant for a mail
    /// merge (`company,name,link,issued`, as `liaison event links --format csv`, with a byte order
    /// mark for spreadsheets; `link` empty for a link issued before).
    @Sendable func issueLinks(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let definition = try environment.database.eventDefinition(id)
        let links = try environment.database.issueParticipantLinks(event: id)
        guard fields["format"] == "csv" else { return try renderLinks(definition: definition, links: links, request: request, context: context) }
        let origin = linkOrigin(request)
        let rows = links.map { [$0.company, $0.name, $0.token.map { origin + "/p/" + $0 } ?? "", $0.issuedAt ?? ""] }
        // With a byte order mark, as agendas: a spreadsheet then shows Chinese names.
        return Responses.download(Data(ScheduleCSV.byteOrderMark) + (try CSVTable.data(header: ["company", "name", "link", "issued"], rows: rows)),
                                  filename: "links-" + ExportFileName.component(id) + ".csv", contentType: "text/csv; charset=utf-8")
    }

    /// `POST /events/ID/links/renew` (`company`): a new link for one participant; the old one
    /// stops working.
    @Sendable func renewLink(_ request: Request, context: WebContext) async throws -> Response {
        let id = try Self.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let renewed = try environment.database.renewParticipantLink(event: id, company: try fields.require("company"))
        let definition = try environment.database.eventDefinition(id)
        let links = try environment.database.participantLinkStates(event: id).map { $0.company == renewed.company ? renewed : $0 }
        return try renderLinks(definition: definition, links: links, request: request, context: context)
    }

    private func renderLinks(definition: EventDefinition, links: [ParticipantLink], request: Request, context: WebContext) throws -> Response {
        let view = LinksView(definition: definition, links: links, origin: linkOrigin(request), csrf: context.session!.csrf)
        return try HTMLPage(html: environment.templates.render("links", view)).response(from: request, context: context)
    }

    // MARK: - Helpers

    /// Where participants' links start: `serve --base-url`, else the address the console is opened at.
    private func linkOrigin(_ request: Request) -> String {
        environment.baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? "http://" + (request.head.authority ?? "127.0.0.1")
    }

    /// The event id of the path.
    static func event(_ context: WebContext) throws -> String {
        try context.pathParameter("event")
    }

    /// The event page's path.
    static func href(_ id: String) -> String { "/events/" + URLText.component(id) }

    /// Where a form that changed the event's rules sends the organizer: its page, saying what was
    /// `done`, and whether the change broke the current schedule, which was discarded.
    static func done(_ done: String, at id: String, discarded: Bool) -> String {
        href(id) + "?done=" + done + (discarded ? "&schedule=discarded" : "")
    }

    /// What a redirect after a form says was done (and that the current schedule was discarded,
    /// when it was).
    static func notice(_ request: Request) -> String? {
        let query = FormFields.query(request)
        let done = Self.doneNotice(query["done"])
        guard query["schedule"] == "discarded" else { return done }
        return [done, "This change broke the current schedule, which was discarded: schedule the event again."]
            .compactMap { $0 }.joined(separator: " ")
    }

    private static func doneNotice(_ done: String?) -> String? {
        switch done {
        case "registered": "Registered."
        case "request": "Request added."
        case "accept": "Request accepted: the next scheduling run will try to place it."
        case "decline": "Request declined."
        case "block": "Block added."
        case "lock": "Lock added."
        case "unregistered": "Participant removed, with its requests, blocks and locks."
        case "unrequest": "Request removed."
        case "unblock": "Block removed."
        case "unblock-participant": "The participant’s block (not interested) removed: the pair may meet again, and it may decline again."
        case "unlock": "Lock removed."
        case "scheduled": "Scheduled."
        case "moved": "Meeting moved; the figures are updated. Publish to tell participants."
        case "published": "Published: participants' agendas and calendars show this schedule."
        default: nil
        }
    }
}
