import Dispatch
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
    static let fewestMoves = 320_000
    static let mostMoves = 8_000_000
    /// Temperatures at the start and the end of the annealing, in idle slots.
    static let startTemperature = 16.0
    static let endTemperature = 0.2
    /// Up to this many meetings the best state seen is kept (copied whenever it improves);
    /// beyond, the search ends cold enough that its last state is kept.
    static let bestTrackingLimit = 20_000

    /// Share of moves that re-time a whole agenda-day of one participant (see
    /// ``SlotSearch/retiming(_:day:breakWeight:)``) rather than follow one Kempe chain.
    static let retimingShare = 0.05
    /// Share of moves given to the participants who need them most — those at the highest
    /// break count while the counts spread too far, else anyone with a break: one of their
    /// meetings moves next to another of theirs. In a large event a uniform pick would seldom
    /// reach the few agendas that decide the spread. (A small event with fair counts gives
    /// them ``fairFocusShare`` instead.)
    static let focusShare = 0.3
    /// The share in a small event (up to ``portfolioLimit`` meetings) once the counts are fair,
    /// when the neediest are all those with a break: each such move aims at a break that may
    /// close, where the highest counts of an unfair spread may be forced by availability (moves
    /// spent on them are lost). A large event keeps ``focusShare``: its fewer moves per meeting
    /// are better spread over every agenda.
    static let fairFocusShare = 0.5
    /// Share of those moves that re-time the participant's whole agenda-day instead, its
    /// partners making room by Kempe chains (see ``SlotSearch/chainRetiming(_:day:breakWeight:)``).
    static let focusRetimingShare = 0.05
    /// Share of those re-timings that, in an event of several days, re-time the participant's
    /// whole agenda, every day at once (see ``SlotSearch/agendaRetiming(_:breakWeight:random:)``).
    static let agendaRetimingShare = 0.25
    /// Moves between two recounts of who needs them most.
    static let focusRefresh = 1_024
    /// Events of up to ``portfolioLimit`` meetings are annealed several times side by side,
    /// each run from its own random stream, and the best agendas are kept: in a small event one
    /// run's result depends much on its luck, and a second core costs no waiting. Each run cools
    /// to its temperature here: the first settles like a lone run, the second stays warmer and
    /// keeps reshaping agendas where the first has settled (the best state a run saw is kept,
    /// so ending warm loses nothing).
    static let portfolioEndTemperatures = [endTemperature, 1.5]
    static let portfolioLimit = bestTrackingLimit
    /// The run of the portfolio that anneals a small event alone beside an exact search (see
    /// ``ExactClimb``), whose solver takes the second core: the warm one. The search settles the
    /// breaks wherever an annealing stops short of the fewest; alone, the warm run reaches
    /// agendas without breaks where they exist in far fewer moves than the cold one (forum-13
    /// and ticf-13crafa, B2B forums whose fewest is 0, in 0.19 and 0.13 s with the search,
    /// against 1.4 and 1.3 s with the cold run).
    static let warmRun = 1
    /// The run of a small event's portfolio whose moves are judged with the slope towards fair
    /// counts (see ``cost(_:breakWeight:fairnessAid:)``), while the other keeps to the plain cost:
    /// where fair counts cost many breaks it finds them, and where they cannot be had the other
    /// keeps the fewest breaks at the least unfairness; the cheaper is kept.
    static let fairnessAidRun = 0
    /// Whether an event of `meetings` meetings is small: annealed by ``portfolioSize`` runs,
    /// with ``smallEventChainShare`` and ``fairFocusShare``.
    static func isSmall(meetings: Int) -> Bool { meetings <= portfolioLimit }
    /// How many runs a small event gets.
    static var portfolioSize: Int { portfolioEndTemperatures.count }
    /// In those small events, moves are cheap enough for this share of every re-timing (not
    /// only the neediest's) to let partners make room by Kempe chains: slower moves that
    /// reach agendas plain re-timing cannot.
    static let smallEventChainShare = 0.5
    /// Moves between two looks at whether another run has already won.
    static let raceCheck = 64

    /// Compacts `timetable`'s agendas. `besideSearch`: an exact search runs meanwhile on a
    /// thread of its own, so a small event gets ``warmRun`` alone rather than the portfolio.
    static func compact(_ timetable: inout Timetable, besideSearch: Bool = false) {
        let runs = runs(for: timetable, besideSearch: besideSearch)
        defer { runs.forEach { $0.search.free() } }
        let (movable, moves) = workload(runs[0].search)
        guard !movable.isEmpty else { return }
        DispatchQueue.concurrentPerform(iterations: runs.count) { runs[$0].anneal(movable: movable, moves: moves) }
        best(of: runs).search.apply(to: &timetable)
    }

    /// Makes agendas that are already compact in breaks (an exact search's) shorter in idle slots:
    /// one annealing of ``polishShare`` of the compaction's moves, from ``polishTemperature``
    /// and with a break weighing ``breakWeight`` from the start, so that it reshapes agendas
    /// without giving breaks back; the best state it sees is kept, so it ends no costlier than
    /// it started. Its moves are counted, so the same agendas give the same result.
    static func polish(_ timetable: inout Timetable) {
        var search = SlotSearch(timetable)
        defer { search.free() }
        let (movable, moves) = workload(search)
        guard !movable.isEmpty, search.meetingCount <= bestTrackingLimit else { return }
        var random = SeededGenerator(seed: timetable.model.seed, stream: 0xC0_4AC7, index: UInt64(portfolioSize))
        anneal(&search, movable: movable, moves: Int(Double(moves) * polishShare), random: &random,
               startTemperature: polishTemperature, startBreakWeight: breakWeight)
        search.apply(to: &timetable)
    }

    /// The share of a compaction's moves that a polish makes, and the temperature it starts from
    /// (in idle slots): cold, with an eighth of the moves, it shortens idle gaps as well as a
    /// whole compaction run again does on the B2B forums, in a tenth of the time.
    static let polishShare = 0.125
    static let polishTemperature = 1.0

    /// The annealings that compact `timetable`: ``portfolioSize`` in a small event, racing to
    /// agendas that cost nothing (beside an exact search, ``warmRun`` alone), else one.
    static func runs(for timetable: Timetable, besideSearch: Bool = false) -> [AnnealingRun] {
        let small = isSmall(meetings: timetable.placements.count)
        let streams = !small ? [0] : besideSearch ? [warmRun] : Array(portfolioEndTemperatures.indices)
        let line = FinishLine(runs: streams.count)
        return streams.enumerated().map { index, stream in
            AnnealingRun(timetable, index: index, stream: stream,
                         finalTemperature: small ? portfolioEndTemperatures[stream] : endTemperature,
                         chainShare: small ? smallEventChainShare : 0, finishLine: line, fairnessAid: streams.count > 1 && stream == fairnessAidRun)
        }
    }

    /// The meetings an annealing of `search` moves (those with a choice of slot), and how many
    /// moves it makes.
    static func workload(_ search: SlotSearch) -> (movable: [Int], moves: Int) {
        let movable = (0..<search.meetingCount).filter {
            search.movable[$0] && search.slot[$0] > 0 && search.allowedStart[$0 + 1] - search.allowedStart[$0] > 1
        }
        return (movable, min(mostMoves, max(movesPerMeeting * movable.count, min(fewestMoves, smallEventMoves * movable.count))))
    }

    /// The run whose agendas are kept: the first to agendas that cost nothing (in moves, then
    /// by index), else the cheapest, the first such on a tie. Each run's moves are the same
    /// whatever the threads do, so the same input gives the same agendas.
    static func best(of runs: [AnnealingRun]) -> AnnealingRun {
        let finished = runs.compactMap { run in run.finishedAt.map { (move: $0, run: run) } }
        if let first = finished.min(by: { ($0.move, $0.run.index) < ($1.move, $1.run.index) }) { return first.run }
        return runs.min { cost($0.search) < cost($1.search) }!
    }

    /// What the agendas of `search` cost: unfairness, then breaks, then idle slots. With
    /// `fairnessAid`, the breaks the least broken would need to come within the fairness of the
    /// most (``SlotSearch/shortfall``) weigh as unfairness does: where availability forces some to
    /// many breaks, the spread alone does not change until every one of the least broken has
    /// more, a plateau the search does not cross; the shortfall is a slope towards fair counts.
    static func cost(_ search: SlotSearch, breakWeight: Double = breakWeight, fairnessAid: Bool = false) -> Double {
        let unfairness = search.unfairness + (fairnessAid ? search.shortfall : 0)
        return breakWeight * (64 * Double(unfairness) + Double(search.totalBreaks)) + Double(search.totalIdle)
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

    /// The participants at the highest break count when the counts spread more than the
    /// fairness asked for, else every participant with a break.
    static func neediest(_ search: SlotSearch) -> [Int] {
        let everyone = 0..<search.participantCount
        guard search.unfairness > 0 else { return everyone.filter { search.shapes[$0].breaks > 0 } }
        let most = everyone.reduce(0) { max($0, search.shapes[$1].breaks) }
        return everyone.filter { search.shapes[$0].breaks == most }
    }

    /// Anneals `search` over `moves` moves, cooling from `startTemperature` to `finalTemperature`
    /// while a break's weight rises from `startBreakWeight` to ``breakWeight``; `chainShare` of the
    /// re-timings not given to the neediest let partners make room by Kempe chains as theirs
    /// do. Returns the move at which the agendas came to cost nothing, if they did. With a
    /// `race`, stops as soon as another run is known to have come there first (see ``FinishLine``).
    @discardableResult
    static func anneal(_ search: inout SlotSearch, movable: [Int], moves: Int, random: inout SeededGenerator,
                       finalTemperature: Double = endTemperature, chainShare: Double = 0,
                       race: (line: FinishLine, run: Int)? = nil, fairnessAid: Bool = false,
                       startTemperature: Double = startTemperature, startBreakWeight: Double = startBreakWeight) -> Int? {
        var best = cost(search)
        let tracking = search.meetingCount <= bestTrackingLimit
        var bestSlots = tracking ? search.slots : []
        let cooling = pow(finalTemperature / startTemperature, 1 / Double(max(moves, 1)))
        var temperature = startTemperature
        var troubled: [Int] = [], share = focusShare
        let fairShare = isSmall(meetings: search.meetingCount) ? fairFocusShare : focusShare
        for move in 0..<moves {
            temperature *= cooling
            let weight = startBreakWeight + (breakWeight - startBreakWeight) * Double(move) / Double(moves)
            let current = cost(search, breakWeight: weight, fairnessAid: fairnessAid)
            guard current > 0 else {
                if let race { race.line.cross(at: move, run: race.run) }
                return move
            }
            if let race, move % raceCheck == 0, race.line.isBeaten(at: move, run: race.run) { break }
            var m = movable[random.below(movable.count)]
            if move % focusRefresh == 0 {
                troubled = neediest(search)
                share = search.unfairness == 0 ? fairShare : focusShare
            }
            var target: Int?, retimed: Int?, wholeAgenda = false
            if !troubled.isEmpty && random.unit() < share {
                // One of the neediest participant's meetings, next to another of its meetings,
                // or its agenda re-timed: that meeting's day, or now and then every day at once.
                let p = troubled[random.below(troubled.count)]
                let first = search.meetingStart[p], count = search.meetingStart[p + 1] - first
                m = search.meetingList[first + random.below(count)]
                guard search.movable[m], search.slot[m] > 0 else { continue }
                if random.unit() < focusRetimingShare {
                    retimed = p
                    wholeAgenda = search.dayCount > 1 && random.unit() < agendaRetimingShare
                } else {
                    let beside = search.slot[search.meetingList[first + random.below(count)]] + (random.below(2) == 0 ? 1 : -1)
                    guard beside >= 1, beside <= search.slotCount, search.isAllowed(m, beside) else { continue }
                    target = beside
                }
            }
            if target == nil && (retimed != nil || random.unit() < retimingShare) {
                // Re-time the agenda-day of one of m's participants, the one with more breaks.
                let p = retimed ?? (search.shapes[search.a[m]].breaks >= search.shapes[search.b[m]].breaks ? search.a[m] : search.b[m])
                let day = search.model.dayOfSlot[search.slot[m]]
                let old: [Int]
                if (retimed != nil && !wholeAgenda) || (retimed == nil && chainShare > 0 && random.unit() < chainShare) {
                    // The partners may make room by Kempe chains: always for the neediest
                    // participant, now and then for anyone.
                    guard let undo = search.chainRetiming(p, day: day, breakWeight: weight) else { continue }
                    old = undo
                } else {
                    let retiming = wholeAgenda
                        ? search.agendaRetiming(p, breakWeight: weight, random: &random)
                        : search.retiming(p, day: day, breakWeight: weight)
                    guard let slots = retiming else { continue }
                    old = search.reassign(slots)
                }
                search.collectPeople()
                search.remeasure()
                let delta = cost(search, breakWeight: weight, fairnessAid: fairnessAid) - current
                guard delta <= 0 || random.unit() < exp(-delta / temperature) else {
                    search.reassign(old)
                    search.restoreShapes()
                    continue
                }
            } else {
                let start = search.allowedStart[m], options = search.allowedStart[m + 1] - start
                let target = target ?? search.allowedList[start + random.below(options)]
                let origin = search.slot[m]
                guard tryMove(&search, m, to: target, random: &random) else { continue }
                let delta = cost(search, breakWeight: weight, fairnessAid: fairnessAid) - current
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
        return nil
    }
}
