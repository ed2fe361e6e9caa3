
/// One nightly re-ranking, as `liaison runs` lists it.
public struct RerankRun: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable { case full, incremental }
    public enum Status: String, Sendable, Codable { case running, done, failed, interrupted }

    public var id: Int64
    public var startedAt: String
    public var finishedAt: String?
    public var kind: Kind
    public var status: Status
    public var topK: Int
    public var countries: [String]
    public var companies: Int?
    public var pairsScored: Int?
    public var rowsWritten: Int?
    public var listsRecomputed: Int?
    public var seconds: Double?
    public var blas: String?
    /// Why the run failed, or why an incremental run was asked for but a full one was done.
    public var message: String?
    /// Whether this is the run `liaison match` and `liaison rankings` read.
    public var isCurrent: Bool

    public init(id: Int64, startedAt: String, finishedAt: String?, kind: Kind, status: Status, topK: Int, countries: [String],
                companies: Int?, pairsScored: Int?, rowsWritten: Int?, listsRecomputed: Int?, seconds: Double?, blas: String?,
                message: String?, isCurrent: Bool) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.kind = kind
        self.status = status
        self.topK = topK
        self.countries = countries
        self.companies = companies
        self.pairsScored = pairsScored
        self.rowsWritten = rowsWritten
        self.listsRecomputed = listsRecomputed
        self.seconds = seconds
        self.blas = blas
        self.message = message
        self.isCurrent = isCurrent
    }
}
