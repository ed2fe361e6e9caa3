import GRDB
import LiaisonScheduling

extension LiaisonDatabase {
    /// The session an organizer's request asks for when it is made again.
    public enum RequestedSession: Sendable, Equatable {
        /// The one the pair's request names, if any (none for a new request).
        case unchanged
        /// None: the meeting may fall in any session.
        case any
        /// This one.
        case named(String)
    }

    /// What asking for a meeting did: the pair's request now, the one it replaced, and whether
    /// the change broke the current schedule, which was therefore discarded.
    public struct RequestChange: Sendable {
        public var request: MeetingRequest
        /// The pair's request before, either way round; nil when it had none.
        public var previous: MeetingRequest?
        public var discardedSchedule: Bool
    }

    /// The organizer asks for a meeting of `a` and `b` (in force at once), replacing the pair's
    /// request. What it does not say is kept from that request: `must` nil keeps a must-meet
    /// request one (a new request is not a must), `session` ``RequestedSession/unchanged`` keeps
    /// its session. So asking again, say for a session, never drops a must without a word.
    public func requestMeeting(_ a: String, _ b: String, must: Bool?, session: RequestedSession, in event: String) throws -> RequestChange {
        var change = RequestChange(request: MeetingRequest(a: a, b: b, must: false), previous: nil, discardedSchedule: false)
        change.discardedSchedule = try changeRules(event, companies: [a, b]) { db, before in
            change.previous = before.requests.first { Set([$0.a, $0.b]) == Set([a, b]) }
            change.request.must = must ?? change.previous?.must ?? false
            switch session {
            case .unchanged: change.request.session = change.previous?.session
            case .any: change.request.session = nil
            case .named(let name): change.request.session = name
            }
            try EventStore.saveRequest(change.request, event: event, in: db)
        }
        return change
    }
}
