import Testing

/// Our own mirror of `liaison match --format json`.
struct MatchJSON: Decodable {
    struct Share: Decodable {
        var sector: String
        var name: String
        var direction: String?
        var contribution: Double
    }

    struct Match: Decodable {
        var rank: Int
        var id: String
        var name: String
        var country: String
        var city: String
        var score: Double
        var components: [String: Double]
        var sectors: [String: [Share]]
        var reasons: [String]
    }

    var subject: String?
    var source: String
    var matches: [Match]
}

/// A table row of `liaison match`: rank, id, …, country, score.
struct MatchTableRow: Equatable {
    var rank: Int
    var id: String
    var country: String
    var score: Double

    init?(_ line: String) {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count >= 4, let rank = Int(fields[0]), let score = Double(fields[fields.count - 1]) else { return nil }
        (self.rank, id, country, self.score) = (rank, fields[1], fields[fields.count - 2], score)
    }
}

/// Fails unless `matches` are the best of what `reference` ranks first, allowing ties within `tie`.
func expectBest(_ matches: [MatchJSON.Match], _ reference: [(id: String, score: Double)], tie: Double = 1e-5,
                _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(matches.count == reference.count, comment, sourceLocation: sourceLocation)
    let scores = Dictionary(uniqueKeysWithValues: reference.map { ($0.id, $0.score) })
    for (match, expected) in zip(matches, reference) {
        #expect(abs(match.score - expected.score) <= tie, "\(comment): rank \(match.rank) \(match.id) \(match.score), expected \(expected.id) \(expected.score)",
                sourceLocation: sourceLocation)
        // A different id is fine only when it ties with the expected one.
        if match.id != expected.id, let own = scores[match.id] {
            #expect(abs(own - expected.score) <= tie, "\(comment): \(match.id) in place of \(expected.id)", sourceLocation: sourceLocation)
        }
    }
}
