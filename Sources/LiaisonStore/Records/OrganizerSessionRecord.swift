import GRDB

/// A row of the `organizer_session` table: a signed-in browser, by the SHA-256 of its session
/// cookie, with its form token and when it ends.
struct OrganizerSessionRecord: SnakeCaseRecord {
    static let databaseTableName = "organizer_session"

    var tokenHash: String
    var csrf: String
    var createdAt: String
    var expiresAt: String

    enum Columns {
        static let expiresAt = Column("expires_at")
    }
}
