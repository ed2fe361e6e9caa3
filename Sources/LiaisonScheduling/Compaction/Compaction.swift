import Foundation
import LiaisonCore

/// Makes agendas compact once the meetings are chosen and placed: fewer breaks, then fewer idle
/// slots, with break counts kept fair (any two within `fairness`) — by simulated annealing over
/// Kempe-chain moves (see ``SlotSearch``), which never break a hard rule and never add or drop
/// a meeting, so musts, minimums and the total score stay as they were.
///
/// The cost is lexicographic in spirit: unfairness (how far the spread of break counts exceeds
/// the fairness asked for) weighs most, then breaks, then idle slots. The search is seeded by
/// the input's seed and counts moves, never time, so the same input gives the same agendas.
enum Compaction {
    /// Weight of one break against one idle slot.
    static let breakWeight = 64.0
    /// Weight of one unit of unfairness.
    static let unfairnessWeight = 64.0 * 64.0
    /// The weight of a break the annealing starts from, rising to ``breakWeight``: early on a
    /// break costs a few idle slots, so agendas can shift through states with a break more.
    static let startBreakWeight = 4.0
    /// Moves tried: ``movesPerMeeting`` per movable meeting, but in small events up to
    /// ``smallEventMoves`` per meeting until ``fewestMoves`` are reached, and never more than
    /// ``mostMoves``.
    static let movesPerMeeting = 200
    static let smallEventMoves = 2_000
    static let fewestMoves = 400_000
    static let mostMoves = 2_000_000
    /// Temperatures at the start and the end of the annealing, in idle slots.
    static let startTemperature = 16.0
    static let endTemperature = 0.2
    /// Up to this many meetings the best state seen is kept (copied whenever it improves);
    /// beyond, the search ends cold enough that its last state is kept.
    static let bestTrackingLimit = 20_000

    /// Share of moves that re-time a whole agenda-day of one participant (see
    /// ``SlotSearch/retiming(_:day:breakWeight:)``) rather than follow one Kempe chain.
    static let retimingShare = 0.05

    static func compact(_ timetable: inout Timetable) {
        var search = SlotSearch(timetable)
        defer { search.free() }
        let movable = (0..<search.meetingCount).filter {
            search.movable[$0] && search.slot[$0] > 0 && search.allowedStart[$0 + 1] - search.allowedStart[$0] > 1
        }
        guard !movable.isEmpty else { return }
        var random = SeededGenerator(seed: timetable.model.seed, stream: 0xC0_4AC7, index: 0)
        let moves = min(mostMoves, max(movesPerMeeting * movable.count, min(fewestMoves, smallEventMoves * movable.count)))
        anneal(&search, movable: movable, moves: moves, random: &random)
        search.apply(to: &timetable)
    }

    static func cost(_ search: SlotSearch, breakWeight: Double = breakWeight) -> Double {
        breakWeight * (64 * Double(search.unfairness) + Double(search.totalBreaks)) + Double(search.totalIdle)
    }

    /// Tries to move meeting m to `target`: builds its chain (and, when the target is full, a
    /// chain coming back from it) and applies it when it fits. Returns whether it moved;
    /// ``SlotSearch/people`` and ``SlotSearch/oldShapes`` then describe what changed.
    static func tryMove(_ search: inout SlotSearch, _ m: Int, to target: Int, random: inout SeededGenerator) -> Bool {
        let origin = search.slot[m]
        guard target != origin, search.chain(from: m, to: target) else { return false }
        if !search.fits(origin, target) {
            // A full target slot: let a chain from it come the other way.
            let waiting = search.load[target]
            guard waiting > 0 else { return false }
            let other = search.inSlot[target * search.slotCapacity + random.below(waiting)]
            guard search.chain(from: other, to: origin, extend: true), search.fits(origin, target) else { return false }
        }
        search.swapMembers(origin, target)
        search.remeasure()
        return true
    }

    static func anneal(_ search: inout SlotSearch, movable: [Int], moves: Int, random: inout SeededGenerator) {
        var best = cost(search)
        let tracking = search.meetingCount <= bestTrackingLimit
        var bestSlots = tracking ? search.slots : []
        let cooling = pow(endTemperature / startTemperature, 1 / Double(max(moves, 1)))
        var temperature = startTemperature
        for move in 0..<moves {
            temperature *= cooling
            let weight = startBreakWeight + (breakWeight - startBreakWeight) * Double(move) / Double(moves)
            let current = cost(search, breakWeight: weight)
            guard current > 0 else { break }
            let m = movable[random.below(movable.count)]
            if random.unit() < retimingShare {
                // Re-time the agenda-day of one of m's participants, the one with more breaks.
                let p = search.shapes[search.a[m]].breaks >= search.shapes[search.b[m]].breaks ? search.a[m] : search.b[m]
                let day = search.model.dayOfSlot[search.slot[m]]
                guard let slots = search.retiming(p, day: day, breakWeight: weight) else { continue }
                let old = search.reassign(slots)
                search.collectPeople()
                search.remeasure()
                let delta = cost(search, breakWeight: weight) - current
                guard delta <= 0 || random.unit() < exp(-delta / temperature) else {
                    search.reassign(old)
                    search.restoreShapes()
                    continue
                }
            } else {
                let start = search.allowedStart[m], options = search.allowedStart[m + 1] - start
                let target = search.allowedList[start + random.below(options)]
                let origin = search.slot[m]
                guard tryMove(&search, m, to: target, random: &random) else { continue }
                let delta = cost(search, breakWeight: weight) - current
                guard delta <= 0 || random.unit() < exp(-delta / temperature) else {
                    search.swapMembers(origin, target)
                    search.restoreShapes()
                    continue
                }
            }
            let reached = cost(search)
            if tracking && reached < best {
                best = reached
                bestSlots = search.slots
            }
        }
        let current = cost(search)
        if tracking && best < current { search.restore(to: bestSlots) }
    }
}
