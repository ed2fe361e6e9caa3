/// An event's participants and rules by index, checked for contradictions: what the solver
/// works on. Participant `p` is `participants[p]`; slots are 1-based.
struct EventModel {
    let event: EventSpec
    let participants: [Participant]
    let index: [String: Int]
    let delegates: [Int]
    let hosts: [Int]
    let blocked: Set<PairKey>
    let minMeetings: Int
    /// Requests by pair, `must` winning over a plain request for the same pair.
    let requests: [PairKey: MeetingRequest]
    /// Scores of delegate-position × host-position, looked up without hashing ids.
    private let scoreTable: [Double]
    /// The largest score (1 when none is above 0): the solver weighs scores divided by it, so
    /// any weights of the score model give integer costs of the same, safe magnitude.
    let scoreUnit: Double
    /// Each participant's position among its side.
    private let sidePosition: [Int]
    /// Availability as bits: participant p's slot s is bit (s % 64) of word `p * words + s / 64`.
    private let availability: [UInt64]
    private let words: Int

    /// An unordered pair of participants as (delegate, host).
    struct PairKey: Hashable, Comparable {
        let delegate: Int
        let host: Int

        static func < (a: PairKey, b: PairKey) -> Bool { (a.delegate, a.host) < (b.delegate, b.host) }
    }

    /// Builds the model, or throws every contradiction found in the input.
    init(_ input: SchedulingInput) throws(SchedulingError) {
        var problems = input.event.problems
        let event = input.event
        var index: [String: Int] = [:]
        for (position, participant) in input.participants.enumerated() {
            if index[participant.company] != nil { problems.append("\(participant.company) is registered twice") }
            index[participant.company] = position
            if participant.reps < 1 { problems.append("\(participant.company) needs at least 1 representative, not \(participant.reps)") }
            if participant.maxMeetings < 0 { problems.append("\(participant.company): max meetings cannot be negative") }
            let outside = participant.available.sorted.filter { !event.slotNumbers.contains($0) }
            if !outside.isEmpty { problems.append("\(participant.company) is available in slots \(SlotSet(outside)) outside 1–\(event.slots)") }
            if participant.available.isEmpty { problems.append("\(participant.company) is available in no slot") }
        }
        let people = input.participants
        self.event = event
        participants = people
        self.index = index
        let delegateList = people.indices.filter { people[$0].side == .delegate }
        let hostList = people.indices.filter { people[$0].side == .host }
        delegates = delegateList
        hosts = hostList
        minMeetings = input.minMeetings
        var positions = [Int](repeating: 0, count: people.count)
        for (position, p) in delegateList.enumerated() { positions[p] = position }
        for (position, p) in hostList.enumerated() { positions[p] = position }
        sidePosition = positions
        let table = delegateList.flatMap { d in hostList.map { h in input.scores.score(delegate: people[d].company, host: people[h].company) } }
        scoreTable = table
        scoreUnit = table.max().map { $0 > 0 && $0.isFinite ? $0 : 1 } ?? 1
        if let bad = table.firstIndex(where: { !$0.isFinite || $0 < 0 }) {
            let d = people[delegateList[bad / max(hostList.count, 1)]].company, h = people[hostList[bad % max(hostList.count, 1)]].company
            problems.append("the score of \(d) and \(h) is \(table[bad]); scores must be finite and at least 0")
        }
        let words = (max(event.slots, 1) + 1 + 63) / 64
        self.words = words
        var bits = [UInt64](repeating: 0, count: people.count * words)
        for (p, participant) in people.enumerated() {
            for slot in participant.available where slot >= 0 && slot <= event.slots { bits[p * words + slot / 64] |= 1 << UInt64(slot % 64) }
        }
        availability = bits
        if input.minMeetings < 0 { problems.append("the minimum of meetings cannot be negative") }

        func pair(_ a: String, _ b: String, _ what: String) -> PairKey? {
            guard let x = index[a] else { problems.append("\(what) names \(a), who is not registered for the event"); return nil }
            guard let y = index[b] else { problems.append("\(what) names \(b), who is not registered for the event"); return nil }
            switch (people[x].side, people[y].side) {
            case (.delegate, .host): return PairKey(delegate: x, host: y)
            case (.host, .delegate): return PairKey(delegate: y, host: x)
            default:
                problems.append("\(what) pairs \(a) and \(b), who are both \(people[x].side.rawValue)s; a meeting pairs a delegate with a host")
                return nil
            }
        }

        var blockedPairs = Set<PairKey>()
        for block in input.blocks {
            if let key = pair(block.a, block.b, "a block") { blockedPairs.insert(key) }
        }
        var requested: [PairKey: MeetingRequest] = [:]
        for request in input.requests {
            guard let key = pair(request.a, request.b, "a request") else { continue }
            if request.must && blockedPairs.contains(key) {
                problems.append("a must-meet request for \(request.a) and \(request.b) contradicts a block of the same pair")
            }
            if requested[key]?.must != true { requested[key] = request }
        }
        blocked = blockedPairs
        requests = requested
        if !problems.isEmpty { throw SchedulingError(problems: problems) }
    }

    var slots: ClosedRange<Int> { event.slotNumbers }

    func company(_ p: Int) -> String { participants[p].company }

    func score(_ key: PairKey) -> Double {
        scoreTable[sidePosition[key.delegate] * hosts.count + sidePosition[key.host]]
    }

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

    /// Slots both members of a pair can meet in, in order.
    func commonSlots(_ key: PairKey) -> [Int] {
        commonSlots(key, from: 1)
    }

    /// Slots from `first` on that both members of a pair can meet in, in order.
    func commonSlots(_ key: PairKey, from first: Int) -> [Int] {
        var slots: [Int] = []
        for word in first / 64..<words {
            var common = availability[key.delegate * words + word] & availability[key.host * words + word]
            while common != 0 {
                let slot = word * 64 + common.trailingZeroBitCount
                if slot >= first { slots.append(slot) }
                common &= common - 1
            }
        }
        return slots
    }

    /// How many slots from `first` on both members of a pair can meet in.
    func commonSlotCount(_ key: PairKey, from first: Int) -> Int {
        var count = 0
        for word in first / 64..<words {
            var common = availability[key.delegate * words + word] & availability[key.host * words + word]
            if word == first / 64 { common &= ~((1 << UInt64(first % 64)) - 1) }
            count += common.nonzeroBitCount
        }
        return count
    }

    /// Whether participant p can meet in `slot`.
    func isAvailable(_ p: Int, _ slot: Int) -> Bool {
        slot >= 0 && slot <= event.slots && availability[p * words + slot / 64] & (1 << UInt64(slot % 64)) != 0
    }

    /// The pair key of two company ids, when they are a registered delegate and host.
    func key(_ a: String, _ b: String) -> PairKey? {
        guard let x = index[a], let y = index[b] else { return nil }
        switch (participants[x].side, participants[y].side) {
        case (.delegate, .host): return PairKey(delegate: x, host: y)
        case (.host, .delegate): return PairKey(delegate: y, host: x)
        default: return nil
        }
    }
}
