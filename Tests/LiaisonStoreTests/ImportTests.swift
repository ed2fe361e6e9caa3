import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import Testing

@Suite("Accepted imports")
struct ImportTests {
    /// The resident company renamed, plus two new ones.
    private let update = """
        id,name,country,city,offers,seeks
        CA-0001,Maple Summit Energy Corp.,CA,Toronto,clean-energy,capital-markets:0.5
        CN-0001,Jade Harbor Foods,CN,Shenzhen,agriculture-food,retail:0.5
        US-0001,Cedar Bridge Logistics,US,Oakland,logistics-transportation,
        """

    @Test("a dry run reports the counts and writes nothing", arguments: Storage.allCases)
    func dryRun(storage: Storage) throws {
        try storage.withDatabase { db in
            try TestFiles.withTemporaryDirectory { directory in
                try db.save([ImportFixture.resident])
                let before = try DatabaseSnapshot(db)
                let file = try directory.writing("update.csv", update)
                let summary = try db.importCompanies(from: [file], dryRun: true)
                #expect(summary.dryRun)
                #expect(summary.files.map(\.file) == ["update.csv"])
                #expect(summary.files.map(\.companies) == [3])
                #expect((summary.inserted, summary.updated, summary.unchanged) == (2, 1, 0))
                #expect(try DatabaseSnapshot(db) == before)

                let real = try db.importCompanies(from: [file])
                #expect(!real.dryRun)
                #expect((real.inserted, real.updated, real.unchanged) == (2, 1, 0))
                #expect(try db.company(id: "CA-0001").company.name == "Maple Summit Energy Corp.")
                #expect(try db.company(id: "CA-0001").revision == 2)
                #expect(try db.companies().count == 3)
            }
        }
    }

    @Test("importing the same file again changes nothing")
    func reimport() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let file = try directory.writing("update.csv", update)
            try db.importCompanies(from: [file])
            let before = try DatabaseSnapshot(db)
            let again = try db.importCompanies(from: [file])
            #expect((again.inserted, again.updated, again.unchanged) == (0, 0, 3))
            #expect(try DatabaseSnapshot(db) == before)
        }
    }

    @Test("several files of both formats import in one go, counted per file")
    func severalFiles() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [
                directory.writing("a.csv", BadCSV.valid),
                directory.writing("b.ndjson", #"{"id":"CN-0042","name":"Lotus Kite","country":"cn","offers":"Logistics"}"#),
            ])
            #expect(summary.files.map(\.file) == ["a.csv", "b.ndjson"])
            #expect(summary.files.map(\.companies) == [3, 1])
            #expect(summary.inserted == 4)
            let lotus = try db.company(id: "CN-0042").company
            #expect(lotus.country == "CN")
            #expect(lotus.offers == SectorProfile(["logistics-transportation": 1]))
        }
    }

    @Test("CSV columns may come in any order, with a BOM, CRLF line ends and padded header names")
    func csvLayout() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let text = "\u{FEFF} Offers ,COUNTRY,name,id\r\nfintech:0.25;banking,us,\"Ledger, Inc.\",US-9\r\n"
            let db = try LiaisonDatabase.inMemory()
            try db.importCompanies(from: [directory.writing("layout.csv", text)])
            let company = try db.company(id: "US-9").company
            #expect(company.name == "Ledger, Inc.")
            #expect(company.country == "US")
            #expect(company.offers == SectorProfile(["fintech": 0.25, "banking": 1]))
        }
    }

    @Test("JSON Lines may have a BOM, CRLF line ends, keys in any order, nulls, and profiles in text form")
    func jsonLinesLayout() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let text = "\u{FEFF}" + #"{"seeks":"Retail:0.5","country":"us","size":null,"name":"Ledger Inc.","id":"US-9","offers":{"fintech":0.25}}"#
                + "\r\n\r\n" + #"{"id":"CN-9","name":"Jade","country":"CN","naics":"4841","languages":["ZH","en"]}"# + "\r\n"
            let db = try LiaisonDatabase.inMemory()
            let summary = try db.importCompanies(from: [directory.writing("layout.jsonl", text)])
            #expect(summary.inserted == 2)
            let ledger = try db.company(id: "US-9").company
            #expect(ledger.size == nil)
            #expect(ledger.offers == SectorProfile(["fintech": 0.25]))
            #expect(ledger.seeks == SectorProfile(["retail": 0.5]))
            let jade = try db.company(id: "CN-9").company
            #expect(jade.languages == ["zh", "en"])
            #expect(jade.offers == SectorProfile(["logistics-transportation": 1]))
        }
    }

    @Test("offers derive from industry, else NAICS, when none are given")
    func derivedOffers() throws {
        try TestFiles.withTemporaryDirectory { directory in
            let text = """
                id,name,country,naics,industry,offers
                A,A,US,541512,,
                B,B,US,541512,"Hotels, Restaurants & Leisure",
                C,C,US,541512,"Hotels, Restaurants & Leisure",retail
                """
            let db = try LiaisonDatabase.inMemory()
            let taxonomy = db.taxonomy
            try db.importCompanies(from: [directory.writing("derived.csv", text)])
            let naicsSector = taxonomy.sectors[try #require(taxonomy.sector(forNAICS: "541512"))].id
            let industrySector = taxonomy.sectors[try #require(taxonomy.resolve("Hotels, Restaurants & Leisure"))].id
            #expect(try db.company(id: "A").company.offers == SectorProfile([naicsSector: 1]))
            #expect(try db.company(id: "B").company.offers == SectorProfile([industrySector: 1]))
            #expect(try db.company(id: "C").company.offers == SectorProfile(["retail": 1]))
        }
    }
}
