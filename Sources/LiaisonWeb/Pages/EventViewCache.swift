import Foundation
import LiaisonStore

/// Each event's participants' pages as the database holds them, read at once for all its
/// participants (``LiaisonDatabase/participantViews(event:)``) with its matchboard's key, and kept
/// with the ``PageStamp`` read before them: while the stamp is the same, nothing they hold changed.
///
/// A lock, not an actor, for the reason ``MatchboardCache`` gives.
final class EventViewCache: @unchecked Sendable {
    /// What an event's pages show, as read under `stamp`.
    struct Views: Sendable {
        let stamp: PageStamp
        let views: [String: ParticipantView]
        let board: EventMatchboard.Key
        /// When each slot ends, by slot (none when the event's time zone is unknown): a meeting may
        /// be rated from then on. Worked out once per event, not per page: time zones cost.
        let slotEnds: [Int: Date]
    }

    private let lock = NSLock()
    private var events: [String: Views] = [:]

    /// The event's pages as of `stamp` (read just before): kept ones while the stamp holds, else read
    /// again. Callers for the same event wait for one read rather than each making it.
    func views(_ event: String, stamp: PageStamp, database: LiaisonDatabase) throws -> Views {
        try lock.withLock { try read(event, stamp: stamp, database: database) }
    }

    private func read(_ event: String, stamp: PageStamp, database: LiaisonDatabase) throws -> Views {
        if let kept = events[event], kept.stamp == stamp { return kept }
        let views = try database.participantViews(event: event)
        let board = try database.eventMatchboardKey(event)
        var slotEnds: [Int: Date] = [:]
        if let spec = views.first?.value.event, spec.slots > 0 {
            for slot in 1...spec.slots { slotEnds[slot] = LiaisonDatabase.end(ofSlot: slot, in: spec) }
        }
        let read = Views(stamp: stamp, views: views, board: board, slotEnds: slotEnds)
        events[event] = read
        return read
    }
}
