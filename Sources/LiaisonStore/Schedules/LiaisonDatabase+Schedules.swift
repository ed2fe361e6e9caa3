import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

/// An event's current schedule as stored: its meetings, each with what it was scored with, and
/// its figures.
public struct EventSchedule: Sendable {
    public var scheduled: [ScheduledMeeting]
    public var state: StoredSchedule
    /// The participants the schedule gives no meeting at all, by id. With a minimum of one or
    /// more they are also among the report's `underMinimum`, with the reason; with a minimum of
    /// 0 this is the only place that names them.
    public var withoutMeetings: [String]
    /// Who may meet whom at the event: its meetings are written with `a` and `b` when open,
    /// `delegate` and `host` otherwise (see ``Meeting/pairingKey``).
    public var pairing: Pairing

    /// The meetings, by slot then table.
    public var meetings: [Meeting] { scheduled.map(\.meeting) }
    public var report: QualityReport { state.report }
    public var unplacedRequests: [UnplacedRequest] { state.unplacedRequests }
    public var changes: ScheduleChanges? { state.changes }
}

/// What `liaison event publish` did.
public struct PublishSummary: Sendable {
    /// Meetings now published (cancelled ones not counted).
    public var meetings: Int
    /// Meetings new to calendars, moved since the last publication, and cancelled by this one.
    public var new: Int
    public var moved: Int
    public var cancelled: Int
}

extension LiaisonDatabase {
    /// Schedules an event from its participants, rules and the exact score of every pair, and
    /// stores the result as its current schedule, each meeting with its score's components and
    /// reasons (the published schedule stays until ``publishEvent(_:)``). With `onlyRequests`,
    /// exactly the requests in force are placed (those that cannot be are named with the reason).
    /// An exact search for fewer breaks spends `exactSearch` (see ``SchedulingInput/exactSearch``;
    /// nil: none). `seed` seeds the searches: the same event and seed give
    /// the same schedule. Returns what was stored.
    public func scheduleEvent(_ id: String, minMeetings: Int, keepPublished: Bool, onlyRequests: Bool = false,
                              exactSearch: ExactBudget? = .standard, seed: UInt64 = 0) throws -> EventSchedule {
        let definition = try eventDefinition(id)
        let scorer = try PairScorer(self, companies: definition.participants.map(\.company))
        let published = try writer.read { db in try ScheduleStore.publishedInForce(definition.spec, in: db) }
        var input = SchedulingInput(
            event: definition.spec, participants: definition.participants, requests: definition.inForce.requests,
            blocks: definition.blocks, locks: definition.locks, scores: Self.pairScores(definition, scorer),
            minMeetings: minMeetings, published: published.meetings, keepPublished: keepPublished)
        input.publishedRetimed = published.retimed
        input.onlyRequests = onlyRequests
        input.exactSearch = exactSearch
        input.seed = seed
        let result = try Scheduler.schedule(input)
        let schedule = EventSchedule(
            scheduled: result.meetings.map(scorer.scheduled),
            state: StoredSchedule(scheduledAt: Timestamp.now(), minMeetings: minMeetings, report: result.report,
                                  unplacedRequests: result.unplacedRequests, changes: result.changes),
            withoutMeetings: Self.withoutMeetings(definition.participants, result.meetings), pairing: definition.spec.pairing)
        try save(schedule, of: id, scheduledFrom: definition)
        return schedule
    }

    /// Stores `schedule` as `id`'s current schedule, unless the event is no longer `definition`,
    /// the one it was computed for: a participant removed, a block or lock added meanwhile (by
    /// another command, or the console) would otherwise be overwritten by a schedule that breaks
    /// it, and could be published.
    func save(_ schedule: EventSchedule, of id: String, scheduledFrom definition: EventDefinition) throws {
        try writer.write { db in
            // What the scheduler read: pending requests may come and go meanwhile.
            guard try self.definition(id, db: db).inForce == definition.inForce else { throw EventError.changedWhileScheduling(id) }
            try ScheduleStore.save(schedule.scheduled, schedule.state, event: id, in: db)
        }
    }

    /// Publishes the current schedule: what calendars and participants then see (see ``Publication``).
    /// With `fingerprint` (``Meeting/fingerprint(of:)`` of the meetings a page showed), only when
    /// the schedule is still that one.
    public func publishEvent(_ id: String, shown fingerprint: String? = nil) throws -> PublishSummary {
        try writer.write { db in
            let definition = try definition(id, db: db)
            _ = try ScheduleStore.current(id, in: db)
            if let fingerprint,
               try Meeting.fingerprint(of: ScheduleStore.meetings(id, in: db).map(\.meeting), timing: definition.spec.timing(ofSlot:)) != fingerprint {
                throw EventError.scheduleChangedSinceShown(id)
            }
            let publication = try ScheduleStore.publish(definition.spec, in: db)
            return PublishSummary(meetings: publication.scheduled.count, new: publication.new, moved: publication.moved,
                                  cancelled: publication.cancelled)
        }
    }

    /// The current schedule as stored: its meetings, figures, and who has no meeting.
    public func eventSchedule(_ id: String) throws -> EventSchedule {
        try writer.read { db in
            let definition = try definition(id, db: db)
            let state = try ScheduleStore.current(id, in: db)
            let scheduled = try ScheduleStore.meetings(id, in: db).map { try $0.scheduled() }
            return EventSchedule(scheduled: scheduled, state: state,
                                 withoutMeetings: Self.withoutMeetings(definition.participants, scheduled.map(\.meeting)),
                                 pairing: definition.spec.pairing)
        }
    }

    /// The exact score of every pair that may meet (delegate–host in a sides event, any two in an
    /// open one, same country included); in an event of more pairs than ``PairScores/completeLimit``,
    /// each participant's best partners only (``PairScores/bestPartners(of:pairing:score:)``), so
    /// that memory holds lists, not every pair.
    static func pairScores(_ definition: EventDefinition, _ scorer: PairScorer) -> PairScores {
        let participants = definition.participants
        let delegates = participants.filter { $0.side == .delegate }.map(\.company)
        let hosts = participants.filter { $0.side == .host }.map(\.company)
        let open = definition.spec.pairing == .open
        // An open event's meeting names first the company whose id sorts first, and is scored so.
        func score(_ a: String, _ b: String) -> Double { open && b < a ? scorer.score(b, a) : scorer.score(a, b) }
        let pairs = open ? participants.count * max(participants.count - 1, 0) / 2 : delegates.count * hosts.count
        if pairs > PairScores.completeLimit {
            return PairScores.bestPartners(of: participants, pairing: definition.spec.pairing, score: score)
        }
        guard open else {
            return PairScores(delegates: delegates, hosts: hosts, values: delegates.flatMap { d in hosts.map { h in scorer.score(d, h) } })
        }
        let companies = participants.map(\.company)
        return PairScores(participants: companies, values: companies.flatMap { a in companies.map { b in a == b ? 0 : score(a, b) } })
    }

    /// The participants in none of `meetings`, by id.
    static func withoutMeetings(_ participants: [Participant], _ meetings: [Meeting]) -> [String] {
        let met = Set(meetings.flatMap { [$0.delegate, $0.host] })
        return participants.map(\.company).filter { !met.contains($0) }.sorted()
    }

    /// The current schedule's stored figures.
    public func eventScheduleState(_ id: String) throws -> StoredSchedule {
        try writer.read { db in
            _ = try definition(id, db: db)
            return try ScheduleStore.current(id, in: db)
        }
    }
}

/// Exact scores of pairs of an event's participants, and the components and reasons of each
/// scheduled meeting, from the weights in force when the event is scheduled.
struct PairScorer {
    private let model: ScoreModel
    private let explanation: MatchExplanation
    private let features: [String: CompanyFeatures]

    init(_ db: LiaisonDatabase, companies: [String]) throws {
        let table = try db.featureTable()
        model = ScoreModel(weights: try db.scoreWeights(), layout: table.layout)
        explanation = MatchExplanation(taxonomy: db.taxonomy, languages: table.languages)
        var features: [String: CompanyFeatures] = [:]
        var outside: [String] = []
        for (id, row) in zip(companies, table.rows(ofIDs: companies)) {
            if let row { features[id] = table.features(ofRow: row) } else { outside.append(id) }
        }
        // The matching snapshot holds the delegation's and host countries' companies only; an
        // event elsewhere (any country since issue 13) scores its others from their records.
        try db.writer.read { database in
            for id in outside {
                if let stored = try CompanyStore.fetch(id: id, in: database) {
                    features[id] = CompanyFeatures(stored.company, taxonomy: db.taxonomy, languages: table.languages)
                }
            }
        }
        self.features = features
    }

    /// The exact score (``ScoreModel/score(_:_:)``) of two companies; 0 when one is not matched.
    func score(_ a: String, _ b: String) -> Double {
        guard let x = features[a], let y = features[b] else { return 0 }
        return model.score(x, y)
    }

    /// A scheduled meeting with its components and reasons, seen from the delegate.
    func scheduled(_ meeting: Meeting) -> ScheduledMeeting {
        guard let d = features[meeting.delegate], let h = features[meeting.host] else {
            return ScheduledMeeting(meeting: meeting, components: nil, reasons: [])
        }
        return ScheduledMeeting(meeting: meeting, components: model.components(d, h),
                                reasons: explanation.reasons(model.breakdown(d, h), subjectSize: d.size, matchSize: h.size))
    }
}
