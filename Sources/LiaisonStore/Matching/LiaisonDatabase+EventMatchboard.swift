import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// What an event's board would be computed from now: cheap to read (the catalog version, the
    /// weights, the event's pairing and the participant list), so a cached board can be checked on
    /// every page.
    public func eventMatchboardKey(_ event: String) throws -> EventMatchboard.Key {
        // Cached statements only: this runs on every page a participant opens.
        let (stored, version, pairing, participants) = try writer.read { db -> ([ScoreWeightRecord], Int64, Pairing, String) in
            guard StoredID.canExist(event),
                  let pairing = try Pairing.fetchOne(db.cachedStatement(sql: "SELECT pairing FROM event WHERE id = ?"), arguments: [event]) else {
                throw EventError.unknownEvent(event)
            }
            // One string made by SQLite rather than a row per participant.
            let participants = try String.fetchOne(db.cachedStatement(sql: """
                SELECT group_concat(side || ':' || company, char(10)) FROM (SELECT side, company FROM event_participant WHERE event = ? ORDER BY company)
                """), arguments: [event]) ?? ""
            return (try ScoreWeightRecord.fetchAll(db.cachedStatement(sql: "SELECT * FROM score_weight")),
                    try Int64.fetchOne(db.cachedStatement(sql: "SELECT version FROM catalog_state WHERE id = 1")) ?? 0, pairing, participants)
        }
        let weights = try ScoreWeights(Dictionary(stored.map { ($0.term, $0.value) }, uniquingKeysWith: { _, last in last }))
        return EventMatchboard.Key(catalogVersion: version, weights: weights, pairing: pairing, participants: participants)
    }

    /// The event's board: its participants' features, who may meet whom, and the score model in force.
    public func eventMatchboard(_ event: String) throws -> EventMatchboard {
        let key = try eventMatchboardKey(event)
        let definition = try eventDefinition(event)
        let companies = try companies(ids: definition.participants.map(\.company))
        return EventMatchboard(event: event, key: key, participants: definition.participants, companies: companies,
                               weights: key.weights, taxonomy: taxonomy)
    }
}
