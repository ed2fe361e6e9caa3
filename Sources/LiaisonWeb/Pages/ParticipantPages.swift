import Foundation
import LiaisonStore
import NIOCore

/// A participant's page by its link, read and rendered only when something it shows changed.
///
/// Each request reads the database's ``PageStamp`` (one small statement): while it is the one a
/// link's page was read under, the page's data is what was read then — whatever process wrote
/// since, the stamp would differ — and the page rendered from it is served as it is, unless the
/// clock made a meeting ratable or a notice is to be shown. When the stamp moved, the link is
/// checked again and the page's data taken from its event's pages, read again once for all of
/// them (``EventViewCache``); a page whose data did not change is not rendered again (a change
/// elsewhere in the event moves the stamp for every page).
struct ParticipantPages: Sendable {
    let database: LiaisonDatabase
    let templates: PageTemplates
    let events: EventViewCache
    let boards: MatchboardCache
    let cache: ParticipantPageCache

    /// Suggestions shown on a page.
    static let suggestionCount = 20

    /// The page that `token` opens, as UTF-8 HTML, with the notice for the form just done
    /// (`done`, as the forms' redirects name it), the meetings ended by `now` to rate; nil when the
    /// token opens nothing (malformed, unknown, revoked, or its participant left the event).
    func page(token: String, done: String?, now: Date) throws -> ByteBuffer? {
        let stamp = try database.participantPagesStamp()
        let kept = cache.entry(token)
        var entry: ParticipantPageCache.Entry
        if let kept, kept.stamp == stamp {
            entry = kept
        } else {
            guard let access = try database.participantAccess(token: token),
                  case let event = try events.views(access.event, stamp: stamp, database: database),
                  let view = event.views[access.company] else {
                cache.forget(token)
                return nil
            }
            let data = ParticipantPageCache.PageData(access: access, view: view, board: event.board)
            let ends = (view.agenda ?? []).filter { !$0.cancelled }.compactMap { meeting in event.slotEnds[meeting.slot].map { (meeting.counterpart, $0) } }
            entry = ParticipantPageCache.Entry(stamp: stamp, data: data, meetingEnds: ends, rendered: kept?.data == data ? kept?.rendered : nil)
        }
        let view = entry.data.view
        let language = PageLanguage(companyLanguages: view.company.company.languages)
        let notice = done.flatMap { Self.notice(done: $0, language: language) }
        let ratable = entry.meetingEnds.filter { $0.end <= now }.map(\.counterpart)
        if let rendered = entry.rendered, rendered.ratable == ratable, rendered.notice == notice {
            if entry.stamp != kept?.stamp { cache.store(entry, token) }
            return rendered.html
        }
        let access = entry.data.access
        let board = try boards.board(access.event, key: entry.data.board, database: database)
        // Neither those it is not to meet nor those it meets (published or only scheduled): such a
        // meeting is the organizer's to call off.
        let excluded = Set(view.blocks.map { view.other(in: ($0.a, $0.b)) }).union(view.scheduledWith)
            .union((view.agenda ?? []).filter { !$0.cancelled }.map(\.counterpart))
        let suggestions = board.suggestions(for: access.company, excluding: excluded, limit: Self.suggestionCount)
        let page = try ParticipantPage(view: view, access: access, token: token, suggestions: suggestions, notice: notice,
                                       taxonomy: database.taxonomy, now: now)
        let html = ByteBuffer(string: templates.render(PageTemplates.participant(language), page))
        entry.rendered = ParticipantPageCache.Rendered(ratable: ratable, notice: notice, html: html)
        cache.store(entry, token)
        return html
    }

    /// What the page says after a form was done, in the participant's language.
    private static func notice(done: String, language: PageLanguage) -> String? {
        switch done {
        case "requested": language.text.doneRequested
        case "not-interested": language.text.doneNotInterested
        case "interested": language.text.doneInterested
        case "profile": language.text.doneProfile
        case "rated": language.text.doneRated
        default: nil
        }
    }
}
