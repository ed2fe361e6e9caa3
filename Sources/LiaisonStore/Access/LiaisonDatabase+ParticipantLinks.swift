import Foundation
import GRDB

/// A participant's private link as `liaison event links` lists it.
public struct ParticipantLink: Sendable, Hashable {
    public var company: String
    public var name: String
    /// The link's token, only when this call issued it: the database keeps only its SHA-256, so
    /// a link issued before cannot be shown again (`renewParticipantLink` gives a new one).
    public var token: String?
    /// When the link in force was issued; nil when the participant has none yet.
    public var issuedAt: String?
}

/// Whose pages a private link opens.
public struct ParticipantAccess: Sendable, Hashable {
    public var event: String
    public var company: String
    /// The token every form of these pages carries (checked on each POST).
    public var csrf: String
}

extension LiaisonDatabase {
    /// Gives each participant of `event` that has no link in force a new one, and lists every
    /// participant's link (by company id): the new ones with their token.
    public func issueParticipantLinks(event: String) throws -> [ParticipantLink] {
        try writer.write { db in
            let participants = try definition(event, db: db).participants.map(\.company).sorted()
            let now = Timestamp.now()
            return try participants.map { company in
                if let active = try Self.activeLink(event: event, company: company, in: db) {
                    return ParticipantLink(company: company, name: try Self.companyName(company, in: db), token: nil, issuedAt: active.issuedAt)
                }
                let token = try Self.insertLink(event: event, company: company, at: now, in: db)
                return ParticipantLink(company: company, name: try Self.companyName(company, in: db), token: token, issuedAt: now)
            }
        }
    }

    /// Every participant's link as it stands, by company id, issuing none (no token shown).
    public func participantLinkStates(event: String) throws -> [ParticipantLink] {
        try writer.read { db in
            try definition(event, db: db).participants.map(\.company).sorted().map { company in
                ParticipantLink(company: company, name: try Self.companyName(company, in: db), token: nil,
                                issuedAt: try Self.activeLink(event: event, company: company, in: db)?.issuedAt)
            }
        }
    }

    /// Revokes the participant's link (its pages answer "not found" from now on) and issues a new
    /// one, returned with its token.
    public func renewParticipantLink(event: String, company: String) throws -> ParticipantLink {
        try writer.write { db in
            guard try definition(event, db: db).participants.contains(where: { $0.company == company }) else {
                throw EventError.notParticipant(event: event, company: company)
            }
            let now = Timestamp.now()
            try db.execute(sql: "UPDATE participant_link SET revoked_at = ? WHERE event = ? AND company = ? AND revoked_at IS NULL",
                           arguments: [now, event, company])
            let token = try Self.insertLink(event: event, company: company, at: now, in: db)
            return ParticipantLink(company: company, name: try Self.companyName(company, in: db), token: token, issuedAt: now)
        }
    }

    /// The participant whose pages `token` opens; nil for a token that is malformed, unknown,
    /// revoked, or whose participant has left the event — unless `evenAfterLeaving`: a company
    /// that left keeps its calendar feed, which must still cancel the meetings it was told of.
    public func participantAccess(token: String, evenAfterLeaving: Bool = false) throws -> ParticipantAccess? {
        guard AccessToken.isWellFormed(token) else { return nil }
        let hash = AccessToken.digest(token)
        return try writer.read { db in
            guard let link = try ParticipantLinkRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM participant_link WHERE token_hash = ?"),
                                                                arguments: [hash]),
                  link.revokedAt == nil,
                  try evenAfterLeaving || Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM event_participant WHERE event = ? AND company = ?)"),
                                    arguments: [link.event, link.company]) == true else { return nil }
            return ParticipantAccess(event: link.event, company: link.company, csrf: link.csrf)
        }
    }

    // MARK: - Helpers

    private static func activeLink(event: String, company: String, in db: Database) throws -> ParticipantLinkRecord? {
        try ParticipantLinkRecord.filter(ParticipantLinkRecord.Columns.event == event && ParticipantLinkRecord.Columns.company == company
                                         && ParticipantLinkRecord.Columns.revokedAt == nil).fetchOne(db)
    }

    /// Stores a new link's hash and returns its token.
    private static func insertLink(event: String, company: String, at now: String, in db: Database) throws -> String {
        let token = AccessToken.generate()
        try ParticipantLinkRecord(tokenHash: AccessToken.digest(token), event: event, company: company,
                                  csrf: AccessToken.generate(), issuedAt: now, revokedAt: nil).insert(db)
        return token
    }

    static func companyName(_ id: String, in db: Database) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM company WHERE id = ?"), arguments: [id]) ?? id
    }
}
