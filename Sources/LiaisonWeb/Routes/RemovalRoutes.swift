import Hummingbird
import LiaisonStore

/// Taking things back on an event's page: a participant (after a page that names what goes with
/// it and asks to confirm), a request, a block or a lock — the same use cases as `liaison event
/// remove`, `unrequest`, `unblock` and `unlock`. Each leads back to the event's page, saying what
/// was done, and that the current schedule was discarded when it was.
struct RemovalRoutes {
    let environment: WebEnvironment

    func add(to group: RouterGroup<WebContext>) {
        group.post("/events/:event/participants/remove", use: removeParticipant)
        group.post("/events/:event/requests/remove", use: removeRequest)
        group.post("/events/:event/blocks/remove", use: removeBlock)
        group.post("/events/:event/locks/remove", use: removeLock)
    }

    /// `POST /events/ID/participants/remove` (`company`, `confirm`): without `confirm=yes`, a page
    /// naming the participant and what goes with it (its requests, blocks and locks, and the
    /// current schedule when that holds its meetings), with a button that confirms; with it,
    /// unregisters the company as `liaison event remove` does. Nothing is removed unconfirmed.
    @Sendable func removeParticipant(_ request: Request, context: WebContext) async throws -> Response {
        let id = try EventRoutes.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        let company = try fields.require("company")
        guard fields["confirm"] == "yes" else {
            let database = environment.database
            let removal = try database.participantRemoval(company, from: id)
            let spec = try database.eventDefinition(id).spec
            let ids = [removal.participant.company] + removal.requests.flatMap { [$0.a, $0.b] }
                + removal.blocks.flatMap { [$0.block.a, $0.block.b] } + removal.locks.flatMap { [$0.a, $0.b] }
            let names = try database.companies(ids: Array(Set(ids))).mapValues(\.company.name)
            let view = ParticipantRemovalView(spec: spec, removal: removal, names: names, csrf: context.session!.csrf)
            return try HTMLPage(html: environment.templates.render("remove_participant", view)).response(from: request, context: context)
        }
        let discarded = try environment.database.removeParticipants([company], from: id)
        return Responses.redirect(to: EventRoutes.done("unregistered", at: id, discarded: discarded) + "#participants")
    }

    /// `POST /events/ID/requests/remove` (`a`, `b`): takes back the pair's request, either way
    /// round, as `liaison event unrequest`.
    @Sendable func removeRequest(_ request: Request, context: WebContext) async throws -> Response {
        let (id, a, b) = try await pair(request, context)
        let removal = try environment.database.removeRequest(a, b, from: id)
        return Responses.redirect(to: EventRoutes.done("unrequest", at: id, discarded: removal.discardedSchedule) + "#requests")
    }

    /// `POST /events/ID/blocks/remove` (`a`, `b`): takes back the pair's block, whoever made it,
    /// as `liaison event unblock`.
    @Sendable func removeBlock(_ request: Request, context: WebContext) async throws -> Response {
        let (id, a, b) = try await pair(request, context)
        let removal = try environment.database.removeBlock(a, b, from: id)
        let done = removal.rule.origin == .participant ? "unblock-participant" : "unblock"
        return Responses.redirect(to: EventRoutes.done(done, at: id, discarded: removal.discardedSchedule) + "#blocks")
    }

    /// `POST /events/ID/locks/remove` (`a`, `b`): takes back the pair's lock, as `liaison event unlock`.
    @Sendable func removeLock(_ request: Request, context: WebContext) async throws -> Response {
        let (id, a, b) = try await pair(request, context)
        let removal = try environment.database.removeLock(a, b, from: id)
        return Responses.redirect(to: EventRoutes.done("unlock", at: id, discarded: removal.discardedSchedule) + "#locks")
    }

    /// The event of the path and the pair of a form whose token was checked.
    private func pair(_ request: Request, _ context: WebContext) async throws -> (event: String, a: String, b: String) {
        let id = try EventRoutes.event(context)
        let fields = try await FormFields.posted(request)
        try FormToken.check(fields, context)
        return (id, try fields.require("a"), try fields.require("b"))
    }
}
