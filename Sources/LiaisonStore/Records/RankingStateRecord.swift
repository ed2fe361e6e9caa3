import GRDB

/// The single row of the `ranking_state` table: the run `match` and `rankings` read.
struct RankingStateRecord: SnakeCaseRecord {
    static let databaseTableName = "ranking_state"

    var id = 1
    var currentRun: Int64?
}
