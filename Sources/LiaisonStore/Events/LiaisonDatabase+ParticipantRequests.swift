import Foundation
import GRDB
import LiaisonScheduling

extension LiaisonDatabase {
    /// A participant asks, through its link, to meet another participant: stored as a request of
    /// origin `participant` (`a` is the one asking), pending until the organizer accepts it.
    /// Asking for a pair already requested, either way, changes nothing and returns that request.
    /// Refused for a pair that meets in the current or the published schedule: there is nothing
    /// left to ask the organizer for.
    @discardableResult
    public func requestMeeting(event: String, from company: String, with other: String) throws -> MeetingRequest {
        try writer.write { db in
            let definition = try definition(event, db: db)
            try Self.checkPair(company, other, in: definition)
            if try Self.meets(company, other, event: event, db: db) { throw ParticipantActionError.alreadyMeeting(company, other) }
            if let existing = definition.request(between: company, and: other) {
                return existing
            }
            let request = MeetingRequest(a: company, b: other, must: false, origin: .participant, status: .pending)
            try EventStore.saveRequest(request, event: event, in: db)
            return request
        }
    }

    /// A participant is not interested in meeting another: the pair is blocked (as `a` the one
    /// not interested), and plain requests between them, accepted or not, are withdrawn. Refused
    /// when the organizer requires the meeting (a must-meet request), and when the pair meets in
    /// the current or the published schedule: a participant's click never discards a schedule.
    public func declineMatch(event: String, from company: String, with other: String) throws {
        try writer.write { db in
            let definition = try definition(event, db: db)
            try Self.checkPair(company, other, in: definition, allowBlocked: true)
            let pair = Set([company, other])
            if try Self.meets(company, other, event: event, db: db) { throw ParticipantActionError.scheduled(company, other) }
            for request in definition.requests where Set([request.a, request.b]) == pair && !request.must {
                try RequestRecord.deleteOne(db, key: ["event": event, "a": request.a, "b": request.b])
            }
            if !definition.isBlocked(company, other) {
                try EventStore.saveBlock(PairBlock(a: company, b: other), origin: .participant, event: event, in: db)
            }
            try Self.validate(event, db: db, since: definition)
        }
    }

    /// The organizer accepts (the request is then in force: the next scheduling run tries to place
    /// it) or declines a participant's request of `a` to meet `b`.
    public func decideRequest(event: String, a: String, b: String, accept: Bool) throws {
        try writer.write { db in
            let before = try definition(event, db: db)
            guard var record = try RequestRecord.fetchOne(db, key: ["event": event, "a": a, "b": b]), record.origin == .participant else {
                throw ParticipantActionError.noSuchRequest(a, b)
            }
            record.status = accept ? .accepted : .declined
            try record.update(db)
            try Self.validate(event, db: db, since: before)
        }
    }

    /// Whether the two meet in the event's current or published schedule (a cancelled published
    /// meeting is not one).
    private static func meets(_ company: String, _ other: String, event: String, db: Database) throws -> Bool {
        let pair = Set([company, other])
        return try ScheduleStore.meetings(event, in: db).contains { Set([$0.delegate, $0.host]) == pair }
            || ScheduleStore.published(event, in: db).contains { !$0.cancelled && Set([$0.delegate, $0.host]) == pair }
    }

    /// Refuses a pair a participant may not ask for: itself, a company that is no participant, a
    /// pair the event's pairing rules out (two of one side of a sides event), a blocked pair.
    private static func checkPair(_ company: String, _ other: String, in definition: EventDefinition, allowBlocked: Bool = false) throws {
        guard company != other else { throw ParticipantActionError.ownCompany(company) }
        let sides = Dictionary(definition.participants.map { ($0.company, $0.side) }, uniquingKeysWith: { a, _ in a })
        for id in [company, other] where sides[id] == nil {
            throw EventError.notParticipant(event: definition.spec.id, company: id)
        }
        guard let side = sides[company], let otherSide = sides[other], definition.spec.pairing.allows(side, otherSide) else {
            throw ParticipantActionError.sameSide(company, other)
        }
        if !allowBlocked, definition.isBlocked(company, other) {
            throw ParticipantActionError.blocked(company, other)
        }
    }
}
