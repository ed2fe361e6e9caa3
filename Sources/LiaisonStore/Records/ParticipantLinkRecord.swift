import GRDB

/// A row of the `participant_link` table: a participant's private link, by the SHA-256 of its
/// token, with the token its forms carry. A revoked link stays (with when) and opens nothing.
struct ParticipantLinkRecord: SnakeCaseRecord {
    static let databaseTableName = "participant_link"

    var tokenHash: String
    var event: String
    var company: String
    /// The form token of the participant's pages (random, not a secret that opens anything).
    var csrf: String
    var issuedAt: String
    var revokedAt: String?

    enum Columns {
        static let tokenHash = Column("token_hash")
        static let event = Column(CodingKeys.event)
        static let company = Column(CodingKeys.company)
        static let revokedAt = Column("revoked_at")
    }
}
