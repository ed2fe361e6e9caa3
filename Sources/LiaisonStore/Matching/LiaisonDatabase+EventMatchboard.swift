import GRDB
import LiaisonCore
import LiaisonScheduling

extension LiaisonDatabase {
    /// What an event's board would be computed from now: cheap to read (the catalog version, the
    /// weights and the participant list), so a cached board can be checked on every page.
    public func eventMatchboardKey(_ event: String) throws -> EventMatchboard.Key {
        let weights = try scoreWeights()
        return try writer.read { db in
            guard try EventStore.exists(event, in: db) else { throw EventError.unknownEvent(event) }
            let participants = try Row.fetchAll(db.cachedStatement(sql: "SELECT company, side FROM event_participant WHERE event = ? ORDER BY company"),
                                                arguments: [event]).map { row -> String in
                let company: String = row["company"], side: String = row["side"]
                return side + ":" + company
            }
            return EventMatchboard.Key(catalogVersion: try CatalogState.version(db), weights: weights, participants: participants)
        }
    }

    /// The event's board: its participants' features and the score model in force.
    public func eventMatchboard(_ event: String) throws -> EventMatchboard {
        let key = try eventMatchboardKey(event)
        let definition = try eventDefinition(event)
        let companies = try companies(ids: definition.participants.map(\.company))
        return EventMatchboard(event: event, key: key, participants: definition.participants, companies: companies,
                               weights: key.weights, taxonomy: taxonomy)
    }
}
