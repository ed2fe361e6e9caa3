import GRDB

/// A row of the `ranking_entry` table: one entry of one company's list in one segment, or, without
/// a score, the entry's leaving the list. Runs write these rows through a prepared statement
/// (``RankingWriter``), not this record: 12 million rows a night make the encoding cost count.
struct RankingEntryRecord: SnakeCaseRecord {
    static let databaseTableName = "ranking_entry"

    var segment: Int64
    var company: String
    var targetCountry: String
    var match: String
    var score: Double?
    var sector: Double?
    var complementarity: Double?
    var language: Double?
    var size: Double?

    enum Columns {
        static let segment = Column(CodingKeys.segment)
        static let company = Column(CodingKeys.company)
        static let targetCountry = Column("target_country")
    }
}
