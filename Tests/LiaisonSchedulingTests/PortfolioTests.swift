import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// A small event's agendas are annealed twice side by side; the compaction keeps the better.
@Suite("Compaction keeps the best of its side-by-side annealings")
struct PortfolioTests {
    @Test("on 40 random days the compacted agendas are those of the run that wins when the runs are annealed one by one")
    func keepsTheCheapestRun() throws {
        var secondWon = 0
        for seed in UInt64(1)...40 {
            let timetable = try ChainRetimingTests.randomDay(seed: seed, slots: 8...12, people: 10)
            var compacted = timetable
            Compaction.compact(&compacted)
            let kept = SlotSearch(compacted)
            defer { kept.free() }
            #expect(ChainRetimingTests.rulesHold(kept), "seed \(seed)")

            let runs = Compaction.runs(for: timetable)
            defer { runs.forEach { $0.search.free() } }
            #expect(runs.count == Compaction.portfolioSize, "seed \(seed): a small event gets every run")
            let (movable, moves) = Compaction.workload(runs[0].search)
            for run in runs { run.anneal(movable: movable, moves: moves) }
            let costs = runs.map { Compaction.cost($0.search) }
            #expect(Compaction.cost(kept) == costs.min(), "seed \(seed): runs \(costs)")
            // The first to agendas that cost nothing, in moves then by index, else the first of
            // the cheapest: never a matter of which thread was quicker.
            let finished = runs.indices.filter { runs[$0].finishedAt != nil }
            let first = finished.min { (runs[$0].finishedAt!, $0) < (runs[$1].finishedAt!, $1) }
                ?? costs.firstIndex(of: costs.min()!)!
            #expect(kept.slots == runs[first].search.slots, "seed \(seed)")
            #expect(Compaction.best(of: runs) === runs[first], "seed \(seed)")
            if first > 0 { secondWon += 1 }
        }
        #expect(secondWon > 0, "the second run matters on some day")
    }

    @Test("beside an exact search, a small event's agendas are those of the warm run annealed alone")
    func warmRunBesideSearch() throws {
        var differs = 0
        for seed in UInt64(1)...20 {
            let timetable = try ChainRetimingTests.randomDay(seed: seed, slots: 8...12, people: 10)
            let runs = Compaction.runs(for: timetable, besideSearch: true)
            defer { runs.forEach { $0.search.free() } }
            #expect(runs.count == 1, "seed \(seed): one run leaves the second core to the search")
            var compacted = timetable
            Compaction.compact(&compacted, besideSearch: true)
            let kept = SlotSearch(compacted)
            defer { kept.free() }
            #expect(ChainRetimingTests.rulesHold(kept), "seed \(seed)")

            let line = FinishLine(runs: 1)
            let warm = AnnealingRun(timetable, index: 0, stream: Compaction.warmRun,
                                    finalTemperature: Compaction.portfolioEndTemperatures[Compaction.warmRun],
                                    chainShare: Compaction.smallEventChainShare, finishLine: line)
            defer { warm.search.free() }
            let (movable, moves) = Compaction.workload(warm.search)
            warm.anneal(movable: movable, moves: moves)
            #expect(kept.slots == warm.search.slots, "seed \(seed)")
            var portfolio = timetable
            Compaction.compact(&portfolio)
            if portfolio.placements != compacted.placements { differs += 1 }
        }
        #expect(differs > 0, "the portfolio gives other agendas on some day")
    }

    @Test("a run is beaten only by a finish it could no longer better, and the earliest finish stands")
    func finishLine() {
        let line = FinishLine(runs: 2)
        #expect(!line.isBeaten(at: 1_000, run: 0), "no finish yet")
        line.cross(at: 10, run: 1)
        #expect(!line.isBeaten(at: 10, run: 0), "run 0 finishing at move 10 would still win on its index")
        #expect(line.isBeaten(at: 11, run: 0))
        #expect(!line.isBeaten(at: 10, run: 1) && line.isBeaten(at: 11, run: 1))
        line.cross(at: 12, run: 0)
        #expect(!line.isBeaten(at: 10, run: 0), "a later finish does not replace an earlier one")
        line.cross(at: 9, run: 0)
        #expect(line.isBeaten(at: 10, run: 1) && !line.isBeaten(at: 9, run: 0))
    }
}
