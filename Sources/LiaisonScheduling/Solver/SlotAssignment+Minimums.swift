extension SlotAssignment {
    /// Brings participants short of their minimum closer to it by exchange, where placing and
    /// filling left them short: a candidate pair with someone short takes a slot both can meet
    /// in, in place of the one meeting that stood in the way, when that raises the schedule's
    /// credit towards the minimum (see ``EventModel/minimumCredit(of:meeting:)``): someone gains
    /// a meeting they are owed, and whoever loses one had more than their minimum, or at least
    /// two more than the gainer. Of the exchanges for a pair, the one raising the credit most,
    /// then losing the least value, is made. Fixed and must-meet meetings stay. The credit only
    /// grows, so it ends. Returns whether anything changed.
    @discardableResult
    static func raiseMinimums(_ candidates: [PairKey], in timetable: inout Timetable) -> Bool {
        let model = timetable.model
        func short(_ p: Int) -> Bool { timetable.meetingCount(p) < model.minimum(of: p) }
        // Nobody short, nothing to do: the candidates are not sorted for nothing (most schedules).
        guard model.participants.indices.contains(where: short) else { return false }
        let ordered = candidates.sorted { (model.value($1), $0) < (model.value($0), $1) }
        var changed = false
        for key in ordered where timetable.placements[key] == nil && (short(key.a) || short(key.b)) {
            /// What removing `meeting` to place `key` adds to the credit; nil for a meeting that stays.
            func gain(removing meeting: PairKey?) -> Int? {
                if let meeting, let placement = timetable.placements[meeting], placement.fixed || model.isMust(meeting) { return nil }
                let removed = meeting.map { [$0.a, $0.b] } ?? []
                let gainers = [key.a, key.b].filter { !removed.contains($0) }
                let losers = removed.filter { $0 != key.a && $0 != key.b }
                return gainers.reduce(0) { $0 + model.minimumCredit(of: $1, meeting: timetable.meetingCount($1) + 1) }
                    - losers.reduce(0) { $0 + model.minimumCredit(of: $1, meeting: timetable.meetingCount($1)) }
            }
            var best: (removed: PairKey?, slot: Int, gain: Int, loss: Double)?
            for slot in model.commonSlots(key) {
                guard let freeing = freeing(key, slot, timetable) else {
                    best = (nil, slot, gain(removing: nil)!, -model.value(key))
                    break
                }
                for meeting in freeing {
                    guard let gain = gain(removing: meeting), gain > 0 else { continue }
                    let loss = model.value(meeting) - model.value(key)
                    if best == nil || (-gain, loss, meeting) < (-best!.gain, best!.loss, best!.removed ?? meeting) {
                        best = (meeting, slot, gain, loss)
                    }
                }
            }
            guard let best else { continue }
            if let removed = best.removed { timetable.remove(removed) }
            timetable.place(key, in: best.slot)
            changed = true
        }
        return changed
    }
}
