import GRDB
import LiaisonCore

/// A row of the `score_weight` table: a term's weight set by the organizer (others keep their default).
struct ScoreWeightRecord: SnakeCaseRecord {
    static let databaseTableName = "score_weight"

    var term: ScoreTerm
    var value: Double
}
