/// Places a meeting by swapping two slots along an alternating chain of meetings: the step of
/// König's proof that bipartite edge colouring never needs more colours than the largest degree,
/// here checked against availability, representatives and tables.
///
/// The delegate is free in slot α, the host in slot β. Starting at the host, the chain follows
/// its meeting in α, that meeting's delegate's meeting in β, and so on; swapping α and β along
/// the chain frees α for the host without taking it from the delegate, and the pair meets in α.
enum KempeChain {
    typealias PairKey = EventModel.PairKey

    /// The longest chain tried.
    static let maximumLength = 64

    static func place(_ key: PairKey, in timetable: inout Timetable) -> Bool {
        let model = timetable.model
        guard timetable.hasRoom(key.a), timetable.hasRoom(key.b) else { return false }
        let common = model.commonSlots(key)
        for alpha in common where timetable.isFree(key.a, alpha) {
            for beta in model.slots where beta != alpha && timetable.isFree(key.b, beta) {
                if swapAndPlace(key, alpha: alpha, beta: beta, in: &timetable) { return true }
            }
        }
        return false
    }

    private static func swapAndPlace(_ key: PairKey, alpha: Int, beta: Int, in timetable: inout Timetable) -> Bool {
        var chain: [PairKey] = []
        var seen = Set<PairKey>()
        var participant = key.b, slot = alpha
        while chain.count < maximumLength {
            guard let next = timetable.meetings(of: participant, in: slot).sorted().first(where: { !seen.contains($0) }) else { break }
            guard !timetable.placements[next]!.fixed else { return false }
            chain.append(next)
            seen.insert(next)
            participant = next.a == participant ? next.b : next.a
            if participant == key.a { return false }
            slot = slot == alpha ? beta : alpha
        }
        guard chain.count < maximumLength else { return false }
        var trial = timetable
        for meeting in chain { trial.remove(meeting) }
        for meeting in chain {
            let from = timetable.placements[meeting]!.slot
            let to = from == alpha ? beta : alpha
            guard trial.canPlace(meeting, in: to) else { return false }
            trial.place(meeting, in: to)
        }
        guard trial.canPlace(key, in: alpha) else { return false }
        trial.place(key, in: alpha)
        timetable = trial
        return true
    }
}
