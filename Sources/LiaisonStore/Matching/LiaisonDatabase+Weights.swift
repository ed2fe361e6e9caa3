import GRDB
import LiaisonCore

extension LiaisonDatabase {
    /// The score weights in force: the defaults, overridden by those set with ``setScoreWeight(_:to:)``.
    public func scoreWeights() throws -> ScoreWeights {
        let stored = try writer.read { db in try ScoreWeightRecord.fetchAll(db) }
        return try ScoreWeights(Dictionary(stored.map { ($0.term, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// Stores one term's weight; refused (nothing stored) when the weights would become invalid.
    @discardableResult
    public func setScoreWeight(_ term: ScoreTerm, to value: Double) throws -> ScoreWeights {
        let weights = try scoreWeights().setting(term, to: value)
        try writer.write { db in try ScoreWeightRecord(term: term, value: value).save(db) }
        return weights
    }

    /// Forgets every stored weight, back to the defaults.
    public func resetScoreWeights() throws {
        _ = try writer.write { db in try ScoreWeightRecord.deleteAll(db) }
    }
}
