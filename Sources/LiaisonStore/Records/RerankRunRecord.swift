import GRDB

/// A row of the `rerank_run` table: one re-ranking, its settings (weights and country versions
/// as JSON) and what it did.
struct RerankRunRecord: SnakeCaseColumns {
    static let databaseTableName = "rerank_run"

    var id: Int64?
    var startedAt: String
    var finishedAt: String?
    var kind: RerankRun.Kind
    var status: RerankRun.Status
    var topK: Int
    /// Host countries joined by `,`.
    var countries: String
    var weights: String
    var countryVersions: String?
    var companies: Int?
    var pairsScored: Int?
    var rowsWritten: Int?
    var listsRecomputed: Int?
    var seconds: Double?
    var blas: String?
    var message: String?

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let status = Column(CodingKeys.status)
        static let message = Column(CodingKeys.message)
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The run as `liaison runs` shows it.
    func run(current: Int64?) -> RerankRun {
        RerankRun(id: id ?? 0, startedAt: startedAt, finishedAt: finishedAt, kind: kind, status: status, topK: topK,
                  countries: countries.split(separator: ",").map(String.init), companies: companies, pairsScored: pairsScored,
                  rowsWritten: rowsWritten, listsRecomputed: listsRecomputed, seconds: seconds, blas: blas, message: message,
                  isCurrent: current != nil && current == id)
    }
}

extension RerankRun.Kind: DatabaseValueConvertible {}
extension RerankRun.Status: DatabaseValueConvertible {}
