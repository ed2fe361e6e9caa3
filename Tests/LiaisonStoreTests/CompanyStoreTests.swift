import Foundation
import LiaisonCore
import LiaisonFormats
@testable import LiaisonStore
import Testing

@Suite("Saving, fetching and listing companies")
struct CompanyStoreTests {
    static let base = Company(
        id: "CN-0042", name: "Jade Harbor Logistics Co., Ltd.", country: "CN", region: "Shandong", city: "Qingdao",
        size: .large, languages: ["zh", "en"], naics: "4841", industry: "Trucking", description: "Port logistics.",
        offers: SectorProfile(["logistics-transportation": 1, "supply-chain-services": 0.4]),
        seeks: SectorProfile(["retail": 0.5]))

    private let first = "2025-12-04T09:00:00.000Z"
    private let second = "2025-12-05T08:30:00.000Z"

    @Test("a saved company is fetched back equal", arguments: Storage.allCases)
    func roundTrip(storage: Storage) throws {
        try storage.withDatabase { db in
            let companies = [Self.base] + EdgeCaseCompanies.all
            #expect(try db.save(companies) == (inserted: companies.count, updated: 0, unchanged: 0))
            for company in companies {
                let stored = try db.company(id: company.id)
                #expect(stored.company == company)
                #expect(stored.revision == 1)
            }
            #expect(try db.companies().map(\.company) == companies.sorted { $0.id < $1.id })
        }
    }

    @Test("an unknown id is an error that says how to find the ids")
    func unknownID() throws {
        let db = try LiaisonDatabase.inMemory()
        #expect(throws: StoreError.unknownCompany("NOPE")) { try db.company(id: "NOPE") }
        #expect(StoreError.unknownCompany("NOPE").description.contains("liaison companies list"))
    }

    @Test("an unknown id, event, country or sector typed at any length is quoted cut short, with its size")
    func unknownValuesQuotedShort() {
        let huge = String(repeating: "x", count: 100_000)
        for message in [StoreError.unknownCompany(huge).description, MatchError.unknownCompany(huge).description,
                        StoreError.unknownCountry(huge).description, EventError.unknownEvent(huge).description,
                        "\(CoreError.unknownSector(huge))"] {
            #expect(message.utf8.count < 400 && message.contains("(100000 bytes)"), "\(message.prefix(120))")
        }
    }

    @Test("saving the same company again changes neither its revision nor updated_at", arguments: Storage.allCases)
    func unchangedSave(storage: Storage) throws {
        try storage.withDatabase { db in
            #expect(try db.save(Self.base, at: first) == .inserted)
            #expect(try db.save(Self.base, at: second) == .unchanged)
            let stored = try db.company(id: Self.base.id)
            #expect(stored.revision == 1)
            #expect(stored.updatedAt == first)
            #expect(try db.save([Self.base]) == (inserted: 0, updated: 0, unchanged: 1))
            #expect(try db.company(id: Self.base.id).updatedAt == first)
        }
    }

    /// One real change to a stored company.
    struct Change: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var apply: @Sendable (inout Company) -> Void
    }

    @Test("a real change bumps the revision by exactly 1 and sets updated_at", arguments: [
        Change(testDescription: "name") { $0.name = "Jade Harbor Supply Chain Co., Ltd." },
        Change(testDescription: "an offers weight") { $0.offers = SectorProfile(["logistics-transportation": 1, "supply-chain-services": 0.45]) },
        Change(testDescription: "a new seeks sector") { $0.seeks = SectorProfile(["retail": 0.5, "cross-border-trade": 1]) },
        Change(testDescription: "a removed offers sector") { $0.offers = SectorProfile(["logistics-transportation": 1]) },
        Change(testDescription: "languages") { $0.languages = ["zh"] },
        Change(testDescription: "language order") { $0.languages = ["en", "zh"] },
        Change(testDescription: "size") { $0.size = nil },
        Change(testDescription: "naics") { $0.naics = "4842" },
        Change(testDescription: "description") { $0.description = "Port and rail logistics." },
    ], Storage.allCases)
    func realChange(change: Change, storage: Storage) throws {
        try storage.withDatabase { db in
            var changed = Self.base
            change.apply(&changed)
            try db.save(Self.base, at: first)
            #expect(try db.save(changed, at: second) == .updated(previousCountry: Self.base.country))
            let stored = try db.company(id: Self.base.id)
            #expect(stored.revision == 2)
            #expect(stored.updatedAt == second)
            #expect(stored.company == changed)
            // Changing it back is another change, not a return to revision 1.
            #expect(try db.save(Self.base, at: "2025-12-06T00:00:00.000Z") == .updated(previousCountry: Self.base.country))
            #expect(try db.company(id: Self.base.id).revision == 3)
        }
    }

    @Test("only the changed companies of a batch get a new revision")
    func batchRevisions() throws {
        let db = try LiaisonDatabase.inMemory()
        let companies = ScenarioGenerator(seed: 3, taxonomy: TaxonomyFile.builtIn).companies(of: .canada, count: 10)
        try db.save(companies)
        var edited = companies
        edited[4].name += " (renamed)"
        edited[7].seeks = SectorProfile(["insurance": 0.2])
        #expect(try db.save(edited) == (inserted: 0, updated: 2, unchanged: 8))
        let revisions = try db.companies().map(\.revision)
        #expect(revisions == (0..<10).map { [4, 7].contains($0) ? 2 : 1 })
    }

    @Test("updated_at is an ISO 8601 UTC instant with milliseconds")
    func timestampFormat() throws {
        let db = try LiaisonDatabase.inMemory()
        try db.save([Self.base])
        let updatedAt = try db.company(id: Self.base.id).updatedAt
        #expect(updatedAt.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "\(updatedAt)")
    }

    @Test("companies(country:sector:) filters by country, by sector in offers or seeks, or both", arguments: Storage.allCases)
    func filters(storage: Storage) throws {
        try storage.withDatabase { db in
            func company(_ id: String, _ country: String, offers: [String: Double], seeks: [String: Double] = [:]) -> Company {
                Company(id: id, name: id, country: country, offers: SectorProfile(offers), seeks: SectorProfile(seeks))
            }
            try db.save([
                company("US-2", "US", offers: ["retail": 1]),
                company("CN-1", "CN", offers: ["logistics-transportation": 1]),
                company("US-1", "US", offers: ["digital-technology": 1], seeks: ["logistics-transportation": 0.3]),
                company("CA-1", "CA", offers: ["clean-energy": 1], seeks: ["retail": 1]),
                company("CN-2", "CN", offers: ["agriculture-food": 1], seeks: ["retail": 0.5]),
            ])
            func ids(country: String? = nil, sector: String? = nil) throws -> [String] {
                try db.companies(country: country, sector: sector).map(\.company.id)
            }
            #expect(try ids() == ["CA-1", "CN-1", "CN-2", "US-1", "US-2"])
            #expect(try ids(country: "CN") == ["CN-1", "CN-2"])
            #expect(try ids(country: "us") == ["US-1", "US-2"])
            #expect(try ids(country: "FR") == [])
            #expect(try ids(sector: "logistics-transportation") == ["CN-1", "US-1"])
            #expect(try ids(sector: " RETAIL ") == ["CA-1", "CN-2", "US-2"])
            #expect(try ids(sector: "Logistics & transportation") == ["CN-1", "US-1"])
            #expect(try ids(country: "CN", sector: "retail") == ["CN-2"])
            #expect(try ids(country: "CA", sector: "logistics-transportation") == [])
            // A filtered company still comes with both of its profiles.
            #expect(try db.companies(country: "CA", sector: "retail").first?.company.offers == SectorProfile(["clean-energy": 1]))
            #expect(throws: CoreError.unknownSector("logistix")) { try db.companies(sector: "logistix") }
        }
    }

    @Test("counts by country and by sector")
    func counts() throws {
        let db = try LiaisonDatabase.inMemory()
        try db.save([Self.base] + EdgeCaseCompanies.all)
        let byCountry = try db.companyCountsByCountry()
        #expect(byCountry.map(\.country) == ["CN", "CA", "US"])
        #expect(byCountry.map(\.companies) == [3, 1, 1])
        let bySector = try db.sectorCounts()
        #expect(bySector.map(\.sector) == TaxonomyFile.builtIn.sectors)
        let retail = try #require(bySector.first { $0.sector.id == "retail" })
        #expect(retail.offering == 0 && retail.seeking == 2)
        let logistics = try #require(bySector.first { $0.sector.id == "logistics-transportation" })
        #expect(logistics.offering == 2 && logistics.seeking == 0)
    }
}
