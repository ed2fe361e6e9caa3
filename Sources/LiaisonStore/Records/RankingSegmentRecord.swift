import GRDB

/// A row of the `ranking_segment` table: the segment of ranking rows one run appended (see
/// ``RankingSegments``).
struct RankingSegmentRecord: SnakeCaseRecord {
    static let databaseTableName = "ranking_segment"

    var run: Int64
    var complete: Bool
    var rows: Int

    enum Columns {
        static let run = Column(CodingKeys.run)
        static let complete = Column(CodingKeys.complete)
    }
}
