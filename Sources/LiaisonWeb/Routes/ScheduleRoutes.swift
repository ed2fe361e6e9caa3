import Foundation
import Hummingbird
import LiaisonFormats
import LiaisonScheduling
import LiaisonStore

/// The schedule in the console: run it, read the quality report and the grid of slots × tables,
/// move or lock a meeting (every hard rule checked, the report updated), publish, and download
/// every export (generated in memory; no request value names a file on disk).
struct ScheduleRoutes {
    let environment: WebEnvironment

    func add(to group: RouterGroup<WebContext>) {
        group.get("/events/:event/schedule", use: show)
        group.post("/events/:event/schedule", use: schedule)
        group.post("/events/:event/schedule/move", use: move)
        group.post("/events/:event/publish", use: publish)
        group.get("/events/:event/exports", use: exports)
        group.get("/events/:event/export/:format", use: download)
    }

    /// `GET /events/ID/schedule`
    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let database = environment.database
        let definition = try database.eventDefinition(id)
        // No schedule: never scheduled, or discarded by a change after a publication (which the page tells).
        var document: ScheduleDocument?, discarded: String?
        do {
            document = try database.eventScheduleDocument(id)
        } catch let error as EventError {
            if case .scheduleDiscarded(_, let publishedAt) = error {
                discarded = "The schedule was discarded by a change of the event's participants or rules. Participants still see "
                    + "the schedule published at \(DisplayText.instant(publishedAt)). Schedule again to make a new one."
            }
        }
        let locked = Set(definition.locks.map { MeetingPair(delegate: $0.a, host: $0.b) } + definition.locks.map { MeetingPair(delegate: $0.b, host: $0.a) })
        let publishedAt = try database.publishedAt(id)?.ISO8601Format()
        var view = ScheduleView(definition: definition, document: document, locked: locked, publishedAt: publishedAt,
                                csrf: context.session!.csrf, notice: EventRoutes.notice(request))
        view.discarded = discarded
        return try HTMLPage(html: environment.templates.render("schedule", view)).response(from: request, context: context)
    }

    /// Seconds the console lets the exact search run: a page waits for it.
    static let exactSecondsLimit = 120

    /// `POST /events/ID/schedule` (`minMeetings`, `keepPublished`, `exactSeconds`): schedules as
    /// `liaison event schedule`; without `exactSeconds`, with the standard exact search.
    @Sendable func schedule(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let exactSeconds = try fields.int("exactSeconds")
        if let exactSeconds, !(0...Self.exactSecondsLimit).contains(exactSeconds) {
            throw HTTPError(.badRequest, message: "the seconds of exact search must be from 0 to \(Self.exactSecondsLimit)")
        }
        _ = try environment.database.scheduleEvent(id, minMeetings: try fields.int("minMeetings") ?? 0, keepPublished: fields.flag("keepPublished"),
                                                   exactSearch: .asked(seconds: exactSeconds.map(Double.init)))
        return Responses.redirect(to: EventRoutes.href(id) + "/schedule?done=scheduled")
    }

    /// `POST /events/ID/schedule/move` (`delegate`, `host`, `slot`, `table`, `lock`): moves one meeting.
    @Sendable func move(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        try environment.database.moveMeeting(event: id, delegate: try fields.require("delegate"), host: try fields.require("host"),
                                             toSlot: try fields.requireInt("slot"), table: try fields.requireInt("table"), lock: fields.flag("lock"))
        return Responses.redirect(to: EventRoutes.href(id) + "/schedule?done=moved")
    }

    /// `POST /events/ID/publish` (`schedule`: the fingerprint of the schedule the page showed):
    /// publishes it, unless the schedule has changed since.
    @Sendable func publish(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        _ = try environment.database.publishEvent(id, shown: try fields.require("schedule"))
        return Responses.redirect(to: EventRoutes.href(id) + "/schedule?done=published")
    }

    /// `GET /events/ID/exports`: every export's files; without a current schedule (never made,
    /// or discarded by a change), why there are none and where to make one.
    @Sendable func exports(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let database = environment.database
        var view = ExportsView(organizer: OrganizerBar(csrf: context.session!.csrf), id: DisplayText.safe(id),
                               name: DisplayText.safe(try database.eventDefinition(id).spec.name), eventHref: EventRoutes.href(id),
                               scheduleHref: EventRoutes.href(id) + "/schedule", formats: [])
        do {
            let document = try database.eventScheduleDocument(id)
            let stamp = environment.now()
            view.formats = try ScheduleFormat.allCases.map { format in
                ExportsView.Format(label: Self.label(format), files: try format.files(document, stamp: stamp).map { file in
                    let href = EventRoutes.href(id) + "/export/" + format.rawValue + (format.isFolder ? "?file=" + URLText.component(file.path) : "")
                    return ExportsView.File(path: DisplayText.safe(file.path.isEmpty ? Self.fileName(id, format) : file.path), href: href)
                })
            }
        } catch let error as EventError {
            switch error {
            case .notScheduled, .scheduleDiscarded: view.missing = DisplayText.safe(ConsoleWords.refusal(error))
            default: throw error
            }
        }
        return try HTMLPage(html: environment.templates.render("exports", view)).response(from: request, context: context)
    }

    /// `GET /events/ID/export/FORMAT[?file=PATH]`: one file of an export, generated now. A
    /// folder format's file is found by comparing `file` with the paths the writer produced;
    /// it never reaches the file system.
    @Sendable func download(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        guard let format = ScheduleFormat(rawValue: try context.pathParameter("format")) else {
            throw HTTPError(.notFound, message: "no such export format")
        }
        let files = try format.files(try environment.database.eventScheduleDocument(id), stamp: environment.now())
        let wanted = format.isFolder ? FormFields.query(request)["file"] : ""
        guard let file = files.first(where: { $0.path == wanted }) else { throw HTTPError(.notFound, message: "no such file in the export") }
        let name = format.isFolder ? file.path.split(separator: "/").last.map(String.init) ?? file.path : Self.fileName(id, format)
        return Responses.download(file.data, filename: name, contentType: Self.contentType(format, path: name))
    }

    static func label(_ format: ScheduleFormat) -> String {
        switch format {
        case .csv: "CSV: the master list and each participant's agenda"
        case .ics: "Calendars (ICS), one per participant"
        case .html: "Printable page (HTML)"
        case .json: "JSON for scripts"
        }
    }

    static func fileName(_ id: String, _ format: ScheduleFormat) -> String {
        ExportFileName.component(id) + (format == .html ? ".html" : ".json")
    }

    static func contentType(_ format: ScheduleFormat, path: String) -> String {
        switch format {
        case .csv: "text/csv; charset=utf-8"
        case .ics: "text/calendar; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        case .json: "application/json"
        }
    }
}
