import Foundation

/// The lock that lets one rerank run at a time: an exclusive `flock` on a file beside the
/// database, released by the system when the process ends, even on `kill -9`.
public final class RerankLock {
    private let descriptor: Int32

    /// Takes the lock, or returns nil at once when another process holds it.
    public init?(databasePath: String) throws {
        let path = databasePath + ".rerank-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError.cannotOpen(path, String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
