import LiaisonCore
/// Measures a finished timetable: the quality figures, who falls short of the minimum and why,
/// and which requests are missing and why.
enum Report {
    typealias PairKey = EventModel.PairKey

    static func make(model: EventModel, timetable: Timetable, upperBound: Double) -> QualityReport {
        let total = model.totalScore(timetable.placements.keys)
        let counts = model.participants.indices.map(timetable.meetingCount).sorted()
        let median = counts.isEmpty ? 0 : (counts.count % 2 == 1
            ? Double(counts[counts.count / 2]) : Double(counts[counts.count / 2 - 1] + counts[counts.count / 2]) / 2)
        let active = model.participants.indices.filter { timetable.meetingCount($0) > 0 }
        let shapes = active.map(timetable.shape(of:))
        let idle = shapes.map(\.idle)
        let breaks = shapes.map(\.breaks)
        var musts = QualityReport.Tally(placed: 0, asked: 0), others = QualityReport.Tally(placed: 0, asked: 0)
        for (key, request) in model.requests {
            let placed = timetable.placements[key] != nil ? 1 : 0
            if request.must { musts.asked += 1; musts.placed += placed } else { others.asked += 1; others.placed += placed }
        }
        return QualityReport(
            totalScore: total,
            upperBound: upperBound,
            ratio: upperBound > 0 ? total / upperBound : 1,
            meetings: timetable.placements.count,
            meetingsPerParticipant: QualityReport.Spread(min: counts.first ?? 0, median: median, max: counts.last ?? 0),
            minimumMeetings: model.minMeetings,
            underMinimum: shortfalls(model: model, timetable: timetable),
            mustRequests: musts,
            otherRequests: others,
            idleGaps: QualityReport.Gaps(mean: idle.isEmpty ? 0 : Double(idle.reduce(0, +)) / Double(idle.count), max: idle.max() ?? 0),
            tableChanges: TableAssignment.hostTableChanges(timetable),
            breaks: QualityReport.Breaks(total: breaks.reduce(0, +), max: breaks.max() ?? 0,
                                         spread: (breaks.max() ?? 0) - (breaks.min() ?? 0)),
            idleSlots: idle.reduce(0, +))
    }

    /// Participants with fewer meetings than the minimum, each with the reason.
    static func shortfalls(model: EventModel, timetable: Timetable) -> [QualityReport.Shortfall] {
        model.participants.indices.compactMap { p -> QualityReport.Shortfall? in
            let participant = model.participants[p]
            let count = timetable.meetingCount(p)
            guard count < model.minMeetings else { return nil }
            // Those it could be paired with, each possible partner or what rules it out.
            var partners: [Int] = [], ruledOut: [PartnerRuledOut: Int] = [:]
            for other in model.participants.indices {
                guard let key = model.key(p, other) else { continue }
                if let why = PartnerRuledOut(key, other, model) { ruledOut[why, default: 0] += 1 } else { partners.append(other) }
            }
            let reason: String
            if participant.capacity < model.minMeetings {
                reason = "can meet at most \(participant.capacity) (max meetings \(participant.maxMeetings), "
                    + "available in \(EnglishCount.of(participant.available.count, "slot")))"
            } else if partners.count < model.minMeetings {
                reason = "only \(EnglishCount.of(partners.count, "possible partner"))"
                    + ": " + (ruledOut.isEmpty ? "the event has no other participant it may meet"
                        : PartnerRuledOut.allCases.compactMap { why in ruledOut[why].map(why.text) }.joined(separator: ", "))
            } else {
                let full = partners.filter { !timetable.hasRoom($0) }.count
                // A partner with room, not met, free in a slot it shares with p where p is free too: the tables were the limit there.
                let tablesFull = partners.contains { other in
                    guard let key = model.key(p, other), timetable.placements[key] == nil, timetable.hasRoom(other) else { return false }
                    return model.commonSlots(key).contains { timetable.isFree(p, $0) && timetable.isFree(other, $0) && !timetable.hasTable($0) }
                }
                reason = tablesFull
                    ? "every table is taken in the slots where it and a partner with room are both free (\(full) of \(partners.count) possible partners fully booked)"
                    : "its possible partners' slots went to other meetings (\(full) of \(partners.count) \(full == 1 ? "is" : "are") fully booked)"
            }
            return QualityReport.Shortfall(company: participant.company, meetings: count, reason: reason)
        }.sorted { $0.company < $1.company }
    }

    /// Why another participant is no possible partner of one who falls short of the minimum, in
    /// the order the report names them: the first that holds.
    enum PartnerRuledOut: CaseIterable {
        case blocked, notRequested, noCommonSlot, takesNone

        init?(_ key: PairKey, _ other: Int, _ model: EventModel) {
            if model.blocked.contains(key) {
                self = .blocked
            } else if model.onlyRequests && model.requests[key] == nil {
                self = .notRequested
            } else if model.commonSlotCount(key, from: 1) == 0 {
                self = .noCommonSlot
            } else if model.participants[other].capacity == 0 {
                self = .takesNone
            } else {
                return nil
            }
        }

        /// `count` others ruled out this way, in words.
        func text(_ count: Int) -> String {
            switch self {
            case .blocked: "\(count) blocked"
            case .notRequested: "\(count) in no accepted request of it (--only-requests)"
            case .noCommonSlot: "\(count) with no slot where both are available"
            case .takesNone: "\(count) with max meetings 0"
            }
        }
    }

    /// Requests that are not in the schedule, each with the reason.
    static func unplacedRequests(model: EventModel, timetable: Timetable, locks: Set<PairKey> = [],
                                 mostMustsProven: Bool = false) -> [UnplacedRequest] {
        let unplaced = model.requests.filter { timetable.placements[$0.key] == nil }.sorted { $0.key < $1.key }
        guard !unplaced.isEmpty else { return [] }
        let musts = model.placeableMusts()
        let mustsPlaced = musts.filter { timetable.placements[$0] != nil }.count
        // The locks, and with them the published meetings kept where they are.
        var locked = Timetable(model: model), fixed = Timetable(model: model)
        for (key, placement) in timetable.placements where placement.fixed {
            if locks.contains(key) { locked.place(key, in: placement.slot, fixed: true) }
            fixed.place(key, in: placement.slot, fixed: true)
        }
        let kept = fixed.placements.count > locked.placements.count
        let aroundFixed = fixed.placements.isEmpty ? ""
            : kept ? " with the \(locked.placements.isEmpty ? "" : "locked and ")published meetings kept where they are"
            : " with the locked meetings where they are"
        return unplaced.map { key, request in
            let reason: String
            if model.blocked.contains(key) {
                reason = "the pair is blocked"
            } else if model.commonSlotCount(key, from: 1) == 0 {
                reason = model.sessionMasks[key] != nil && model.shareSlot(key.a, key.b)
                    ? "no slot of the session '\(request.session ?? "")' where both are available"
                    : "no slot where both are available"
            } else if !model.commonSlots(key).contains(where: { locked.canPlace(key, in: $0) }) {
                reason = "every slot where both are available is taken by locked meetings"
            } else if request.must && mostMustsProven {
                reason = "no timing holds every must-meet request: at most \(mustsPlaced) of the \(musts.count) fit together\(aroundFixed)"
            } else if let full = [key.a, key.b].first(where: { !timetable.hasRoom($0) }) {
                reason = "\(model.company(full)) has no room left (\(EnglishCount.of(timetable.meetingCount(full), "meeting")), its maximum)"
            } else if !model.commonSlots(key).contains(where: { fixed.canPlace(key, in: $0) }) {
                reason = "every slot where both are available is taken by published meetings kept where they are (--keep-published)"
                    + (locked.placements.isEmpty ? "" : " or locked ones")
            } else {
                reason = "no slot where both are free: their common slots are taken by other meetings or full"
            }
            return UnplacedRequest(request: request, reason: reason)
        }
    }
}
