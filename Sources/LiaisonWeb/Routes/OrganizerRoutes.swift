import Hummingbird
import LiaisonStore

/// The console's home: the events and the size of the catalog.
struct OrganizerRoutes {
    let environment: WebEnvironment

    func add(to group: RouterGroup<WebContext>) {
        group.get("/", use: home)
    }

    /// `GET /`
    @Sendable func home(_ request: Request, context: WebContext) async throws -> Response {
        let database = environment.database
        let events = try database.events().map(EventRow.init)
        let view = HomeView(lang: "en", organizer: OrganizerBar(csrf: context.session!.csrf), notice: nil,
                            companyCount: try database.companyCountsByCountry().reduce(0) { $0 + $1.companies },
                            hasEvents: !events.isEmpty, events: events)
        return try HTMLPage(html: environment.templates.render("organizer_home", view)).response(from: request, context: context)
    }
}

/// The console's home page.
struct HomeView: Sendable {
    var lang: String
    var organizer: OrganizerBar?
    var notice: String?
    var companyCount: Int
    var hasEvents: Bool
    var events: [EventRow]
}

/// An event in a list.
struct EventRow: Sendable {
    var id: String
    var href: String
    var name: String
    var date: String
    var city: String
    var participants: Int
    var delegates: Int
    var hosts: Int
    var meetings: String
    var published: String

    init(_ summary: EventSummary) {
        id = DisplayText.safe(summary.spec.id)
        href = "/events/" + URLText.component(summary.spec.id)
        name = DisplayText.safe(summary.spec.name)
        date = summary.spec.date
        city = DisplayText.safe(summary.spec.city)
        participants = summary.delegates + summary.hosts
        delegates = summary.delegates
        hosts = summary.hosts
        meetings = summary.meetings.map(String.init) ?? "–"
        published = summary.publishedAt ?? "not yet"
    }
}
