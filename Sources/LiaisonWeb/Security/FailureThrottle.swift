/// Slows down a client that keeps presenting bad tokens: the first few failures cost nothing,
/// then each one waits twice as long as the one before, up to a cap. Counts are per client
/// address and forgotten after a quiet period, so a participant who mistyped a link once is
/// never slowed, while guessing tokens (already hopeless at 256 bits) becomes slower still.
///
///     let delay = await throttle.recordFailure(from: context.clientAddress)
///     try await Task.sleep(for: delay)
public actor FailureThrottle {
    /// How failures turn into delays.
    public struct Policy: Sendable {
        /// Failures from one address that cost nothing.
        public var freeFailures = 3
        /// The delay of the first failure beyond the free ones; each next one doubles it.
        public var firstDelay: Duration = .milliseconds(250)
        /// The longest delay.
        public var maximumDelay: Duration = .seconds(8)
        /// An address that made no failure for this long starts again from zero.
        public var forgetAfter: Duration = .seconds(15 * 60)
        /// Addresses remembered at most; the least recent is forgotten first.
        public var addresses = 10_000

        public init() {}
    }

    public let policy: Policy
    private var failures: [String: (count: Int, last: ContinuousClock.Instant)] = [:]
    private let clock = ContinuousClock()

    public init(policy: Policy = Policy()) {
        self.policy = policy
    }

    /// Records a failure from `address` and returns how long its answer must wait.
    public func recordFailure(from address: String) -> Duration {
        let now = clock.now
        var entry = failures[address] ?? (0, now)
        if now - entry.last > policy.forgetAfter { entry.count = 0 }
        entry.count += 1
        entry.last = now
        if failures[address] == nil, failures.count >= policy.addresses, let oldest = failures.min(by: { $0.value.last < $1.value.last }) {
            failures[oldest.key] = nil
        }
        failures[address] = entry
        return delay(afterFailures: entry.count)
    }

    /// The delay owed after `count` failures in a row.
    public nonisolated func delay(afterFailures count: Int) -> Duration {
        let beyond = count - policy.freeFailures
        guard beyond > 0 else { return .zero }
        let doublings = min(beyond - 1, 30)
        let delay = policy.firstDelay * (1 << doublings)
        return min(delay, policy.maximumDelay)
    }

    /// Failures counted for `address` now.
    public func failureCount(of address: String) -> Int {
        guard let entry = failures[address], clock.now - entry.last <= policy.forgetAfter else { return 0 }
        return entry.count
    }
}
