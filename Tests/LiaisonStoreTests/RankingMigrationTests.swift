import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

/// Rankings written before they were stored as segments (v4: rows kept from `run_from` up to
/// `run_to`) read the same through the `ranking` view after the migration.
@Suite("Migrating stored rankings to segments")
struct RankingMigrationTests {
    private static let lastBeforeSegments = "v4: country catalog versions, rerank runs and rankings"

    /// A random v4 history: runs 1...runs, each opening, changing and closing entries of a few
    /// companies' lists; the oldest runs pruned as v4 pruned them.
    private static func writeHistory(seed: UInt64, runs: Int, into db: Database) throws {
        var random = SeededGenerator(seed: seed)
        let companies = (1...6).map { "CN-\($0)" } + (1...4).map { "US-\($0)" }
        let matches = (1...9).map { "M-\($0)" }
        var open: [[String]: (from: Int, score: Double)] = [:]
        func close(_ key: [String], at run: Int) throws {
            guard let row = open.removeValue(forKey: key) else { return }
            try db.execute(sql: """
                INSERT INTO ranking_entry (company, target_country, match, run_from, run_to, score, sector, complementarity, language, size)
                VALUES (?, ?, ?, ?, ?, ?, 0.1, 0.2, 0.3, 0.4)
                """, arguments: [key[0], key[1], key[2], row.from, run, row.score])
        }
        for run in 1...runs {
            // A failed run changes nothing.
            let failed = run > 1 && random.chance(0.15)
            try db.execute(sql: """
                INSERT INTO rerank_run (id, started_at, kind, status, top_k, countries, weights)
                VALUES (?, '2026-01-01', 'full', ?, 4, 'US,CA', '{}')
                """, arguments: [run, failed ? "failed" : "done"])
            if failed { continue }
            for company in companies {
                for target in company.hasPrefix("CN") ? ["US", "CA"] : ["CN"] {
                    for match in matches where random.chance(run == 1 ? 0.6 : 0.25) {
                        let key = [company, target, match]
                        let present = open[key] != nil
                        try close(key, at: run)
                        // Scores on a coarse grid: ties among a list's entries are common.
                        if !present || random.chance(0.6) { open[key] = (run, Double(random.below(5)) / 4) }
                    }
                }
            }
        }
        for key in open.keys.sorted(by: { $0.joined() < $1.joined() }) {
            let row = open[key]!
            try db.execute(sql: """
                INSERT INTO ranking_entry (company, target_country, match, run_from, run_to, score, sector, complementarity, language, size)
                VALUES (?, ?, ?, ?, NULL, ?, 0.1, 0.2, 0.3, 0.4)
                """, arguments: [key[0], key[1], key[2], row.from, row.score])
        }
        let oldest = runs - 2
        try db.execute(sql: "DELETE FROM ranking_entry WHERE run_to IS NOT NULL AND run_to <= ?", arguments: [oldest])
        try db.execute(sql: "DELETE FROM rerank_run WHERE id < ?", arguments: [oldest])
        try db.execute(sql: "UPDATE ranking_state SET current_run = (SELECT MAX(id) FROM rerank_run WHERE status = 'done')")
    }

    private static func view(_ db: Database) throws -> [[String]] {
        try Row.fetchAll(db, sql: "SELECT * FROM ranking ORDER BY run, company, target_country, rank").map { row in
            row.databaseValues.map { value -> String in
                switch value.storage {
                case .int64(let number): "\(number)"
                case .double(let number): "\(number)"
                case .string(let text): text
                case .null: "NULL"
                case .blob(let data): data.base64EncodedString()
                }
            }
        }
    }

    @Test("every kept run's rankings read the same after the migration", arguments: [1, 2, 3, 4] as [UInt64])
    func viewKept(seed: UInt64) throws {
        try TestFiles.withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("v4.sqlite").path
            let before: [[String]]
            do {
                let queue = try DatabaseQueue(path: path)
                try Migrations.migrator.migrate(queue, upTo: Self.lastBeforeSegments)
                before = try queue.write { db in
                    try Self.writeHistory(seed: seed, runs: 6 + Int(seed), into: db)
                    return try Self.view(db)
                }
            }
            #expect(before.count > 20)
            let db = try LiaisonDatabase.open(path: path, mode: .mustExist)
            // v5 and v6, then whatever later migrations there are (each helper's own is tested with it).
            #expect(Array(db.openReport.appliedMigrations.prefix(2)) == ["v5: rankings as segments of changes", "v6: meetings keep their score's components and reasons"])
            #expect(db.openReport.appliedMigrations == Array(Migrations.migrator.migrations.drop { $0 != "v5: rankings as segments of changes" }))
            #expect(try db.writer.read(Self.view) == before)
            try db.save([Company(id: "CN-1", name: "Delegate", country: "CN", offers: SectorProfile(["retail": 1]))])
            let current = try #require(try db.rerankRuns().first(where: \.isCurrent))
            let lists = try db.rankings(of: "CN-1").lists
            let expected = before.filter { $0[0] == "\(current.id)" && $0[1] == "CN-1" }
            #expect(lists.values.reduce(0) { $0 + $1.count } == expected.count)
            for row in expected {
                #expect(lists[row[2]]?[Int(row[3])! - 1].match == row[4], "rank \(row[3]) of \(row[2])")
            }
        }
    }
}
