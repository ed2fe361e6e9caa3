/// The proven upper bound on the total score: no schedule that keeps the placed meetings can
/// score more.
///
/// The bound is the dual of the selection network without priorities (the best b-matching under
/// capacities, tables × slots and blocks, slot times ignored; fractional in an open event, whose
/// network is the double cover). Any node potentials π certify a bound on the best flow:
///
///     best ≤ Σ π(v)·supply(v) + Σ over arcs of capacity × max(0, −(cost + π(tail) − π(head)))
///
/// LEMON's optimal potentials make it exact on the candidate pairs. When candidates are only
/// each participant's best partners, a pair left out of both lists scores at most the lower of
/// its members' floors; raising the potentials of one side until every such pair is covered
/// (π(x) − π(y) ≥ min(floor x, floor y) for every x on the `a` side and y on the `b` side)
/// keeps the certificate valid for every pair of the event, listed or not.
enum UpperBound {
    typealias PairKey = EventModel.PairKey

    /// The maximum total score of any set of meetings that contains every placed meeting of
    /// `timetable` (locks, kept and must meetings) under the same rules, slot times ignored;
    /// with `minimumsHeld` (the schedule gives every participant its minimum, so any schedule
    /// ranked above it by the priorities does too), of those that give every participant its
    /// minimum.
    ///
    /// The minimums enter by Lagrangian relaxation: each of a participant's first meetings up to
    /// its minimum earns a bonus b times its worth towards the minimum in the network (see
    /// ``PairSelection/Network``), and every schedule that holds the minimums earns exactly b ×
    /// (the worth of the meetings still owed), which is taken off again — a valid bound for any
    /// b ≥ 0, tightest near the price of the minimums, which is searched for.
    ///
    /// The flow works on weights rounded to integers at a power-of-two resolution (so scaling is
    /// exact); the bound adds half a unit for each pair a schedule could add, the most rounding
    /// can hide, so it holds exactly — at 2⁴⁰, that is 5·10⁻¹³ of the best score per pair.
    static func of(_ model: EventModel, _ timetable: Timetable, minimumsHeld: Bool = false) -> Double {
        let candidates = PairSelection.candidates(model, timetable)
        // No meeting can be added (say, no request under --only-requests): the schedule is the bound.
        guard !candidates.isEmpty else { return model.totalScore(Array(timetable.placements.keys)) }
        let owed = model.participants.indices.map { p in
            minimumsHeld ? max(0, model.minimum(of: p) - timetable.meetingCount(p)) : 0
        }
        let addable = PairSelection.addable(model, timetable)
        // Costs × capacities stay inside Int64 (addable × resolution ≤ 2⁵⁵); should potentials
        // times supplies not, the certificate is taken again at a coarser resolution.
        var exponent = min(40, 55 - (Int.bitWidth - max(addable, 1).leadingZeroBitCount))
        while true {
            let resolution = Double(sign: .plus, exponent: exponent, significand: 1)
            if let best = minimumBound(model, timetable, candidates: candidates, owed: owed, resolution: resolution) {
                return model.totalScore(Array(timetable.placements.keys)) + (best + 0.5 * Double(addable)) / resolution * model.scoreUnit
            }
            exponent -= 8
        }
    }

    /// Bonuses tried at most in search of the minimums' price.
    static let bonusTrials = 4

    /// The lowest of the bounds with a bonus of 0 and of multiples of the heaviest pair's weight
    /// for each meeting `owed` (doubling or halving while the bound falls); nil on overflow.
    private static func minimumBound(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey], owed: [Int],
                                     resolution: Double) -> Double? {
        guard let plain = networkBound(model, timetable, candidates: candidates, owed: owed, bonus: 0, resolution: resolution) else {
            return nil
        }
        let heaviest = candidates.reduce(0.0) { max($0, model.weight($1)) }
        guard owed.contains(where: { $0 > 0 }), heaviest > 0 else { return plain }
        func bound(_ scale: Double) -> Double? {
            let bonus = Int64((heaviest * scale * resolution).rounded())
            return networkBound(model, timetable, candidates: candidates, owed: owed, bonus: bonus, resolution: resolution)
        }
        // The bound is convex in the bonus: from the heaviest weight, doubling while it falls,
        // else halving. A bonus whose certificate overflows is only not tried.
        guard let first = bound(1) else { return plain }
        var best = min(plain, first), scale = 1.0, previous = first
        var step = 2.0
        for trial in 1..<bonusTrials {
            scale *= step
            guard let next = bound(scale), next < previous else {
                guard trial == 1 else { break }
                // Doubling did not help: halve instead, from the heaviest weight.
                (scale, step) = (1, 0.5)
                continue
            }
            previous = next
            best = min(best, next)
        }
        return best
    }

    /// The bound on the candidates' best flow at `resolution`, in weight units × resolution, the
    /// bonus of the `owed` meetings taken off; nil when the certificate does not fit in 64 bits.
    private static func networkBound(_ model: EventModel, _ timetable: Timetable, candidates: [PairKey], owed: [Int], bonus: Int64,
                                     resolution: Double) -> Double? {
        let costs = candidates.map { -Int64((model.weight($0) * resolution).rounded()) }
        let network = PairSelection.Network(model, timetable, candidates: candidates, costs: costs, deficits: owed, bonus: bonus)
        guard let solution = try? network.flow.solve() else {
            preconditionFailure("the bound's network always has a solution: its bypass arc carries any flow")
        }
        var best = certificate(network.flow, solution.potentials)
        if !model.complete {
            let floors = model.floor.map { ($0 * resolution).rounded(.up) }
            let raised = certificate(network.flow, cover(network, solution.potentials, floors: floors, raiseLeft: true))
            let lowered = certificate(network.flow, cover(network, solution.potentials, floors: floors, raiseLeft: false))
            guard let raised, let lowered else { return nil }
            best = min(raised, lowered)
        }
        // Every schedule that holds the minimums earns the whole bonus, each owed meeting's
        // worth towards the minimum, on each side of a meeting in an open event's double cover.
        let credit = model.minimumCredit(owed: owed, beyond: timetable)
        let (earned, overflow) = bonus.multipliedReportingOverflow(by: Int64(credit) * network.perMeeting)
        guard let best, !overflow else { return nil }
        return Double(best - earned) / Double(network.perMeeting)
    }

    /// The bound any potentials certify on the network's best (most negative cost) flow, as a
    /// positive weight; nil on overflow.
    static func certificate(_ network: FlowNetwork, _ potentials: [Int64]) -> Int64? {
        var total: Int64 = 0
        func add(_ value: Int64, times count: Int64) -> Bool {
            let (product, over) = value.multipliedReportingOverflow(by: count)
            let (sum, overflow) = total.addingReportingOverflow(product)
            total = sum
            return !over && !overflow
        }
        for (node, supply) in network.supplies.enumerated() where supply != 0 {
            guard add(potentials[node], times: supply) else { return nil }
        }
        for arc in network.sources.indices {
            let reduced = network.costs[arc] + potentials[Int(network.sources[arc])] - potentials[Int(network.targets[arc])]
            if reduced < 0 { guard add(-reduced, times: network.capacities[arc]) else { return nil } }
        }
        return total
    }

    /// Potentials under which every pair of the event — in the network or not — has a reduced
    /// cost of at least 0, assuming a pair out of the network weighs at most the lower of its
    /// members' floors: either every `a`-side node is raised or every `b`-side node lowered.
    static func cover(_ network: PairSelection.Network, _ potentials: [Int64], floors: [Double], raiseLeft: Bool) -> [Int64] {
        var result = potentials
        let lefts = network.left.indices.filter { network.left[$0] >= 0 }
        let rights = network.right.indices.filter { network.right[$0] >= 0 }
        func floor(_ p: Int) -> Int64 { Int64(floors[p]) }
        if raiseLeft {
            // π(x) ≥ max over y of π(y) + min(floor x, floor y).
            let others = rights.map { (floor: floor($0), potential: potentials[Int(network.right[$0])]) }.sorted { $0.floor < $1.floor }
            let need = Envelope(others, maximum: true)
            for x in lefts {
                let node = Int(network.left[x])
                if let required = need.bound(floor(x)) { result[node] = max(result[node], required) }
            }
        } else {
            // π(y) ≤ min over x of π(x) − min(floor x, floor y).
            let others = lefts.map { (floor: floor($0), potential: potentials[Int(network.left[$0])]) }.sorted { $0.floor < $1.floor }
            let need = Envelope(others, maximum: false)
            for y in rights {
                let node = Int(network.right[y])
                if let allowed = need.bound(floor(y)) { result[node] = min(result[node], allowed) }
            }
        }
        return result
    }

    /// For nodes sorted by floor, the extreme over all of them of `potential ± min(t, floor)`,
    /// for any t, in O(log n): a prefix over floors below t and a suffix over the rest.
    struct Envelope {
        let floors: [Int64]
        /// Prefix extreme of potential ± floor.
        let prefix: [Int64]
        /// Suffix extreme of potential.
        let suffix: [Int64]
        let maximum: Bool

        init(_ nodes: [(floor: Int64, potential: Int64)], maximum: Bool) {
            self.maximum = maximum
            floors = nodes.map(\.floor)
            var prefix: [Int64] = []
            for node in nodes {
                let value = maximum ? node.potential + node.floor : node.potential - node.floor
                prefix.append(prefix.last.map { maximum ? max($0, value) : min($0, value) } ?? value)
            }
            var suffix = [Int64](repeating: 0, count: nodes.count)
            for i in nodes.indices.reversed() {
                let value = nodes[i].potential
                suffix[i] = i == nodes.count - 1 ? value : (maximum ? max(suffix[i + 1], value) : min(suffix[i + 1], value))
            }
            self.prefix = prefix
            self.suffix = suffix
        }

        /// max (or min) over nodes of potential + (or −) min(t, floor); nil when there are none.
        func bound(_ t: Int64) -> Int64? {
            guard !floors.isEmpty else { return nil }
            // First node whose floor is at least t.
            var low = 0, high = floors.count
            while low < high {
                let mid = (low + high) / 2
                if floors[mid] < t { low = mid + 1 } else { high = mid }
            }
            var candidates: [Int64] = []
            if low > 0 { candidates.append(prefix[low - 1]) }
            if low < floors.count { candidates.append(maximum ? suffix[low] + t : suffix[low] - t) }
            return maximum ? candidates.max() : candidates.min()
        }
    }
}
