import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore

/// Where a test database lives. Scenarios that do not depend on the file run against both.
enum Storage: String, CaseIterable, Sendable {
    case memory, file

    /// Runs `body` with a fresh database: private in memory, or a new file in a temporary directory.
    func withDatabase<T>(_ body: (LiaisonDatabase) throws -> T) throws -> T {
        switch self {
        case .memory:
            return try body(LiaisonDatabase.inMemory())
        case .file:
            return try TestFiles.withTemporaryDirectory { directory in
                try body(LiaisonDatabase.open(path: directory.appendingPathComponent("test.sqlite").path, mode: .createIfMissing))
            }
        }
    }
}

/// Everything a database holds about companies, to compare before and after an operation.
struct DatabaseSnapshot: Equatable {
    var companies: [StoredCompany]
    var profileRows: Int
    var jsonLines: Data

    init(_ database: LiaisonDatabase) throws {
        companies = try database.companies()
        profileRows = try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM profile") ?? -1 }
        jsonLines = try CompanyWriter.data(companies.map(\.company), format: .jsonl)
    }
}

extension LiaisonDatabase {
    /// Saves one company with the internal store function at a chosen instant, so tests can
    /// tell `updated_at` values apart without waiting for the clock.
    @discardableResult
    func save(_ company: Company, at timestamp: String) throws -> CompanyStore.SaveOutcome {
        try writer.write { db in try CompanyStore.save(company, in: db, at: timestamp) }
    }
}

/// Hand-made companies with the shapes that break naive files: separators and quotes in text,
/// line breaks, Chinese text, empty optional fields, fractional and extreme weights.
enum EdgeCaseCompanies {
    static let all: [Company] = [
        Company(
            id: "CN-EDGE-1", name: "Comma, \"Quoted\" & Sons Co., Ltd.", country: "CN", region: "Guangdong", city: "Shenzhen",
            size: .medium, languages: ["zh", "en"], naics: "4841", industry: "Trucking",
            description: "Line one,\nline two with \"quotes\";\r\nline three.",
            offers: SectorProfile(["logistics-transportation": 1, "supply-chain-services": 0.1]),
            seeks: SectorProfile(["retail": 1e-3, "cross-border-trade": 1.0 / 3.0])),
        Company(
            id: "CN-EDGE-2", name: "深圳市前海翡翠物流有限公司", country: "CN", region: "广东", city: "深圳",
            size: .enterprise, languages: ["zh"], description: "跨境电商，物流；“供应链”服务。",
            offers: SectorProfile(["cross-border-trade": 0.75]), seeks: SectorProfile(["insurance": 2.5])),
        Company(
            id: "US-EDGE-3", name: "Bare Minimum LLC", country: "US",
            seeks: SectorProfile(["clean-energy": 1])),
        Company(
            id: "CA-EDGE-4", name: "=SUM(A1:A2) Extremes Inc.", country: "CA", region: "QC", city: "Montréal",
            size: .micro, languages: ["fr", "en"], naics: "221114",
            description: "A name that looks like a spreadsheet formula, and weights at the ends of the range.",
            offers: SectorProfile(["clean-energy": 1e20, "utilities": Double.leastNonzeroMagnitude]),
            seeks: SectorProfile(["banking": 0.30000000000000004, "fintech": 123456.789])),
    ]
}
