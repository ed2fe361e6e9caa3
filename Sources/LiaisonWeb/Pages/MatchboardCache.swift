import Foundation
import LiaisonStore

/// Each event's matchboard, kept while its key holds (see ``EventMatchboard``).
///
/// A lock, not an actor: a page is rendered in one go on one thread, without waiting in line again
/// behind every other request at each hop. Building a board holds the lock (callers for the same
/// board wait for it rather than each building one); that happens once per change of profiles,
/// weights, the event's pairing or its participants.
final class MatchboardCache: @unchecked Sendable {
    private let lock = NSLock()
    private var boards: [String: EventMatchboard] = [:]

    /// The event's board for `key` (read just before), rebuilt when a profile, the weights, the
    /// pairing or the participants changed.
    func board(_ event: String, key: EventMatchboard.Key, database: LiaisonDatabase) throws -> EventMatchboard {
        try lock.withLock {
            if let board = boards[event], board.key == key { return board }
            let board = try database.eventMatchboard(event)
            boards[event] = board
            return board
        }
    }
}
