/// The block sizes of the top-k kernel.
///
/// The defaults were chosen by measurement (`make bench-tune`: 20,000 × 200,000 sector vectors,
/// k = 10, 2 threads, 2-core AMD EPYC with 2 MiB L2 per core and 32 MiB L3, OpenBLAS 0.3.21).
/// Candidate blocks of 768 or fewer beat 1,024 and more by 5–10 %; 1,024 × 768 was fastest at
/// d = 64 (median 2.91 s against 3.15 s for 512 × 1,024) and within noise of the best at d = 192.
/// Its 3 MiB score tile per thread stays in L3 between the product and the scan.
public struct TopKTunables: Sendable, Equatable {
    /// Query rows per `sgemm` call: larger blocks re-read the candidate matrix fewer times.
    public var queryBlock: Int
    /// Candidate rows per `sgemm` call: with `queryBlock`, sets the scratch tile the scores land in,
    /// which should stay in cache for the scan that follows.
    public var candidateBlock: Int
    /// With fewer queries than this per thread, threads split the candidates (and merge their
    /// private heaps) instead of splitting the queries.
    public var minimumQueriesPerThread: Int

    public init(queryBlock: Int = 1024, candidateBlock: Int = 768, minimumQueriesPerThread: Int = 64) {
        precondition(queryBlock > 0 && candidateBlock > 0 && minimumQueriesPerThread > 0)
        self.queryBlock = queryBlock
        self.candidateBlock = candidateBlock
        self.minimumQueriesPerThread = minimumQueriesPerThread
    }

    /// The measured defaults.
    public static let standard = TopKTunables()
}
