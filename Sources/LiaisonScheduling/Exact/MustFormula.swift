import Dispatch

/// The timing of an event's must-meet requests around its fixed meetings (see ``MustRoom``) as a
/// SAT formula, with how many musts are left out counted: each must held at most once, in a slot
/// both parties are available in and its session allows, no one in more meetings in a slot than
/// its representatives, no slot above its tables, no one above its maximum. Other meetings are
/// left out of it: a must goes before any of them, so they make room (see
/// ``Scheduler/timeMusts(in:)``).
struct MustFormula {
    typealias PairKey = EventModel.PairKey

    let solver = SATSolver()
    /// The musts that are not fixed, in order.
    let keys: [PairKey]
    /// Per must, its slots with room left by the fixed meetings, and their variables.
    private let choices: [[(slot: Int, variable: Int32)]]
    /// `missingOutputs[k]` is true when at least k + 1 musts are left out (up to `limit`).
    private(set) var missingOutputs: [Int32] = []

    /// The most clauses a formula may need for the search to be tried: beyond, the event is
    /// left to the placement search.
    static let clauseLimit = 2_000_000

    /// The formula of the musts of `room`, counting musts left out up to `limit`; nil when it
    /// would need more than `clauses` clauses.
    init?(_ room: MustRoom, limit: Int, clauses: Int = clauseLimit) {
        let model = room.model
        keys = room.keys
        let allowed = room.allowed, stride = room.stride, people = model.participants.count
        let (freeReps, freeTables, freeMeetings) = (room.freeReps, room.freeTables, room.freeMeetings)
        var inSlot = [Int](repeating: 0, count: stride), ofParticipant = [Int](repeating: 0, count: people)
        for (key, slots) in zip(keys, allowed) {
            for s in slots { inSlot[s] += 1 }
            ofParticipant[key.a] += 1
            ofParticipant[key.b] += 1
        }
        // Totalizers cost about inputs × bound clauses; the rest, a few per variable.
        let estimate = allowed.reduce(0) { $0 + 4 * $1.count }
            + inSlot.indices.reduce(0) { $0 + (inSlot[$1] > freeTables[$1] ? inSlot[$1] * (freeTables[$1] + 1) : 0) }
            + keys.count * (limit + 1)
        guard estimate <= clauses else { return nil }

        let solver = solver
        var held: [Int32] = []
        var terms = [[Int32]](repeating: [], count: people * stride), mayTake = [[Int32]](repeating: [], count: stride)
        choices = zip(keys, allowed).map { key, slots in
            let literals = slots.map { (slot: $0, variable: solver.variable()) }
            let meets = solver.variable()
            solver.add([-meets] + literals.map(\.variable))
            for literal in literals {
                solver.add([-literal.variable, meets])
                terms[key.a * stride + literal.slot].append(literal.variable)
                terms[key.b * stride + literal.slot].append(literal.variable)
                mayTake[literal.slot].append(literal.variable)
            }
            solver.atMostOne(literals.map(\.variable))
            held.append(meets)
            return literals
        }
        func atMost(_ literals: [Int32], _ count: Int) {
            guard literals.count > count else { return }
            if count == 1 { solver.atMostOne(literals) } else { solver.add([-solver.totalizer(literals, limit: count + 1)[count]]) }
        }
        for p in 0..<people where ofParticipant[p] > 0 {
            for s in model.slots { atMost(terms[p * stride + s], freeReps[p * stride + s]) }
        }
        for s in model.slots { atMost(mayTake[s], freeTables[s]) }
        var heldBy = [[Int32]](repeating: [], count: people)
        for (key, meets) in zip(keys, held) {
            heldBy[key.a].append(meets)
            heldBy[key.b].append(meets)
        }
        for p in 0..<people where heldBy[p].count > max(freeMeetings[p], 0) {
            if freeMeetings[p] <= 0 {
                for meets in heldBy[p] { solver.add([-meets]) }
            } else {
                atMost(heldBy[p], freeMeetings[p])
            }
        }
        missingOutputs = solver.totalizer(held.map { -$0 }, limit: limit)
    }

    /// Solves for at most `missing` musts left out, until `deadline`.
    func solve(leavingOut missing: Int, until deadline: DispatchTime) -> SATSolver.Outcome {
        solver.solve(assuming: missing < missingOutputs.count ? [-missingOutputs[missing]] : [], until: deadline)
    }

    /// Each must's slot in the last satisfying assignment, nil for one left out.
    func slots() -> [PairKey: Int] {
        var slots: [PairKey: Int] = [:]
        for (key, options) in zip(keys, choices) {
            if let chosen = options.first(where: { solver.isTrue($0.variable) }) { slots[key] = chosen.slot }
        }
        return slots
    }
}
