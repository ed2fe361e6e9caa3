import Foundation

/// Lowers the scheduling priority of the whole process, every thread of it. On Linux `nice` is a
/// thread's own: `setpriority` on the process changes only the calling thread, and pools started
/// before (BLAS's, dispatch's, whose threads may also carry a priority of their own) keep theirs.
enum ProcessNiceness {
    /// Gives every thread of this process at least `niceness`; threads already nicer keep theirs.
    /// Threads started later by one of them inherit it; call again after work that may start
    /// threads from elsewhere.
    static func lower(to niceness: Int32) {
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        setpriority(which, 0, niceness)
        guard let threads = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task") else { return }
        for thread in threads.compactMap(id_t.init) {
            errno = 0
            let current = getpriority(which, thread)
            if errno == 0, current < niceness { setpriority(which, thread, niceness) }
        }
    }
}

/// Keeps every thread of the process at a niceness while work starts new ones: ``keep()`` lowers
/// them again, at most twice a second, from whichever thread calls it (a progress callback).
final class NicenessKeeper: @unchecked Sendable {
    private let lock = NSLock()
    private var last = Date.distantPast
    private let niceness: Int32

    /// Lowers every thread to `niceness` now.
    init(niceness: Int32) {
        self.niceness = niceness
        ProcessNiceness.lower(to: niceness)
    }

    /// Lowers threads started since, unless that was done less than half a second ago.
    func keep() {
        lock.withLock {
            guard Date().timeIntervalSince(last) >= 0.5 else { return }
            last = Date()
            ProcessNiceness.lower(to: niceness)
        }
    }
}
