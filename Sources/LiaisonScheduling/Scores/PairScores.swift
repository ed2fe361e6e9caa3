/// The score of pairs of participants, by company id: what a meeting of the two is worth.
///
/// Three forms, for three sizes of event:
/// - every delegate–host pair of a sides event (``init(delegates:hosts:values:)``);
/// - every pair of an open event (``init(participants:values:)``);
/// - a list of chosen pairs (``init(pairs:floors:)``): for large events, each participant's best
///   partners, with a *floor* per company that no unlisted pair of it scores above. Only listed
///   pairs (and requests, locks and published meetings) are scheduled, and the upper bound stays
///   proven: an unlisted pair is counted at its floor.
///
/// Scores are symmetric: the score of a and b is the score of b and a.
public struct PairScores: Sendable {
    enum Storage: Sendable {
        /// `values[d * hosts + h]`.
        case sides(delegates: [String: Int], hosts: [String: Int], values: [Double])
        /// `values[i * count + j]`.
        case open(index: [String: Int], values: [Double])
        case listed([PairName: Double])
    }

    /// Two company ids, in order.
    struct PairName: Hashable, Sendable {
        let low: String
        let high: String

        init(_ a: String, _ b: String) {
            (low, high) = a <= b ? (a, b) : (b, a)
        }
    }

    let storage: Storage
    /// Per company, the most an unlisted pair of it may score (listed form only).
    public let floors: [String: Double]

    /// Scores of every delegate–host pair, laid out delegate by delegate: `values[d * hosts.count + h]`.
    public init(delegates: [String], hosts: [String], values: [Double]) {
        precondition(values.count == delegates.count * hosts.count, "one score per delegate–host pair")
        storage = .sides(delegates: Self.positions(delegates), hosts: Self.positions(hosts), values: values)
        floors = [:]
    }

    /// Scores of every pair of an open event's participants: `values[i * count + j]`, symmetric
    /// (the diagonal is ignored).
    public init(participants: [String], values: [Double]) {
        precondition(values.count == participants.count * participants.count, "one score per pair of participants")
        storage = .open(index: Self.positions(participants), values: values)
        floors = [:]
    }

    /// Scores of the listed pairs only. `floors[company]` bounds the score of every pair of that
    /// company that is not listed (0 when absent: its unlisted pairs are worth nothing). A pair
    /// listed twice keeps its first score.
    ///
    ///     PairScores(pairs: [PairScore(a: "CN-1", b: "US-7", score: 0.82)], floors: ["CN-1": 0.41, "US-7": 0.35])
    public init(pairs: [PairScore], floors: [String: Double] = [:]) {
        var listed: [PairName: Double] = [:]
        listed.reserveCapacity(pairs.count)
        for pair in pairs where listed[PairName(pair.a, pair.b)] == nil { listed[PairName(pair.a, pair.b)] = pair.score }
        storage = .listed(listed)
        self.floors = floors
    }

    /// How many best partners to list for a participant who can hold `capacity` meetings, in an
    /// event too large for every pair (see ``init(pairs:floors:)``): the solver then has room
    /// to choose, and the floors stay low enough for a tight bound.
    public static func listLength(forCapacity capacity: Int) -> Int {
        CandidatePairs.partners(capacity: capacity)
    }

    /// Pairs an event may have before the solver keeps only each participant's best partners
    /// (a larger event is better given as a list: ``init(pairs:floors:)``).
    public static var completeLimit: Int { CandidatePairs.completeLimit }

    /// The score of a delegate and a host; 0 for a pair without a score.
    public func score(delegate: String, host: String) -> Double {
        score(delegate, host)
    }

    /// The score of two participants, in either order; 0 for a pair without a score.
    public func score(_ a: String, _ b: String) -> Double {
        switch storage {
        case let .sides(delegates, hosts, values):
            if let d = delegates[a], let h = hosts[b] { return values[d * hosts.count + h] }
            if let d = delegates[b], let h = hosts[a] { return values[d * hosts.count + h] }
            return 0
        case let .open(index, values):
            guard let i = index[a], let j = index[b], i != j else { return 0 }
            return values[i * index.count + j]
        case let .listed(listed):
            return listed[PairName(a, b)] ?? 0
        }
    }

    /// Whether only some pairs have scores (the listed form).
    public var isListed: Bool {
        if case .listed = storage { return true }
        return false
    }

    /// The most an unlisted pair of `company` may score.
    public func floor(of company: String) -> Double { floors[company] ?? 0 }

    private static func positions(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

/// Two participants and their score.
public struct PairScore: Hashable, Sendable, Codable {
    public var a: String
    public var b: String
    public var score: Double

    public init(a: String, b: String, score: Double) {
        self.a = a
        self.b = b
        self.score = score
    }
}
