import GRDB

/// The one row of the `organizer_signin` table: the SHA-256 of the sign-in token `liaison serve`
/// printed last (each start replaces it).
struct OrganizerSignInRecord: SnakeCaseRecord {
    static let databaseTableName = "organizer_signin"

    var id: Int = 1
    var tokenHash: String
    var issuedAt: String
}
