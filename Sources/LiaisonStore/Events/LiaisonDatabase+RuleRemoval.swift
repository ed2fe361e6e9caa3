import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// What taking a rule back did: the rule as the event held it, and whether the change
    /// discarded the current schedule. Taking a rule back only relaxes the event, so a schedule
    /// that held still holds: it is kept, and remembers that the rules changed since it was made
    /// (its figures are of the event as it was), and a schedule being computed meanwhile is not
    /// saved (``EventError/changedWhileScheduling(_:)``), as after any other change.
    public struct RuleRemoval<Rule: Sendable>: Sendable {
        /// The rule taken back, as it was stored (its pair the way round it was written).
        public var rule: Rule
        /// Whether the current schedule was discarded: the event must be scheduled again.
        public var discardedSchedule: Bool
    }

    /// Takes back the request of `a` and `b` (a pair is unordered: either way round), the
    /// organizer's or a participant's, whatever its status. Refused, changing nothing, when the
    /// pair has none (``EventError/noRule(event:kind:a:b:)``) or one of them is no participant.
    @discardableResult
    public func removeRequest(_ a: String, _ b: String, from event: String) throws -> RuleRemoval<MeetingRequest> {
        try removeRule(.request, a, b, from: event) { _, before in
            before.request(between: a, and: b)
        } delete: { db, request in
            _ = try RequestRecord.deleteOne(db, key: ["event": event, "a": request.a, "b": request.b])
        }
    }

    /// Takes back the block of `a` and `b` (either way round), whoever made it. A block a
    /// participant made ("not interested", through its link) is the organizer's to take back
    /// too: the pair may then meet, the participant's page no longer lists it as declined, and
    /// the participant may decline again. The removal says whose block it was
    /// (``BlockEntry/origin``). Refused, changing nothing, when the pair has none
    /// (``EventError/noRule(event:kind:a:b:)``) or one of them is no participant.
    @discardableResult
    public func removeBlock(_ a: String, _ b: String, from event: String) throws -> RuleRemoval<BlockEntry> {
        // Who made it is the record's, which the event's definition does not hold.
        try removeRule(.block, a, b, from: event) { db, _ in
            try BlockRecord.filter(BlockRecord.Columns.event == event).fetchAll(db).first { Set([$0.a, $0.b]) == Set([a, b]) }?.entry
        } delete: { db, entry in
            _ = try BlockRecord.deleteOne(db, key: ["event": event, "a": entry.block.a, "b": entry.block.b])
        }
    }

    /// Takes back the lock of `a` and `b` (either way round): the scheduler may then place their
    /// meeting anywhere, or not at all. Refused, changing nothing, when the pair has none
    /// (``EventError/noRule(event:kind:a:b:)``) or one of them is no participant.
    @discardableResult
    public func removeLock(_ a: String, _ b: String, from event: String) throws -> RuleRemoval<MeetingLock> {
        try removeRule(.lock, a, b, from: event) { _, before in
            before.lock(between: a, and: b)
        } delete: { db, lock in
            _ = try LockRecord.deleteOne(db, key: ["event": event, "a": lock.a, "b": lock.b])
        }
    }

    /// A participant takes back its own "not interested" in `other` (a click by mistake, through its
    /// link): the block of origin `participant` that `company` made of the pair, and only it — never
    /// a block the organizer set, nor the other's "not interested" in `company`. It goes as the
    /// organizer's removals go (``changeRules(_:companies:_:)``): the current schedule is kept,
    /// remembering the change, and a schedule being computed meanwhile is not saved. The pair may
    /// then be suggested, asked for and declined again; requests withdrawn when it declined stay
    /// withdrawn. Refused, changing nothing, when `company` has no such block
    /// (``ParticipantActionError/notDeclined(_:_:)``) or one of them is no participant.
    @discardableResult
    public func takeBackDecline(event: String, from company: String, with other: String) throws -> RuleRemoval<BlockEntry> {
        let (company, other) = (CompanyText.nfc(company), CompanyText.nfc(other))
        return try removeRule(.block, company, other, from: event) { db, _ in
            // Its own block is written with it as `a` (``declineMatch(event:from:with:)``).
            guard let record = try BlockRecord.fetchOne(db, key: ["event": event, "a": company, "b": other]), record.origin == .participant else {
                throw ParticipantActionError.notDeclined(company, other)
            }
            return record.entry
        } delete: { db, entry in
            _ = try BlockRecord.deleteOne(db, key: ["event": event, "a": entry.block.a, "b": entry.block.b])
        }
    }

    /// Takes back the rule of `kind` that `find` finds for the pair, given the event as
    /// ``changeRules(_:companies:_:)`` read it, with `delete`, through that change as every
    /// change of the rules goes. The pair's ids are compared as Swift compares text, in which
    /// both Unicode forms of an id are the same; the messages name them in NFC, as stored.
    private func removeRule<Rule: Sendable>(_ kind: EventError.RuleKind, _ a: String, _ b: String, from event: String,
                                            find: (Database, EventDefinition) throws -> Rule?,
                                            delete: (Database, Rule) throws -> Void) throws -> RuleRemoval<Rule> {
        let (a, b) = (CompanyText.nfc(a), CompanyText.nfc(b))
        var removed: Rule?
        let discarded = try changeRules(event, companies: [a, b]) { db, before in
            guard let rule = try find(db, before) else { throw EventError.noRule(event: event, kind: kind, a: a, b: b) }
            try delete(db, rule)
            removed = rule
        }
        // The change found the rule, or threw.
        return RuleRemoval(rule: removed!, discardedSchedule: discarded)
    }
}
