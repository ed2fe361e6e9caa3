import LiaisonCore

/// An event's participants and rules by index, checked for contradictions: what the solver
/// works on. Participant `p` is `participants[p]`; slots are 1-based across the whole event.
struct EventModel {
    let event: EventSpec
    let pairing: Pairing
    let participants: [Participant]
    let index: [String: Int]
    /// Who may be a pair's `a`: the delegates of a sides event, everyone in an open one.
    let delegates: [Int]
    /// Who may be a pair's `b`: the hosts of a sides event, everyone in an open one.
    let hosts: [Int]
    let blocked: Set<PairKey>
    let minMeetings: Int
    /// Requests by pair, `must` winning over a plain request for the same pair.
    let requests: [PairKey: MeetingRequest]
    /// Only requested pairs may meet.
    let onlyRequests: Bool
    /// The largest difference of break counts the compaction aims for.
    let fairness: Int
    let seed: UInt64
    /// Scores of pairs, looked up without hashing ids where the input allows.
    let scores: ScoreLookup
    /// The largest score (1 when none is above 0): the solver weighs scores divided by it, so
    /// any weights of the score model give integer costs of the same, safe magnitude.
    let scoreUnit: Double
    /// Pairs that may meet beyond locks and published meetings: not blocked, with a common slot;
    /// every such pair when ``complete``, else each participant's best partners and the requests.
    private(set) var candidates: [PairKey]
    /// Whether ``candidates`` holds every pair that may meet.
    private(set) var complete: Bool
    /// Per participant, the most (in weights: scores divided by ``scoreUnit``) any pair of it
    /// outside ``candidates`` may score; 0 when its candidates are complete.
    private(set) var floor: [Double]
    /// Availability as bits: participant p's slot s is bit (s % 64) of word `p * words + s / 64`.
    let availability: [UInt64]
    let words: Int
    /// Slots each requested pair is limited to by its session, as bits like ``availability``.
    let sessionMasks: [PairKey: [UInt64]]
    /// The day (index into `event.days`) of each slot; index 0 unused.
    let dayOfSlot: [Int]
    /// The slots of each day.
    let days: [ClosedRange<Int>]

    /// An unordered pair of participants: in a sides event `a` is the delegate and `b` the host;
    /// in an open event `a < b`.
    struct PairKey: Hashable, Comparable {
        let a: Int
        let b: Int

        static func < (x: PairKey, y: PairKey) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    /// Builds the model, or throws every contradiction found in the input, each with the entry
    /// it is about.
    init(_ input: SchedulingInput) throws(SchedulingError) {
        var problems = input.event.problems.map { InputProblem($0) }
        let event = input.event
        var index: [String: Int] = [:]
        for (position, participant) in input.participants.enumerated() {
            let entry = InputEntry(.participants, position)
            if index[participant.company] != nil { problems.append(InputProblem("\(participant.company) is registered twice", about: entry)) }
            index[participant.company] = position
            problems += participant.settingProblems.map { InputProblem($0, about: entry) }
            let available = InputEntry(.participants, position, field: "available")
            let outside = participant.available.sorted.filter { !event.slotNumbers.contains($0) }
            if !outside.isEmpty {
                problems.append(InputProblem("\(participant.company) is available in slots \(SlotSet(outside)) outside 1–\(event.slots)", about: available))
            }
            if participant.available.isEmpty { problems.append(InputProblem("\(participant.company) is available in no slot", about: available)) }
        }
        let people = input.participants
        self.event = event
        pairing = event.pairing
        participants = people
        self.index = index
        if event.pairing == .sides {
            delegates = people.indices.filter { people[$0].side == .delegate }
            hosts = people.indices.filter { people[$0].side == .host }
        } else {
            delegates = Array(people.indices)
            hosts = Array(people.indices)
        }
        minMeetings = input.minMeetings
        onlyRequests = input.onlyRequests
        fairness = max(0, input.fairness)
        seed = input.seed
        if input.minMeetings < 0 { problems.append(InputProblem("the minimum of meetings cannot be negative")) }

        let slotCount = max(event.slots, 1)
        let words = (slotCount + 1 + 63) / 64
        self.words = words
        var bits = [UInt64](repeating: 0, count: people.count * words)
        for (p, participant) in people.enumerated() {
            for slot in participant.available where slot >= 0 && slot <= event.slots { bits[p * words + slot / 64] |= 1 << UInt64(slot % 64) }
        }
        availability = bits
        var dayOfSlot = [Int](repeating: 0, count: slotCount + 1)
        var days: [ClosedRange<Int>] = []
        for day in event.days.indices where event.days[day].slots > 0 {
            let range = event.slots(ofDay: day)
            days.append(range)
            for slot in range where slot <= slotCount { dayOfSlot[slot] = days.count - 1 }
        }
        if days.isEmpty { days = [1...slotCount] }
        self.dayOfSlot = dayOfSlot
        self.days = days

        let pairing = event.pairing
        func key(_ x: Int, _ y: Int) -> PairKey? { Self.key(x, y, pairing: pairing, people: people) }
        func pair(_ a: String, _ b: String, _ what: String, _ entry: InputEntry) -> PairKey? {
            guard let x = index[a] else { problems.append(InputProblem("\(what) names \(a), who is not registered for the event", about: entry)); return nil }
            guard let y = index[b] else { problems.append(InputProblem("\(what) names \(b), who is not registered for the event", about: entry)); return nil }
            if let key = key(x, y) { return key }
            if x == y {
                problems.append(InputProblem("\(what) pairs \(a) with itself", about: entry))
            } else {
                problems.append(InputProblem("\(what) pairs \(a) and \(b), who are both \(people[x].side.rawValue)s; a meeting pairs a delegate with a host",
                                             about: entry))
            }
            return nil
        }

        var blockedPairs = Set<PairKey>()
        for (position, block) in input.blocks.enumerated() {
            if let key = pair(block.a, block.b, "a block", InputEntry(.blocks, position)) { blockedPairs.insert(key) }
        }
        var requested: [PairKey: MeetingRequest] = [:]
        var masks: [PairKey: [UInt64]] = [:]
        for (position, request) in input.requests.enumerated() {
            let entry = InputEntry(.requests, position)
            guard let key = pair(request.a, request.b, "a request", entry) else { continue }
            if request.must && blockedPairs.contains(key) {
                problems.append(InputProblem("a must-meet request for \(request.a) and \(request.b) contradicts a block of the same pair", about: entry))
            }
            if let name = request.session {
                if let session = event.session(named: name) {
                    var mask = [UInt64](repeating: 0, count: words)
                    for slot in session.slots where slot >= 1 && slot <= slotCount { mask[slot / 64] |= 1 << UInt64(slot % 64) }
                    if let earlier = masks[key] { mask = zip(mask, earlier).map { $0 & $1 } }
                    masks[key] = mask
                } else {
                    problems.append(InputProblem("a request for \(request.a) and \(request.b) names the session '\(name)', which the event does not have"
                                                 + (event.sessions.isEmpty ? "" : " (sessions: \(event.sessions.map(\.name).joined(separator: ", ")))"),
                                                 about: InputEntry(.requests, position, field: "session")))
                }
            }
            if requested[key]?.must != true { requested[key] = request }
        }
        blocked = blockedPairs
        requests = requested
        sessionMasks = masks

        let lookup = ScoreLookup(input.scores, people: people, index: index, pairing: pairing)
        if let bad = lookup.firstInvalid(people: people, pairing: pairing) {
            problems.append(InputProblem("the score of \(people[bad.a].company) and \(people[bad.b].company) is \(bad.score); scores must be finite and at least 0"))
        }
        scores = lookup
        let unit = lookup.largest
        scoreUnit = unit > 0 && unit.isFinite ? unit : 1
        if !problems.isEmpty { throw SchedulingError(found: problems) }

        // Candidates need the rest of the model (availability, blocks, scores) in place.
        complete = true
        candidates = []
        floor = Array(repeating: 0, count: people.count)
        let chosen = CandidatePairs.choose(self, scores: input.scores)
        candidates = chosen.pairs
        complete = chosen.complete
        floor = chosen.floor
    }

    /// The pair of participants x and y, when they may be paired at all.
    static func key(_ x: Int, _ y: Int, pairing: Pairing, people: [Participant]) -> PairKey? {
        guard x != y else { return nil }
        switch pairing {
        case .open:
            return x < y ? PairKey(a: x, b: y) : PairKey(a: y, b: x)
        case .sides:
            switch (people[x].side, people[y].side) {
            case (.delegate, .host): return PairKey(a: x, b: y)
            case (.host, .delegate): return PairKey(a: y, b: x)
            default: return nil
            }
        }
    }

    var slots: ClosedRange<Int> { event.slotNumbers }

    func company(_ p: Int) -> String { participants[p].company }

    func score(_ key: PairKey) -> Double { scores.score(key) }

    /// The score as the solver weighs it: divided by ``scoreUnit``, so within [0, 1].
    func weight(_ key: PairKey) -> Double {
        score(key) / scoreUnit
    }

    /// What a pair is worth to the solver: its weight, plus a bonus when the organizer asked
    /// for it (a must-meet request is handled above any value).
    func value(_ key: PairKey) -> Double {
        weight(key) + (requests[key] != nil && !isMust(key) ? PairSelection.requestBonus : 0)
    }

    /// The sum of scores of `pairs`, added in a fixed order so that it never varies between runs.
    func totalScore<S: Sequence>(_ pairs: S) -> Double where S.Element == PairKey {
        pairs.sorted().reduce(0) { $0 + score($1) }
    }

    func isMust(_ key: PairKey) -> Bool { requests[key]?.must == true }

    /// The pair key of two company ids, when they may be paired.
    func key(_ a: String, _ b: String) -> PairKey? {
        guard let x = index[a], let y = index[b] else { return nil }
        return Self.key(x, y, pairing: pairing, people: participants)
    }

    /// The pair key of two participants, when they may be paired.
    func key(_ x: Int, _ y: Int) -> PairKey? {
        Self.key(x, y, pairing: pairing, people: participants)
    }

    /// A meeting of a pair as the caller sees it: `a` and `b` as the pairing names them (the
    /// delegate and the host; in an open event, the company id that sorts first, then the other).
    func meeting(_ key: PairKey, slot: Int, table: Int) -> Meeting {
        var (a, b) = (company(key.a), company(key.b))
        if pairing == .open && b < a { swap(&a, &b) }
        return Meeting(a: a, b: b, slot: slot, table: table, score: score(key))
    }
}

extension EventModel {
    /// The meetings participant p is owed: the minimum asked, or its capacity when lower.
    func minimum(of p: Int) -> Int { min(minMeetings, participants[p].capacity) }

    /// What participant p's `k`-th meeting (from 1) is worth towards the minimum: the further
    /// below it, the more (the minimum for the first, one for the last owed), nothing above it.
    /// Summed over everyone, a schedule's credit grows whenever a meeting moves from someone
    /// with more to someone with fewer by at least two, so raising it raises the fewest first.
    func minimumCredit(of p: Int, meeting k: Int) -> Int { max(0, minimum(of: p) - k + 1) }

    /// The credit towards the minimum of participants with `counts` meetings each.
    func minimumCredit(_ counts: [Int]) -> Int {
        counts.indices.reduce(0) { total, p in
            let owed = min(counts[p], minimum(of: p))
            return total + owed * minimum(of: p) - owed * (owed - 1) / 2
        }
    }

    /// What `owed[p]` more meetings for each participant p than `timetable` gives them are worth
    /// towards the minimum.
    func minimumCredit(owed: [Int], beyond timetable: Timetable) -> Int {
        let counts = participants.indices.map(timetable.meetingCount)
        return minimumCredit(zip(counts, owed).map(+)) - minimumCredit(counts)
    }
}
