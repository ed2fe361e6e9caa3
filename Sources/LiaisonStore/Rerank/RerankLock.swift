import Foundation

/// The lock that lets one rerank run at a time: an exclusive `flock` on a file beside the
/// database, released by the system when the process ends, even on `kill -9`.
public final class RerankLock {
    private let descriptor: Int32

    /// Takes the lock, or returns nil at once when another process holds it; refused as
    /// read-only when this user cannot create the lock file beside the database.
    public init?(databasePath: String) throws {
        let path = databasePath + ".rerank-lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            // The lock lives beside the database: a folder this user cannot write makes the
            // database read-only for it, as for any other writing command.
            if [EACCES, EPERM, EROFS].contains(errno) { throw StoreError.readOnly(databasePath) }
            throw StoreError.cannotOpen(path, String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    /// Whether a process holds the lock of the database at `databasePath` now (a rerank is
    /// running on it); asked without taking it for more than an instant, nor creating its file.
    public static func isHeld(databasePath: String) -> Bool {
        let descriptor = open(databasePath + ".rerank-lock", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
