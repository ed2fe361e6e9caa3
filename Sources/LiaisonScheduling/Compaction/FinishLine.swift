import Synchronization

/// Where the annealings of one compaction race to agendas that cost nothing: the first to get
/// there, counted in moves (then by run index), wins, and the others may stop. A run only stops
/// once another has got there in fewer moves than it has made, so it could not have won, and
/// which run wins never depends on how the threads are scheduled.
final class FinishLine: Sendable {
    /// How many runs race.
    let runs: Int
    /// The earliest finish so far, as `move * runs + run` (Int.max: none yet).
    private let first = Atomic<Int>(Int.max)

    init(runs: Int) {
        self.runs = runs
    }

    /// Run `run` got there at `move`.
    func cross(at move: Int, run: Int) {
        let mark = move * runs + run
        var seen = first.load(ordering: .relaxed)
        while mark < seen {
            let (exchanged, original) = first.compareExchange(expected: seen, desired: mark, ordering: .relaxed)
            if exchanged { return }
            seen = original
        }
    }

    /// Whether another run has already got there before run `run` at `move` could.
    func isBeaten(at move: Int, run: Int) -> Bool {
        first.load(ordering: .relaxed) < move * runs + run
    }
}
