import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// The score weights in force: the defaults, overridden by those set with ``setScoreWeight(_:to:)``.
    public func scoreWeights() throws -> ScoreWeights {
        let stored = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT term, value FROM score_weight")
        }
        var values: [ScoreTerm: Double] = [:]
        for row in stored {
            if let term = ScoreTerm(rawValue: row["term"]) { values[term] = row["value"] }
        }
        return try ScoreWeights(values)
    }

    /// Stores one term's weight; refused (nothing stored) when the weights would become invalid.
    @discardableResult
    public func setScoreWeight(_ term: ScoreTerm, to value: Double) throws -> ScoreWeights {
        let weights = try scoreWeights().setting(term, to: value)
        try writer.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO score_weight (term, value) VALUES (?, ?)", arguments: [term.rawValue, value])
        }
        return weights
    }

    /// Forgets every stored weight, back to the defaults.
    public func resetScoreWeights() throws {
        try writer.write { db in try db.execute(sql: "DELETE FROM score_weight") }
    }

    /// Stored companies by id, for the given ids that exist.
    public func companies(ids: [String]) throws -> [String: StoredCompany] {
        try writer.read { db in
            var found: [String: StoredCompany] = [:]
            for id in ids {
                if let stored = try CompanyStore.fetch(id: id, in: db) { found[id] = stored }
            }
            return found
        }
    }
}
