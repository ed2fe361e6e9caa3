import Foundation
import GRDB

/// A signed-in organizer's browser: the session cookie's value (only when it was just created)
/// and the token its forms carry.
public struct OrganizerSession: Sendable, Hashable {
    /// The cookie value; nil when the session was looked up rather than created.
    public var token: String?
    public var csrf: String
}

extension LiaisonDatabase {
    /// How long a signed-in browser stays signed in.
    public static let organizerSessionLifetime: TimeInterval = 12 * 3600

    /// Makes a new organizer sign-in token, replacing the previous one (whose link stops
    /// working); `liaison serve` prints it at each start. Sessions already open stay open.
    public func newOrganizerSignIn() throws -> String {
        let token = AccessToken.generate()
        try writer.write { db in
            try OrganizerSignInRecord(tokenHash: AccessToken.digest(token), issuedAt: Timestamp.now()).save(db)
        }
        return token
    }

    /// Opens a session for the holder of the sign-in token; nil when the token is not the one
    /// printed last. Expired sessions are forgotten on the way.
    public func signInOrganizer(token: String, now: Date = Date()) throws -> OrganizerSession? {
        guard AccessToken.isWellFormed(token) else { return nil }
        return try writer.write { db in
            guard let signIn = try OrganizerSignInRecord.fetchOne(db, key: 1),
                  Self.constantTimeEqual(signIn.tokenHash, AccessToken.digest(token)) else { return nil }
            try OrganizerSessionRecord.filter(OrganizerSessionRecord.Columns.expiresAt <= Timestamp.string(now)).deleteAll(db)
            let session = AccessToken.generate(), csrf = AccessToken.generate()
            try OrganizerSessionRecord(tokenHash: AccessToken.digest(session), csrf: csrf, createdAt: Timestamp.string(now),
                                       expiresAt: Timestamp.string(now.addingTimeInterval(Self.organizerSessionLifetime))).insert(db)
            return OrganizerSession(token: session, csrf: csrf)
        }
    }

    /// The session a cookie value belongs to; nil when it is unknown or expired.
    public func organizerSession(token: String, now: Date = Date()) throws -> OrganizerSession? {
        guard AccessToken.isWellFormed(token) else { return nil }
        return try writer.read { db in
            guard let record = try OrganizerSessionRecord.fetchOne(db, key: AccessToken.digest(token)),
                  record.expiresAt > Timestamp.string(now) else { return nil }
            return OrganizerSession(token: nil, csrf: record.csrf)
        }
    }

    /// Ends a session (signing out).
    public func endOrganizerSession(token: String) throws {
        guard AccessToken.isWellFormed(token) else { return }
        _ = try writer.write { db in try OrganizerSessionRecord.deleteOne(db, key: AccessToken.digest(token)) }
    }

    /// Compares two digests in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
