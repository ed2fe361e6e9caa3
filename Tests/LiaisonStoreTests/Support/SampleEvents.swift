import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import LiaisonTestSupport

/// The committed sample (`datasets/ccpit-2025`): its 980 companies and three events, imported
/// into a fresh in-memory database.
enum SampleEvents {
    static let folder = Repository.root.appendingPathComponent("datasets/ccpit-2025")
    static let companyFiles = ["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"]

    static func database() throws -> LiaisonDatabase {
        let db = try LiaisonDatabase.inMemory()
        try db.importCompanies(from: companyFiles.map { folder.appendingPathComponent($0) })
        try db.importEvents(from: folder.appendingPathComponent("events.json"))
        return db
    }

    /// The sample's companies as its CSV files state them, read with the tests' own CSV reader:
    /// id → column → value.
    static let rows: [String: [String: String]] = {
        var rows: [String: [String: String]] = [:]
        for file in companyFiles {
            let table = parseCSV(try! String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            let header = table[0]
            for row in table.dropFirst() where row.count == header.count {
                rows[row[0]] = Dictionary(uniqueKeysWithValues: zip(header, row))
            }
        }
        return rows
    }()

    /// The sector ids of a company's `offers` or `seeks` column (`a:0.5;b` gives a and b).
    static func sectors(_ company: String, _ column: String) -> Set<String> {
        Set((rows[company]?[column] ?? "").split(separator: ";").map { String($0.split(separator: ":")[0]) })
    }
}
