import Foundation
import GRDB

/// The single row of the `ranking_lists` table: the current run's lists, encoded by
/// ``RankingListsCodec``, which the next incremental run starts from.
struct RankingListsRecord: SnakeCaseRecord {
    static let databaseTableName = "ranking_lists"

    var id = 1
    var run: Int64
    var data: Data

    enum Columns {
        static let run = Column(CodingKeys.run)
    }
}
