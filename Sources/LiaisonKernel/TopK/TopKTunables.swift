/// The block sizes of the top-k kernel. Defaults were chosen by measurement on the target machine
/// (2-core AMD EPYC, 2 MiB L2 per core, OpenBLAS 0.3.21): see `Benchmarks/` and the README.
public struct TopKTunables: Sendable, Equatable {
    /// Query rows per `sgemm` call: larger blocks re-read the candidate matrix fewer times.
    public var queryBlock: Int
    /// Candidate rows per `sgemm` call: with `queryBlock`, sets the scratch tile the scores land in,
    /// which should stay in cache for the scan that follows.
    public var candidateBlock: Int
    /// With fewer queries than this per thread, threads split the candidates (and merge their
    /// private heaps) instead of splitting the queries.
    public var minimumQueriesPerThread: Int

    public init(queryBlock: Int = 512, candidateBlock: Int = 1024, minimumQueriesPerThread: Int = 64) {
        precondition(queryBlock > 0 && candidateBlock > 0 && minimumQueriesPerThread > 0)
        self.queryBlock = queryBlock
        self.candidateBlock = candidateBlock
        self.minimumQueriesPerThread = minimumQueriesPerThread
    }

    /// The measured defaults.
    public static let standard = TopKTunables()
}
