import Dispatch

/// A value computed on another thread while the caller does something else; ``value()`` waits for
/// it (and throws what the work threw).
final class Meanwhile<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the work, read only after `finished` is signalled.
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async {
            self.result = Result(catching: work)
            self.finished.signal()
        }
    }

    /// The value, once the work is done.
    func value() throws -> Value {
        finished.wait()
        finished.signal()  // later calls return at once
        return try result!.get()
    }
}
