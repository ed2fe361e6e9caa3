import Foundation
import LiaisonStore

/// Participants' rendered pages, each kept with everything it was rendered from: the link, the page's data
/// as read (``ParticipantView``), the event's matchboard key (the suggestions), which meetings
/// can be rated (the clock) and the notice. A page is served from here only when what was read
/// for this request is equal to all of it, so it is never stale; rendering is most of a page's
/// cost, reading it a small part.
final class ParticipantPageCache: @unchecked Sendable {
    /// What a page was rendered from.
    struct Key: Hashable, Sendable {
        /// The link the page was opened by: its forms post to it, with its form token.
        var token: String
        var csrf: String
        var view: ParticipantView
        var board: EventMatchboard.Key
        var ratable: [String]
        var notice: String?
    }

    /// Pages kept at most; beyond, the cache starts again (events have thousands of participants,
    /// not hundreds of thousands).
    static let capacity = 20_000

    private let lock = NSLock()
    private var pages: [String: (key: Key, html: String)] = [:]

    /// The page of participant `id` (company and event) when it was rendered from `key`.
    func page(_ id: String, key: Key) -> String? {
        lock.withLock {
            guard let entry = pages[id], entry.key == key else { return nil }
            return entry.html
        }
    }

    func store(_ html: String, _ id: String, key: Key) {
        lock.withLock {
            if pages.count >= Self.capacity, pages[id] == nil { pages.removeAll(keepingCapacity: true) }
            pages[id] = (key, html)
        }
    }
}
