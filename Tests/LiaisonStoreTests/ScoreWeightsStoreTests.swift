import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Stored score weights")
struct ScoreWeightsStoreTests {
    /// The `score_weight` rows, by term.
    private func storedRows(_ db: LiaisonDatabase) throws -> [String: Double] {
        try db.writer.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT term, value FROM score_weight").map { ($0[0], $0[1]) })
        }
    }

    /// The weights as a plain dictionary, to compare with `==` on what was stored, not computed.
    private func values(_ weights: ScoreWeights) -> [ScoreTerm: Double] {
        Dictionary(uniqueKeysWithValues: ScoreTerm.allCases.map { ($0, weights[$0]) })
    }

    private let documentedDefaults: [ScoreTerm: Double] = [.sector: 0.20, .complementarity: 0.60, .language: 0.10, .size: 0.10]

    @Test("a new database has the documented default weights and stores none", arguments: Storage.allCases)
    func defaults(storage: Storage) throws {
        try storage.withDatabase { db in
            let weights = try db.scoreWeights()
            #expect(values(weights) == documentedDefaults)
            #expect(weights == ScoreWeights.defaults)
            #expect(try storedRows(db).isEmpty)
        }
    }

    @Test("a set weight is stored, changes only its term, and a second set replaces it", arguments: Storage.allCases)
    func setWeight(storage: Storage) throws {
        try storage.withDatabase { db in
            let returned = try db.setScoreWeight(.complementarity, to: 0.7)
            var expected = documentedDefaults
            expected[.complementarity] = 0.7
            #expect(values(returned) == expected)
            #expect(values(try db.scoreWeights()) == expected)
            #expect(try storedRows(db) == ["complementarity": 0.7])

            try db.setScoreWeight(.complementarity, to: 0.25)
            try db.setScoreWeight(.size, to: 0)
            expected[.complementarity] = 0.25
            expected[.size] = 0
            #expect(values(try db.scoreWeights()) == expected)
            #expect(try storedRows(db) == ["complementarity": 0.25, "size": 0])
        }
    }

    @Test("set weights survive closing and reopening the file")
    func persists() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("weights.sqlite").path
            do {
                let db = try LiaisonDatabase.open(path: path, mode: .createIfMissing)
                try db.setScoreWeight(.sector, to: 0.45)
                try db.setScoreWeight(.language, to: 0.05)
            }
            let reopened = try LiaisonDatabase.open(path: path, mode: .mustExist)
            var expected = documentedDefaults
            expected[.sector] = 0.45
            expected[.language] = 0.05
            #expect(values(try reopened.scoreWeights()) == expected)
        }
    }

    @Test("a negative, NaN or infinite weight is refused and nothing is stored",
          arguments: [-1, -Double.ulpOfOne, -Double.leastNonzeroMagnitude, .nan, .infinity, -.infinity])
    func invalidValue(value: Double) throws {
        try Storage.memory.withDatabase { db in
            try db.setScoreWeight(.language, to: 0.2)
            let before = try storedRows(db)
            let error = #expect(throws: ScoreWeightsError.self) { try db.setScoreWeight(.sector, to: value) }
            guard case .invalidValue(.sector, let refused)? = error else {
                Issue.record("expected invalidValue(sector, \(value)), got \(String(describing: error))")
                return
            }
            #expect(refused.isNaN ? value.isNaN : refused == value)
            #expect(try storedRows(db) == before)
            #expect(try db.scoreWeights()[.sector] == ScoreWeights.defaults[.sector])
        }
    }

    @Test("setting the last non-zero weight to 0 is refused, and the other zeros stay stored", arguments: Storage.allCases)
    func allZero(storage: Storage) throws {
        try storage.withDatabase { db in
            for term in [ScoreTerm.sector, .complementarity, .language] {
                try db.setScoreWeight(term, to: 0)
            }
            let before = try storedRows(db)
            #expect(throws: ScoreWeightsError.allZero) { try db.setScoreWeight(.size, to: 0) }
            #expect(try storedRows(db) == before)
            #expect(values(try db.scoreWeights()) == [.sector: 0, .complementarity: 0, .language: 0, .size: 0.10])
            // The last term may still change, as long as it stays above 0.
            try db.setScoreWeight(.size, to: 0.01)
            #expect(try db.scoreWeights()[.size] == 0.01)
        }
    }

    @Test("reset forgets every stored weight, back to the defaults", arguments: Storage.allCases)
    func reset(storage: Storage) throws {
        try storage.withDatabase { db in
            try db.setScoreWeight(.sector, to: 0.9)
            try db.setScoreWeight(.size, to: 0.4)
            #expect(try db.scoreWeights() != ScoreWeights.defaults)
            try db.resetScoreWeights()
            #expect(try storedRows(db).isEmpty)
            #expect(values(try db.scoreWeights()) == documentedDefaults)
            // Resetting the defaults again is harmless.
            try db.resetScoreWeights()
            #expect(try db.scoreWeights() == ScoreWeights.defaults)
        }
    }

    @Test("weights do not touch the companies or the feature snapshot")
    func independentOfCatalog() throws {
        try MatchingFixture.withDatabase(.memory) { db in
            _ = try db.featureTable()
            let snapshot = try SnapshotRow.read(db)
            let version = try SnapshotRow.catalogVersion(db)
            try db.setScoreWeight(.sector, to: 0.6)
            try db.resetScoreWeights()
            #expect(try SnapshotRow.catalogVersion(db) == version)
            #expect(try SnapshotRow.read(db) == snapshot)
        }
    }
}
