/// The timing of a timetable's meetings as a SAT formula whose solutions are agendas with a
/// bounded total of breaks: which pairs meet stays, every hard rule holds (each meeting once, in
/// a slot both are available in and its session allows, a fixed meeting where it is, no one in
/// more meetings in a slot than its representatives, no slot above its tables), no participant
/// has more than `cap` breaks, and, when asked, the counts of any two participants with meetings
/// differ by at most a `spread`.
///
/// The encoding follows Bofill et al.'s best (JAIR 74, 2022, Section 4, "imp12+"): x[m, s] for
/// each meeting and allowed slot; u[p, s] for "p meets in s"; the table count taken over clusters
/// of meetings that share a single-representative participant (at most one of them per slot);
/// and the implied constraints that make it fast — such a participant meets in exactly as many
/// slots as it has meetings, and the participants meeting in a slot are at most twice its
/// tables and even in number. A break ends at s when p meets in s, not in s − 1, and earlier
/// that day; ``totalOutputs`` count those ends over everyone, so "at most K breaks" is one
/// assumption.
struct BreakFormula {
    let solver: SATSolver
    private let keys: [EventModel.PairKey]
    /// Per meeting, its allowed slots and their variables.
    let choices: [[(slot: Int, variable: Int32)]]
    /// `totalOutputs[k]` is true when the agendas have at least k + 1 breaks (up to `limit`).
    private(set) var totalOutputs: [Int32] = []

    /// The most clauses an event's counters may need for it to get a formula.
    static let clauseLimit = 4_000_000

    /// Whether `timetable`'s meetings get a formula counting up to `breaks` breaks: each of its
    /// large parts needs at most about `clauses` clauses (the slots' choices, the tables' counters,
    /// the counters of participants meeting in each slot, the breaks' counters: counters grow
    /// with their inputs times their bound).
    static func fits(_ timetable: Timetable, breaks: Int, clauses: Int = clauseLimit) -> Bool {
        let model = timetable.model
        let meetings = timetable.placements.count, slots = model.event.slots, tables = model.event.tables
        let meeting = model.participants.indices.filter { timetable.meetingCount($0) > 0 }.count
        let singles = model.participants.allSatisfy { $0.reps == 1 }
        let sizes = [meetings * slots, meetings * min(tables, meetings), 2 * meetings * slots * max(breaks, 1),
                     singles ? 2 * meeting * min(meeting, 2 * tables + 1) * slots : 0]
        return sizes.allSatisfy { $0 <= clauses }
    }

    /// The formula of `timetable`'s meetings, counting breaks up to `limit`, each participant's
    /// at most `cap` and, given a `spread`, all within it of each other; its solves end once
    /// `stop` is raised.
    init(_ timetable: Timetable, cap: Int, spread: Int? = nil, limit: Int, stop: StopSignal = StopSignal()) {
        let solver = SATSolver(stop: stop)
        self.solver = solver
        let model = timetable.model
        let slotCount = model.event.slots, stride = slotCount + 1
        let placed = timetable.placements.sorted { $0.key < $1.key }
        keys = placed.map(\.key)
        choices = placed.map { key, placement in
            let allowed = placement.fixed ? [placement.slot] : model.commonSlots(key)
            let literals = allowed.map { (slot: $0, variable: solver.variable()) }
            solver.add(literals.map(\.variable))
            solver.atMostOne(literals.map(\.variable))
            return literals
        }
        let people = model.participants.count
        var terms = [[Int32]](repeating: [], count: people * stride)
        var meetingsOf = [[Int]](repeating: [], count: people)
        // Each slot's meetings that may take it, with their variable there (meetings in order).
        var mayTake = [[(meeting: Int, variable: Int32)]](repeating: [], count: stride)
        for (m, key) in keys.enumerated() {
            meetingsOf[key.a].append(m)
            meetingsOf[key.b].append(m)
            for choice in choices[m] {
                terms[key.a * stride + choice.slot].append(choice.variable)
                terms[key.b * stride + choice.slot].append(choice.variable)
                mayTake[choice.slot].append((m, choice.variable))
            }
        }
        let singles = model.participants.allSatisfy { $0.reps == 1 }

        // Who meets when, within each one's representatives.
        var used = [Int32?](repeating: nil, count: people * stride)
        for p in 0..<people where !meetingsOf[p].isEmpty {
            let reps = model.participants[p].reps
            for s in 1...max(slotCount, 1) where !terms[p * stride + s].isEmpty {
                let here = terms[p * stride + s], u = solver.variable()
                used[p * stride + s] = u
                solver.add([-u] + here)
                for literal in here { solver.add([-literal, u]) }
                if reps == 1 {
                    solver.atMostOne(here)
                } else if here.count > reps {
                    solver.add([-solver.totalizer(here, limit: reps + 1)[reps]])
                }
            }
            if reps == 1 {
                // Implied: as many slots with a meeting as meetings.
                let slots = (1...max(slotCount, 1)).compactMap { used[p * stride + $0] }
                let count = meetingsOf[p].count
                let outputs = solver.totalizer(slots, limit: count + 1, exact: true)
                solver.add([outputs[count - 1]])
                if outputs.count > count { solver.add([-outputs[count]]) }
            }
        }

        // Tables, over clusters of meetings sharing a single-representative participant.
        var clusterOf = [Int](repeating: -1, count: keys.count), clusters = 0
        let byMeetings = (0..<people).filter { model.participants[$0].reps == 1 }
            .sorted { (meetingsOf[$0].count, $1) > (meetingsOf[$1].count, $0) }
        for p in byMeetings {
            let open = meetingsOf[p].filter { clusterOf[$0] < 0 }
            guard !open.isEmpty else { continue }
            for m in open { clusterOf[m] = clusters }
            clusters += 1
        }
        for m in keys.indices where clusterOf[m] < 0 {
            clusterOf[m] = clusters
            clusters += 1
        }
        var load = [Int](repeating: 0, count: stride)
        for (_, placement) in placed { load[placement.slot] += 1 }
        for s in 1...max(slotCount, 1) {
            var members = [Int: [Int32]]()
            for (m, variable) in mayTake[s] { members[clusterOf[m], default: []].append(variable) }
            let active: [Int32] = members.keys.sorted().map { cluster in
                let literals = members[cluster]!
                guard literals.count > 1 else { return literals[0] }
                let any = solver.variable()
                for literal in literals { solver.add([-literal, any]) }
                return any
            }
            let capacity = max(model.event.tables, load[s])
            if active.count > capacity { solver.add([-solver.totalizer(active, limit: capacity + 1)[capacity]]) }
            // Implied: at most twice the tables meet, and (one representative each) an even number.
            let meeting = (0..<people).compactMap { used[$0 * stride + s] }
            if singles && meeting.count > 1 {
                let outputs = solver.totalizer(meeting, limit: min(meeting.count, 2 * capacity + 1), exact: true)
                if outputs.count > 2 * capacity { solver.add([-outputs[2 * capacity]]) }
                for i in Swift.stride(from: 0, to: outputs.count - 1, by: 2) { solver.add([-outputs[i], outputs[i + 1]]) }
            }
        }

        // Breaks: an end at s when p meets in s, not in s − 1, and earlier that day.
        var ends: [Int32] = []
        // With a spread, each participant's count, exactly, up to one above the cap.
        var counts: [[Int32]] = []
        for p in 0..<people where !meetingsOf[p].isEmpty {
            var own: [Int32] = [], held: Int32?
            for s in 1...max(slotCount, 1) {
                if s > 1 && model.dayOfSlot[s] != model.dayOfSlot[s - 1] { held = nil }
                guard let u = used[p * stride + s] else { continue }
                if let held {
                    let end = solver.variable()
                    let before = model.dayOfSlot[s] == model.dayOfSlot[s - 1] ? used[p * stride + s - 1] : nil
                    solver.add([-u, -held, end] + (before.map { [$0] } ?? []))
                    if spread != nil {
                        // Counted from below too, an end must be one.
                        solver.add([-end, u])
                        solver.add([-end, held])
                        if let before { solver.add([-end, -before]) }
                    }
                    own.append(end)
                }
                let next = solver.variable()
                solver.add([-u, next])
                if let held { solver.add([-held, next]) }
                if spread != nil { solver.add([-next, u] + (held.map { [$0] } ?? [])) }
                held = next
            }
            if spread != nil {
                let outputs = solver.totalizer(own, limit: cap + 1, exact: true)
                if outputs.count > cap { solver.add([-outputs[cap]]) }
                counts.append(outputs)
            } else if own.count > cap {
                solver.add([-solver.totalizer(own, limit: cap + 1)[cap]])
            }
            // Implied: someone whose meetings cannot run back to back within their one day has a break.
            let options = meetingsOf[p].map { choices[$0].map(\.slot) }
            if model.participants[p].reps == 1, Set(options.joined().map { model.dayOfSlot[$0] }).count == 1,
               !CompactRun.exists(options) {
                solver.add(own)
            }
            ends += own
        }
        if let spread { Self.keep(counts, within: spread, cap: cap, solver) }
        totalOutputs = solver.totalizer(ends, limit: limit)
    }

    /// Asks that every count lie within `spread` of a least one, for some least one from 0 up:
    /// `counts` are each participant's exact outputs (see ``SATSolver/totalizer(_:limit:exact:)``),
    /// none above `cap`.
    private static func keep(_ counts: [[Int32]], within spread: Int, cap: Int, _ solver: SATSolver) {
        let least = (0...max(0, cap - spread)).map { _ in solver.variable() }
        solver.add(least)
        for (level, chosen) in least.enumerated() {
            for outputs in counts {
                if level > 0 { solver.add(outputs.count >= level ? [-chosen, outputs[level - 1]] : [-chosen]) }
                if level + spread < outputs.count { solver.add([-chosen, -outputs[level + spread]]) }
            }
        }
    }

    /// `timetable` with each meeting that is not fixed moved to its slot in the last satisfying
    /// assignment.
    func agendas(from timetable: Timetable) -> Timetable {
        var agendas = timetable
        for (key, options) in zip(keys, choices) {
            let slot = options.first { solver.isTrue($0.variable) }!.slot
            guard let placement = agendas.placements[key], !placement.fixed, placement.slot != slot else { continue }
            agendas.remove(key)
            agendas.place(key, in: slot)
        }
        return agendas
    }
}
