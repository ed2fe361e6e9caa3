import LiaisonCore

/// One annealing of a timetable's agendas (see ``Compaction``), with its own search and random
/// stream, so that several can run side by side, each on its own thread.
final class AnnealingRun: @unchecked Sendable {
    // Unchecked: a run is changed only by the one thread that anneals it, and read only once
    // every run has finished.
    private(set) var search: SlotSearch
    private var random: SeededGenerator
    private let finalTemperature: Double
    private let chainShare: Double
    private let finishLine: FinishLine
    /// Whether its moves are judged with the slope towards fair counts (see
    /// ``Compaction/cost(_:breakWeight:fairnessAid:)``); its agendas are still judged, and kept,
    /// by their own cost.
    private let fairnessAid: Bool
    /// The run's place among its compaction's runs.
    let index: Int
    /// The move at which the run's agendas came to cost nothing, if they did.
    private(set) var finishedAt: Int?

    /// A run over `timetable`'s meetings, the `index`th racing to `finishLine`, drawing from
    /// stream `stream` of the event's seed; `finalTemperature`, `chainShare` and `fairnessAid` as in
    /// ``Compaction/anneal(_:movable:moves:random:finalTemperature:chainShare:race:fairnessAid:startTemperature:startBreakWeight:)``.
    init(_ timetable: Timetable, index: Int, stream: Int, finalTemperature: Double, chainShare: Double, finishLine: FinishLine,
         fairnessAid: Bool = false) {
        search = SlotSearch(timetable)
        random = SeededGenerator(seed: timetable.model.seed, stream: 0xC0_4AC7, index: UInt64(stream))
        self.finalTemperature = finalTemperature
        self.chainShare = chainShare
        self.finishLine = finishLine
        self.fairnessAid = fairnessAid
        self.index = index
    }

    /// Anneals the run's search over `moves` moves of the meetings `movable`.
    func anneal(movable: [Int], moves: Int) {
        finishedAt = Compaction.anneal(&search, movable: movable, moves: moves, random: &random,
                                       finalTemperature: finalTemperature, chainShare: chainShare, race: (finishLine, index),
                                       fairnessAid: fairnessAid)
    }
}
