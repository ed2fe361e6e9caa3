import LiaisonCore

/// Turns an event's participants, rules and pair scores into a meeting schedule.
///
/// Hard rules always hold: no company in more meetings in a slot than its representatives, no
/// more meetings in a slot than tables, availability, blocks and locks respected, no one above
/// their maximum, no pair twice. Then, in this order: every must-meet request that can be placed
/// is (each that cannot is named with the reason); every participant gets the minimum where the
/// rules allow (who falls short is named, with the reason); the total score is as high as the
/// solver can make it; idle gaps are short and hosts keep their table. Re-scheduling a published
/// event that chooses the same meetings keeps their published timing unless the new agendas are
/// more compact (see ``publishedTiming(_:of:)``).
///
///     let result = try Scheduler.schedule(input)
///     result.report.ratio   // total score / the exact upper bound
public enum Scheduler {
    typealias PairKey = EventModel.PairKey

    /// Placements tried at most: each puts the previous attempts' leftovers first.
    static let placementAttempts = 3
    /// Rounds of exchanging and refilling per placement.
    static let improvementRounds = 3

    public static func schedule(_ input: SchedulingInput) throws(SchedulingError) -> ScheduleResult {
        let model = try EventModel(input)
        var timetable = Timetable(model: model)
        try placeLocks(input.locks, model: model, in: &timetable)
        try checkMustCapacity(model: model, timetable: timetable)
        let locks = Set(timetable.placements.keys)
        let dropped = checkPublished(input.published, keep: input.keepPublished, model: model, in: &timetable)
        let fixed = timetable

        let candidates = PairSelection.candidates(model, timetable)
        let selected = PairSelection.select(model, timetable, candidates: candidates)
        // Pairs left over go first in the next attempt, which often finds room for them all.
        var first = Set<PairKey>()
        var best: (timetable: Timetable, quality: Quality)?
        for _ in 0..<placementAttempts {
            var attempt = timetable
            let leftover = SlotAssignment.place(selected, first: first, in: &attempt)
            for key in leftover.sorted(by: { (model.isMust($0) ? 0 : 1, $0) < (model.isMust($1) ? 0 : 1, $1) }) {
                if !SlotAssignment.repair(key, in: &attempt) { _ = KempeChain.place(key, in: &attempt) }
            }
            SlotAssignment.fill(candidates, in: &attempt)
            SlotAssignment.raiseMinimums(candidates, in: &attempt)
            for _ in 0..<improvementRounds {
                guard SlotAssignment.improve(candidates, in: &attempt) else { break }
                SlotAssignment.fill(candidates, in: &attempt)
            }
            let quality = Quality(attempt)
            if best == nil || quality > best!.quality { best = (attempt, quality) }
            let unplaced = selected.filter { attempt.placements[$0] == nil }
            if unplaced.isEmpty || first.isSuperset(of: unplaced) { break }
            first.formUnion(unplaced)
        }
        timetable = best!.timetable
        SlotExchange.improve(candidates, in: &timetable)
        // The room the fixed meetings leave the musts: built once, when a must is first left out.
        var mustRoom: MustRoom?
        func room() -> MustRoom {
            if mustRoom == nil { mustRoom = MustRoom(fixed, musts: model.placeableMusts()) }
            return mustRoom!
        }
        placeWaitingRequests(in: &timetable, room: room)
        let mostMusts = timeMusts(in: &timetable, room: room)
        var exact: ExactCompaction.Outcome?
        if let budget = input.exactSearch {
            exact = ExactCompaction.compact(&timetable, budget: budget)
            // The standard search (in conflicts) leaves an event too large for it as if none ran.
            if exact!.tooLarge, case .conflicts = budget { exact = nil }
        } else {
            Compaction.compact(&timetable)
        }
        // Retimed agendas may leave room for an exchange that brings someone closer to the
        // minimum, which comes before compact agendas: made, then polished, with no proof left.
        if SlotAssignment.raiseMinimums(candidates, in: &timetable) {
            Compaction.polish(&timetable)
            exact?.proven = false
        }
        if let kept = publishedTiming(input.published, of: timetable) { timetable = kept }
        TableAssignment.assign(&timetable)

        var bounded = fixed
        for key in timetable.placements.keys.sorted() where model.isMust(key) && fixed.placements[key] == nil {
            bounded.place(key, in: timetable.placements[key]!.slot)
        }
        let minimumsHeld = model.participants.indices.allSatisfy {
            timetable.meetingCount($0) >= model.minimum(of: $0)
        }
        let bound = UpperBound.of(model, bounded, minimumsHeld: minimumsHeld)
        let meetings = timetable.placements.map { key, placement in
            model.meeting(key, slot: placement.slot, table: placement.table!)
        }.sorted { ($0.slot, $0.table, $0.a, $0.b) < ($1.slot, $1.table, $1.a, $1.b) }
        var report = Report.make(model: model, timetable: timetable, upperBound: bound)
        // A published timing kept instead is as fair, with no more breaks: the proof holds for it.
        report.breaks.fewestProven = exact?.proven
        report.breaks.tooLargeToSearch = exact?.tooLarge == true ? true : nil
        return ScheduleResult(
            meetings: meetings,
            report: report,
            unplacedRequests: Report.unplacedRequests(model: model, timetable: timetable, locks: locks, mostMustsProven: mostMusts),
            changes: input.published.isEmpty ? nil : ScheduleChanges(from: input.published, to: meetings, dropped: dropped,
                                                                     otherwise: input.keepPublished ? ScheduleChanges.replaced : ScheduleChanges.notKept,
                                                                     retimed: input.publishedRetimed))
    }

    /// Checks an event's registrations and rules as the scheduler will, without scheduling: every
    /// contradiction (availability outside the slots, a request between two delegates, a lock on
    /// a slot where a party is unavailable, more musts than a participant can meet…) is thrown.
    public static func validate(_ definition: EventDefinition) throws(SchedulingError) {
        let input = SchedulingInput(event: definition.spec, participants: definition.participants, requests: definition.requests,
                                    blocks: definition.blocks, locks: definition.locks,
                                    scores: PairScores(pairs: []))
        let model = try EventModel(input)
        var timetable = Timetable(model: model)
        try placeLocks(input.locks, model: model, in: &timetable)
        try checkMustCapacity(model: model, timetable: timetable)
    }

    /// How attempts compare, in the order of the priorities: must-meet requests placed, then
    /// the meetings owed towards the minimum, the fewest first (see
    /// ``EventModel/minimumCredit(_:)``), then the total score (summed in a fixed order).
    struct Quality: Comparable {
        let musts: Int
        let minimumCredit: Int
        let score: Double

        init(_ timetable: Timetable) {
            let model = timetable.model
            musts = timetable.placements.keys.filter(model.isMust).count
            minimumCredit = model.minimumCredit(model.participants.indices.map(timetable.meetingCount))
            score = model.totalScore(timetable.placements.keys)
        }

        static func < (a: Quality, b: Quality) -> Bool {
            (a.musts, a.minimumCredit, a.score) < (b.musts, b.minimumCredit, b.score)
        }
    }

    /// Fixes the organizer's locks, or throws every lock that contradicts the event or another,
    /// each with the lock (or the participant) it is about.
    private static func placeLocks(_ locks: [MeetingLock], model: EventModel, in timetable: inout Timetable) throws(SchedulingError) {
        var problems: [InputProblem] = []
        var tableTaken = Set<[Int]>()
        for (position, lock) in locks.enumerated() {
            let name = "the lock of \(lock.a) and \(lock.b) in slot \(lock.slot)"
            func refuse(_ message: String, field: String? = nil) { problems.append(InputProblem(message, about: InputEntry(.locks, position, field: field))) }
            guard let key = model.key(lock.a, lock.b) else {
                let unknown = [lock.a, lock.b].filter { model.index[$0] == nil }
                refuse(unknown.isEmpty
                    ? (lock.a == lock.b ? "\(name) pairs \(lock.a) with itself" : "\(name) does not pair a delegate with a host")
                    : "\(name) names \(unknown.joined(separator: " and ")), not registered for the event")
                continue
            }
            guard model.slots.contains(lock.slot) else { refuse("\(name): the event has slots 1–\(model.event.slots)", field: "slot"); continue }
            if let table = lock.table, !(1...model.event.tables).contains(table) {
                refuse("\(name): table \(table) does not exist (tables 1–\(model.event.tables))", field: "table")
                continue
            }
            if model.blocked.contains(key) { refuse("\(name) contradicts a block of the same pair"); continue }
            if timetable.placements[key] != nil { refuse("\(lock.a) and \(lock.b) are locked twice; a pair meets once"); continue }
            let unavailable = [key.a, key.b].filter { !timetable.isAvailable($0, lock.slot) }.map(model.company)
            if !unavailable.isEmpty {
                refuse("\(name): \(unavailable.joined(separator: " and ")) \(unavailable.count > 1 ? "are" : "is") not available in that slot", field: "slot")
                continue
            }
            if let outside = model.sessionProblem(key, lock.slot) { refuse("\(name) is \(outside)", field: "slot"); continue }
            let overbooked = [key.a, key.b].filter { !timetable.isFree($0, lock.slot) }.map(model.company)
            if !overbooked.isEmpty {
                refuse("\(name): \(overbooked.joined(separator: " and ")) already \(overbooked.count > 1 ? "have" : "has") as many locked meetings in that slot as representatives")
                continue
            }
            if !timetable.hasTable(lock.slot) { refuse("\(name): more locks in that slot than tables"); continue }
            if let table = lock.table {
                guard tableTaken.insert([lock.slot, table]).inserted else {
                    refuse("\(name): table \(table) is already locked to another meeting in that slot", field: "table")
                    continue
                }
            }
            timetable.place(key, in: lock.slot, table: lock.table, fixed: true)
        }
        for p in model.participants.indices where timetable.meetingCount(p) > model.participants[p].capacity {
            let participant = model.participants[p]
            problems.append(InputProblem("\(participant.company) has \(EnglishCount.of(timetable.meetingCount(p), "locked meeting")) but can meet at most "
                                         + "\(participant.capacity) (\(participant.capacityReason))", about: InputEntry(.participants, p)))
        }
        if !problems.isEmpty { throw SchedulingError(found: problems) }
    }

    /// Refuses participants with more must-meet requests (and locks) than they can ever meet.
    private static func checkMustCapacity(model: EventModel, timetable: Timetable) throws(SchedulingError) {
        var musts = [Int: Int]()
        for (key, request) in model.requests where request.must && timetable.placements[key] == nil {
            musts[key.a, default: 0] += 1
            musts[key.b, default: 0] += 1
        }
        let problems = musts.keys.sorted().compactMap { p -> InputProblem? in
            let participant = model.participants[p]
            let needed = musts[p]! + timetable.meetingCount(p)
            guard needed > participant.capacity else { return nil }
            return InputProblem("\(participant.company) has \(needed) must-meet requests and locks but can meet at most \(participant.capacity) "
                                + "(\(participant.capacityReason))", about: InputEntry(.participants, p))
        }
        if !problems.isEmpty { throw SchedulingError(found: problems) }
    }

    /// Checks each published meeting against the event as it is now, fixing those still valid
    /// when `keep` is asked; returns why each invalid one cannot stay. Must-meet meetings are
    /// checked first, so that room that has shrunk (a lower maximum) goes to them.
    private static func checkPublished(_ published: [Meeting], keep: Bool, model: EventModel,
                                       in timetable: inout Timetable) -> [MeetingPair: String] {
        var invalid: [MeetingPair: String] = [:]
        var trial = timetable
        var usedTables = Set(trial.placements.values.compactMap { placement in placement.table.map { [placement.slot, $0] } })
        func isMust(_ meeting: Meeting) -> Int { model.key(meeting.a, meeting.b).map(model.isMust) == true ? 0 : 1 }
        for meeting in published.sorted(by: { (isMust($0), $0.slot, $0.table, $0.pair) < (isMust($1), $1.slot, $1.table, $1.pair) }) {
            guard let key = model.key(meeting.a, meeting.b) else {
                let gone = [meeting.a, meeting.b].filter { model.index[$0] == nil }
                invalid[meeting.pair] = "\(gone.isEmpty ? meeting.a : gone.joined(separator: " and ")) is no longer registered"
                continue
            }
            if let locked = trial.placements[key] {
                // A lock without a table keeps the table it was published at, when free.
                if locked.table == nil, locked.slot == meeting.slot, (1...model.event.tables).contains(meeting.table),
                   !usedTables.contains([meeting.slot, meeting.table]) {
                    trial.setTable(key, meeting.table)
                    usedTables.insert([meeting.slot, meeting.table])
                }
                continue
            }
            let reason: String?
            if model.blocked.contains(key) {
                reason = "the pair is now blocked"
            } else if model.onlyRequests && model.requests[key] == nil {
                // Only the requested meetings are scheduled: a published one no request names goes.
                reason = "no request names the pair (--only-requests)"
            } else if !model.slots.contains(meeting.slot) || !trial.isAvailable(key.a, meeting.slot) || !trial.isAvailable(key.b, meeting.slot) {
                reason = "a participant is no longer available in slot \(meeting.slot)"
            } else if !(1...model.event.tables).contains(meeting.table) {
                reason = "table \(meeting.table) does not exist now (tables 1–\(model.event.tables))"
            } else if !trial.hasRoom(key.a) || !trial.hasRoom(key.b) {
                reason = "a participant's maximum of meetings is now lower"
            } else if !trial.canPlace(key, in: meeting.slot) || usedTables.contains([meeting.slot, meeting.table]) {
                reason = "slot \(meeting.slot) or table \(meeting.table) is now taken by a locked meeting"
            } else {
                trial.place(key, in: meeting.slot, table: meeting.table, fixed: true)
                usedTables.insert([meeting.slot, meeting.table])
                reason = nil
            }
            if let reason { invalid[meeting.pair] = reason }
        }
        if keep { timetable = trial }
        return invalid
    }
}

/// A schedule and how good it is.
public struct ScheduleResult: Sendable {
    /// The meetings, by slot then table.
    public var meetings: [Meeting]
    public var report: QualityReport
    /// Requests not in the schedule, with the reason.
    public var unplacedRequests: [UnplacedRequest]
    /// What changed against the published schedule, when there is one.
    public var changes: ScheduleChanges?
}

/// What re-scheduling changed against the published schedule.
public struct ScheduleChanges: Hashable, Sendable, Codable {
    public var kept: Int
    public var added: [Meeting]
    /// Meetings of the same pair now in another slot or at another table, or in the same slot
    /// when that slot takes place at another time than published (``isRetimed``).
    public var moved: [Move]
    public var dropped: [Drop]

    public struct Move: Hashable, Sendable, Codable {
        public var from: Meeting
        public var to: Meeting

        /// Whether the meeting stays in its slot and at its table, and moves with its slot to
        /// the event's new time.
        public var isRetimed: Bool { from.slot == to.slot && from.table == to.table }
    }

    public struct Drop: Hashable, Sendable, Codable {
        public var meeting: Meeting
        public var reason: String
    }

    /// Why a published meeting still valid was dropped when published meetings were kept: its room went to better pairs.
    static let replaced = "replaced by meetings that fit the new registrations better"
    /// Why one was dropped when they were not kept.
    static let notKept = "scheduled afresh: published meetings stay where they are only with --keep-published"

    /// The changes from `published` to `meetings`; a meeting dropped is told by its reason in
    /// `reasons`, else by `otherwise`; a meeting of a pair in `retimed` is moved wherever it is.
    init(from published: [Meeting], to meetings: [Meeting], dropped reasons: [MeetingPair: String], otherwise: String = replaced,
         retimed: Set<MeetingPair> = []) {
        let before = Dictionary(published.map { ($0.pair, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(meetings.map { ($0.pair, $0) }, uniquingKeysWith: { a, _ in a })
        added = meetings.filter { before[$0.pair] == nil }
        moved = meetings.compactMap { meeting in
            guard let old = before[meeting.pair], old.slot != meeting.slot || old.table != meeting.table || retimed.contains(meeting.pair) else {
                return nil
            }
            return Move(from: old, to: meeting)
        }
        dropped = published.filter { after[$0.pair] == nil }.map {
            Drop(meeting: $0, reason: reasons[$0.pair] ?? otherwise)
        }
        kept = meetings.count - added.count - moved.count
    }
}
