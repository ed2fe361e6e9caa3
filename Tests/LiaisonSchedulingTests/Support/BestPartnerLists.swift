import LiaisonScheduling

/// The listed form of an event's scores, as a store would give it for a large event: each
/// participant's `k(capacity)` best partners (exactly, ties by id) from the event's full scores,
/// and as its floor the score of its last listed partner when some were left out (else 0).
enum BestPartnerLists {
    static func scores(_ input: SchedulingInput, k: (Int) -> Int) -> PairScores {
        let people = input.participants
        var pairs = Set<[String]>()
        var floors: [String: Double] = [:]
        for x in people {
            let partners = people.filter { y in
                y.company != x.company && (input.event.pairing == .open || y.side != x.side)
            }.map { (id: $0.company, score: input.scores.score(x.company, $0.company)) }
                .sorted { ($1.score, $0.id) < ($0.score, $1.id) }
            let length = k(x.capacity)
            for partner in partners.prefix(length) { pairs.insert([x.company, partner.id].sorted()) }
            floors[x.company] = partners.count > length ? partners[length - 1].score : 0
        }
        return PairScores(pairs: pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { PairScore(a: $0[0], b: $0[1], score: input.scores.score($0[0], $0[1])) },
                          floors: floors)
    }
}
