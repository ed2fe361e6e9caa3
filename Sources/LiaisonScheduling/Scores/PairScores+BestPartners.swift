extension PairScores {
    /// The listed form (``init(pairs:floors:)``) of an event too large for every pair: each
    /// participant's ``listLength(forCapacity:)`` best partners among those it may meet (delegate
    /// with host in a sides event, anyone with anyone in an open one), and per participant the
    /// score of its last listed partner as its floor. Every pair is scored once, by `score`, and
    /// only the lists are kept, so memory grows with the participants, not with the pairs.
    ///
    ///     let scores = PairScores.bestPartners(of: participants, pairing: .sides) { a, b in exactScore(a, b) }
    public static func bestPartners(of participants: [Participant], pairing: Pairing,
                                    score: (String, String) -> Double) -> PairScores {
        var heaps = participants.map { BestPartners(limit: listLength(forCapacity: $0.capacity)) }
        let left = pairing == .open ? Array(participants.indices) : participants.indices.filter { participants[$0].side == .delegate }
        let right = pairing == .open ? Array(participants.indices) : participants.indices.filter { participants[$0].side == .host }
        for a in left {
            for b in right where pairing == .sides || a < b {
                let value = score(participants[a].company, participants[b].company)
                if heaps[a].admits(value, b) { heaps[a].insert(value, b) }
                if heaps[b].admits(value, a) { heaps[b].insert(value, a) }
            }
        }
        var pairs: [PairScore] = []
        var floors: [String: Double] = [:]
        for (index, participant) in participants.enumerated() {
            for partner in heaps[index].partners {
                // As scored above: a sides pair delegate first, an open pair in the participants' order.
                let (a, b) = pairing == .open ? (min(index, partner), max(index, partner))
                    : participant.side == .host ? (partner, index) : (index, partner)
                pairs.append(PairScore(a: participants[a].company, b: participants[b].company,
                                       score: score(participants[a].company, participants[b].company)))
            }
            floors[participant.company] = heaps[index].isFull ? max(0, heaps[index].worst) : 0
        }
        return PairScores(pairs: pairs, floors: floors)
    }
}
