import Hummingbird
import LiaisonCore
import LiaisonScheduling
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
    /// Who takes part: `3 delegates, 5 hosts`; in an open event, where sides do not count, `8 participants (open)`.
    var who: String
    var meetings: String
    /// When it was last published, as the console shows instants, or `not yet`.
    var published: String

    init(_ summary: EventSummary) {
        id = DisplayText.safe(summary.spec.id)
        href = "/events/" + URLText.component(summary.spec.id)
        name = DisplayText.safe(summary.spec.name)
        date = summary.spec.date
        city = DisplayText.safe(summary.spec.city)
        participants = summary.delegates + summary.hosts
        who = summary.spec.pairing == .open ? EnglishCount.of(participants, "participant") + " (open)"
            : EnglishCount.of(summary.delegates, "delegate") + ", " + EnglishCount.of(summary.hosts, "host")
        meetings = summary.meetings.map(String.init) ?? "–"
        published = summary.publishedAt.map(DisplayText.instant) ?? "not yet"
    }
}
