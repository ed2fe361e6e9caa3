import Synchronization

/// A signal one thread raises to stop work running on another (a SAT solve), which
/// looks at it between steps. Once raised it stays raised.
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Asks the work to stop.
    func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether the work was asked to stop.
    var isRaised: Bool { raised.load(ordering: .relaxed) }
}
