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

    /// What giving a pair a rule did: the pair's rule now, the one it replaced, and whether the
    /// change broke the current schedule, which was therefore discarded.
    public struct RuleChange<Rule: Sendable>: Sendable {
        public var rule: Rule
        /// The pair's rule of that kind before, either way round; nil when it had none.
        public var previous: Rule?
        public var discardedSchedule: Bool
    }

    /// The organizer asks for a meeting of `a` and `b` (in force at once), replacing the pair's
    /// request. What it does not say is kept from that request: `must` nil keeps a must-meet
    /// request one (a new request is not a must), `session` ``RequestedSession/unchanged`` keeps
    /// its session. So asking again, say for a session, never drops a must without a word.
    public func requestMeeting(_ a: String, _ b: String, must: Bool?, session: RequestedSession, in event: String) throws -> RuleChange<MeetingRequest> {
        var change = RuleChange(rule: MeetingRequest(a: a, b: b, must: false), previous: nil, discardedSchedule: false)
        change.discardedSchedule = try changeRules(event, companies: [a, b]) { db, before in
            change.previous = before.request(between: a, and: b)
            change.rule.must = must ?? change.previous?.must ?? false
            switch session {
            case .unchanged: change.rule.session = change.previous?.session
            case .any: change.rule.session = nil
            case .named(let name): change.rule.session = name
            }
            try EventStore.saveRequest(change.rule, event: event, in: db)
        }
        return change
    }

    /// Fixes the meeting of a lock's pair where it says, replacing the pair's lock (either way
    /// round); says which it replaced.
    public func lockMeeting(_ lock: MeetingLock, in event: String) throws -> RuleChange<MeetingLock> {
        var previous: MeetingLock?
        let discarded = try changeRules(event, companies: [lock.a, lock.b]) { db, before in
            previous = before.lock(between: lock.a, and: lock.b)
            try EventStore.saveLock(lock, event: event, in: db)
        }
        return RuleChange(rule: lock, previous: previous, discardedSchedule: discarded)
    }
}
