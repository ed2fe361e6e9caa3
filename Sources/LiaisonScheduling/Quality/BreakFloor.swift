/// The fewest breaks a participant's availability allows for a number of meetings, whatever
/// the others do: how far fairness can go. A participant available in slots 1–3 and 6–9 of one
/// day with 6 meetings has at least one break (its two free stretches hold 3 and 4); anyone with
/// one meeting has none. So a schedule whose break counts spread by more than
/// ``forcedSpread(_:meetings:)`` could be fairer; one that spreads by exactly that could not.
public enum BreakFloor {
    /// The fewest breaks participant p (by company) can have with `count` meetings: its free
    /// stretches (runs of available slots within a day, each holding `reps` meetings per slot)
    /// taken largest first, the first of each day free of charge and every further one costing
    /// a break — which is optimal, as every further stretch costs exactly one.
    static func fewest(_ model: EventModel, _ p: Int, meetings count: Int) -> Int {
        guard count > 1 else { return 0 }
        let reps = model.participants[p].reps
        let (order, free) = model.stretchesFewestBreaksFirst(of: p)
        var room = 0, used = 0
        for stretch in order where room < count {
            room += stretch.count * reps
            used += 1
        }
        return max(0, used - free)
    }

    /// The least spread of break counts any schedule giving each participant as many meetings as
    /// `meetings` does can have: the most breaks someone's availability forces, less the most
    /// breaks the participant with the fewest meetings could have (one less than its meetings).
    public static func forcedSpread(_ input: SchedulingInput, meetings: [Meeting]) throws(SchedulingError) -> Int {
        let model = try EventModel(input)
        var counts = [Int](repeating: 0, count: model.participants.count)
        for meeting in meetings {
            if let a = model.index[meeting.a] { counts[a] += 1 }
            if let b = model.index[meeting.b] { counts[b] += 1 }
        }
        let active = counts.indices.filter { counts[$0] > 0 }
        guard let fewestMeetings = active.map({ counts[$0] }).min() else { return 0 }
        let forced = active.map { fewest(model, $0, meetings: counts[$0]) }.max() ?? 0
        return max(0, forced - (fewestMeetings - 1))
    }
}
