import Foundation
import GRDB

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

    init(row: Row, current: Int64?) {
        id = row["id"]
        startedAt = row["started_at"]
        finishedAt = row["finished_at"]
        kind = Kind(rawValue: row["kind"]) ?? .full
        status = Status(rawValue: row["status"]) ?? .failed
        topK = row["top_k"]
        countries = (row["countries"] as String).split(separator: ",").map(String.init)
        companies = row["companies"]
        pairsScored = row["pairs_scored"]
        rowsWritten = row["rows_written"]
        listsRecomputed = row["lists_recomputed"]
        seconds = row["seconds"]
        blas = row["blas"]
        message = row["message"]
        isCurrent = current == id
    }
}

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
