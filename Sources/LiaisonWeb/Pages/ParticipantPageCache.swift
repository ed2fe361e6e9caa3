import Foundation
import LiaisonStore
import NIOCore

/// Participants' pages as last read and rendered, by link: what was read (whose pages the link
/// opens, the page's data, the event's matchboard key) under the database's ``PageStamp`` read
/// before it, and the page rendered from it for a clock reading and a notice.
///
/// Nothing here decides whether an entry is current: ``ParticipantPages`` serves an entry's data
/// only while the database's stamp equals the entry's, and its page only for the same ratable
/// meetings and notice.
final class ParticipantPageCache: @unchecked Sendable {
    /// What a link's page was read from, and its page.
    struct Entry: Sendable {
        /// The database's stamp, read before everything below.
        var stamp: PageStamp
        var data: PageData
        /// When each meeting of the agenda that is not cancelled ends, by counterpart: it may be
        /// rated from then on (worked out once, not on each request: time zones cost).
        var meetingEnds: [(counterpart: String, end: Date)]
        var rendered: Rendered?
    }

    /// Everything a page shows that the database holds.
    struct PageData: Equatable, Sendable {
        var access: ParticipantAccess
        var view: ParticipantView
        var board: EventMatchboard.Key
    }

    /// A page rendered from an entry's data, for these meetings to rate (they follow the clock)
    /// and this notice.
    struct Rendered: Sendable {
        var ratable: [String]
        var notice: String?
        var html: ByteBuffer
    }

    /// Links kept at most; beyond, the cache starts again (events have thousands of participants,
    /// not hundreds of thousands).
    static let capacity = 20_000

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The entry of the link with this token, if one was kept.
    func entry(_ token: String) -> Entry? {
        lock.withLock { entries[token] }
    }

    func store(_ entry: Entry, _ token: String) {
        lock.withLock {
            if entries.count >= Self.capacity, entries[token] == nil { entries.removeAll(keepingCapacity: true) }
            entries[token] = entry
        }
    }

    /// Drops the link's entry (it opens nothing any more).
    func forget(_ token: String) {
        _ = lock.withLock { entries.removeValue(forKey: token) }
    }
}
