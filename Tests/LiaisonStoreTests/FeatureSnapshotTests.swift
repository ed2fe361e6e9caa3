import Foundation
import GRDB
import LiaisonCore
import LiaisonKernel
import LiaisonFormats
@testable import LiaisonStore
import Testing

/// A generated scenario plus hand-made companies that test the grouping: a company of a country
/// that is not matched, and ids whose prefix is not their country (grouping is by country, not id).
enum MatchingFixture {
    static let taxonomy = TaxonomyFile.builtIn

    static let outsiders: [Company] = [
        Company(id: "DE-0001", name: "Rhein Logistik GmbH", country: "DE", city: "Hamburg", size: .large, languages: ["de"],
                offers: SectorProfile(["logistics-transportation": 1]), seeks: SectorProfile(["clean-energy": 0.5])),
        Company(id: "AAA-HOST", name: "First Light Robotics LLC", country: "US", city: "Boston", size: .small,
                languages: ["en", "es"], offers: SectorProfile(["clean-energy": 1, "logistics-transportation": 0.25])),
        Company(id: "ZZZ-DELEGATE", name: "Late Lotus Trading Co.", country: "CN", city: "Ningbo",
                languages: ["zh"], seeks: SectorProfile(["retail": 1, "wholesale-trade": 0.5])),
    ]

    /// 20 delegates, 40 US and 30 Canadian firms of `seed`, then ``outsiders``.
    static func companies(seed: UInt64 = 5) -> [Company] {
        let generator = ScenarioGenerator(seed: seed, taxonomy: taxonomy)
        return generator.companies(of: .delegates, count: 20) + generator.companies(of: .unitedStates, count: 40)
            + generator.companies(of: .canada, count: 30) + outsiders
    }

    /// A database of `storage` holding ``companies(seed:)``.
    static func withDatabase<T>(_ storage: Storage, _ body: (LiaisonDatabase) throws -> T) throws -> T {
        try storage.withDatabase { db in
            try db.save(companies())
            return try body(db)
        }
    }
}

/// Reads and doctors the `feature_snapshot` row and the catalog version with plain SQL.
struct SnapshotRow: Equatable {
    var catalogVersion: Int64
    var taxonomyVersion: String
    var builtAt: String
    var companies: Int
    var data: Data

    /// A value no real build writes, so a rebuild is seen even within one clock tick.
    static let untouched = "untouched-by-test"

    static func read(_ db: LiaisonDatabase) throws -> SnapshotRow? {
        try db.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT catalog_version, taxonomy_version, built_at, companies, data FROM feature_snapshot")
                .map { SnapshotRow(catalogVersion: $0[0], taxonomyVersion: $0[1], builtAt: $0[2], companies: $0[3], data: $0[4]) }
        }
    }

    static func catalogVersion(_ db: LiaisonDatabase) throws -> Int64 {
        try db.writer.read { db in try Int64.fetchOne(db, sql: "SELECT version FROM catalog_state") ?? -1 }
    }

    /// Marks the stored snapshot, so that a later rebuild replaces the mark.
    static func mark(_ db: LiaisonDatabase) throws {
        try db.writer.write { db in
            try db.execute(sql: "UPDATE feature_snapshot SET built_at = ?", arguments: [untouched])
            #expect(db.changesCount == 1, "no snapshot stored to mark")
        }
    }

    static func update(_ db: LiaisonDatabase, _ assignment: String, _ arguments: StatementArguments = []) throws {
        try db.writer.write { db in try db.execute(sql: "UPDATE feature_snapshot SET \(assignment)", arguments: arguments) }
    }
}

/// An independent reference for a row of the table: the company's profiles scaled to unit length.
enum ReferenceFeatures {
    static func unit(_ profile: SectorProfile, taxonomy: Taxonomy) -> [(position: Int, weight: Double)] {
        let norm = profile.weights.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return profile.weights.map { (position: taxonomy.index(ofID: $0.key)!, weight: $0.value / norm) }.sorted { $0.position < $1.position }
    }
}

/// Fails unless two sparse vectors have the same positions and weights within `tolerance`.
func expectClose(_ actual: [SparseEntry], _ expected: [(position: Int, weight: Double)], tolerance: Double = 1e-6,
                 _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.map(\.position) == expected.map(\.position), comment, sourceLocation: sourceLocation)
    for (a, e) in zip(actual, expected) {
        #expect(abs(a.weight - e.weight) <= tolerance, "\(comment): \(a.weight) vs \(e.weight) at \(e.position)",
                sourceLocation: sourceLocation)
    }
}

func expectClose(_ actual: CompanyFeatures, _ expected: CompanyFeatures, tolerance: Double = 1e-6,
                 _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual.offers, expected.offers.map { ($0.position, $0.weight) }, tolerance: tolerance, comment, sourceLocation: sourceLocation)
    expectClose(actual.seeks, expected.seeks.map { ($0.position, $0.weight) }, tolerance: tolerance, comment, sourceLocation: sourceLocation)
    #expect(actual.languages == expected.languages, comment, sourceLocation: sourceLocation)
    #expect(actual.size == expected.size, comment, sourceLocation: sourceLocation)
}

/// Fails unless two tables are the same, part by part.
func expectIdentical(_ actual: FeatureTable, _ expected: FeatureTable, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.layout == expected.layout, sourceLocation: sourceLocation)
    #expect(actual.languages == expected.languages, sourceLocation: sourceLocation)
    #expect(actual.ids == expected.ids, sourceLocation: sourceLocation)
    #expect(actual.countries == expected.countries, sourceLocation: sourceLocation)
    #expect(actual.revisions == expected.revisions, sourceLocation: sourceLocation)
    #expect(actual.rows == expected.rows, sourceLocation: sourceLocation)
    #expect(actual.exactValues == expected.exactValues, sourceLocation: sourceLocation)
}

extension FeatureTable {
    var allIDs: [String] { (0..<count).map { ids[$0] } }
    var allCountries: [String] { (0..<count).map { countries[$0] } }
}

// MARK: - Codec

@Suite("Feature table codec")
struct FeatureTableCodecTests {
    @Test("encode then decode gives the identical table, for a generated scenario and for an empty one")
    func roundTrip() throws {
        let db = try LiaisonDatabase.inMemory()
        try db.save(MatchingFixture.companies())
        let table = try db.featureTable()
        #expect(table.count == 92)
        let decoded = try #require(FeatureTableCodec.decode(FeatureTableCodec.encode(table)))
        expectIdentical(decoded, table)
        for row in [0, table.count / 2, table.count - 1] {
            #expect(decoded.features(ofRow: row) == table.features(ofRow: row))
        }

        let empty = FeatureTable(companies: [], taxonomy: MatchingFixture.taxonomy)
        let decodedEmpty = try #require(FeatureTableCodec.decode(FeatureTableCodec.encode(empty)))
        expectIdentical(decodedEmpty, empty)
        #expect(decodedEmpty.count == 0)
    }

    /// The byte offsets of the parts of an encoded table, following the documented layout.
    private struct Parts {
        var header = 4
        var languages = 4 + 24
        var idOffsets: Int
        var columns: Int
        var rows: Int
        var entries: Int

        init(_ data: Data, table: FeatureTable) {
            rows = table.count
            entries = table.rows.values.count
            idOffsets = languages + table.languages.reduce(0) { $0 + 1 + $1.utf8.count }
            let idBytes = table.ids.bytes.count, countryBytes = table.countries.bytes.count
            columns = idOffsets + 4 * (rows + 1) + idBytes + 4 * (rows + 1) + countryBytes + 8 * rows + 4 * (rows + 1)
            precondition(columns + 12 * entries == data.count, "the test's layout differs from the codec's")
        }
    }

    @Test("truncated, extended or inconsistent data decodes to nil")
    func corrupted() throws {
        let db = try LiaisonDatabase.inMemory()
        try db.save(MatchingFixture.companies())
        let table = try db.featureTable()
        let data = FeatureTableCodec.encode(table)
        let parts = Parts(data, table: table)

        var cuts = Array(0..<min(80, data.count)) + Array(stride(from: 80, to: data.count, by: max(1, data.count / 97)))
        cuts.append(data.count - 1)
        for cut in cuts {
            #expect(FeatureTableCodec.decode(data.prefix(cut))?.layout == nil, "decoded \(cut) of \(data.count) bytes")
        }
        #expect(FeatureTableCodec.decode(data + [0])?.layout == nil, "decoded with a byte appended")
        #expect(FeatureTableCodec.decode(Data()) == nil)

        func patched(at offset: Int, _ bytes: [UInt8]) -> Data {
            var copy = data
            copy.replaceSubrange(offset..<offset + bytes.count, with: bytes)
            return copy
        }
        func le32(_ value: UInt32) -> [UInt8] { withUnsafeBytes(of: value.littleEndian, Array.init) }

        #expect(FeatureTableCodec.decode(patched(at: 0, Array("LFT1".utf8)))?.layout == nil, "decoded with another magic")
        func withHeaderField(_ field: Int, _ body: (UInt32, Data) -> Void) {
            let offset = parts.header + 4 * field
            let original = data.subdata(in: offset..<offset + 4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            for value in [UInt32.max, UInt32.max - 1, original + 1, original &- 1] where value != original {
                body(value, patched(at: offset, le32(value)))
            }
        }
        // Languages, rows, entries, id bytes, country bytes.
        for field in 1..<6 {
            withHeaderField(field) { value, data in
                #expect(FeatureTableCodec.decode(data)?.layout == nil, "header field \(field) = \(value)")
            }
        }
        // An impossible sector count is refused here; a plausible wrong one (56 or 58 where the
        // width rounds alike) cannot be told from the bytes: the snapshot compares it with the
        // taxonomy (see wrongSectorCount).
        withHeaderField(0) { value, data in
            if value > 4096 { #expect(FeatureTableCodec.decode(data)?.layout == nil, "sector count \(value)") }
        }
        #expect(FeatureTableCodec.decode(patched(at: parts.idOffsets, le32(1)))?.layout == nil, "decoded ids whose first offset is 1")
        let width = UInt32(table.layout.width)
        #expect(FeatureTableCodec.decode(patched(at: parts.columns, le32(width)))?.layout == nil, "decoded a column index = width")
        #expect(FeatureTableCodec.decode(patched(at: parts.columns, le32(UInt32(bitPattern: -1))))?.layout == nil, "decoded column -1")
        // The kernel's values are the stored ones rounded.
        let decoded = try #require(FeatureTableCodec.decode(data))
        #expect(zip(decoded.rows.values, decoded.exactValues).allSatisfy { $0 == Float($1) } && decoded.exactValues == table.exactValues)
    }

    @Test("flipped bytes never crash the decoder, and what decodes is a usable table")
    func flippedBytes() throws {
        let db = try LiaisonDatabase.inMemory()
        try db.save(MatchingFixture.companies())
        let data = FeatureTableCodec.encode(try db.featureTable())
        var random = SeededGenerator(seed: 2024, stream: 7, index: 0)
        for _ in 0..<300 {
            var copy = data
            let offset = random.below(data.count)
            copy[offset] ^= UInt8(1 + random.below(255))
            guard let table = FeatureTableCodec.decode(copy) else { continue }
            #expect(table.ids.count == table.count && table.countries.count == table.count && table.rows.rows == table.count)
            for row in 0..<table.count {
                _ = table.features(ofRow: row)
                _ = table.ids[row]
            }
        }
    }
}

// MARK: - The table of the database

@Suite("Feature snapshot")
struct FeatureSnapshotTests {
    @Test("the table holds exactly the CN, CA and US companies: CN first, then CA, then US, by id in a country",
          arguments: Storage.allCases)
    func membershipAndOrder(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            let table = try db.featureTable()
            let companies = MatchingFixture.companies()
            func ids(_ country: String) -> [String] { companies.filter { $0.country == country }.map(\.id).sorted() }
            #expect(table.allIDs == ids("CN") + ids("CA") + ids("US"))
            #expect(!table.allIDs.contains("DE-0001"))
            #expect(table.allCountries == ids("CN").map { _ in "CN" } + ids("CA").map { _ in "CA" } + ids("US").map { _ in "US" })
            #expect(table.rows(ofCountry: "CN") == 0..<21)
            #expect(table.rows(ofCountry: "CA") == 21..<51)
            #expect(table.rows(ofCountry: "US") == 51..<92)
            #expect(table.rows(ofCountry: "DE").isEmpty)
            #expect(table.ids[table.rows(ofCountry: "US").lowerBound] == "AAA-HOST")
            #expect(table.ids[table.rows(ofCountry: "CN").upperBound - 1] == "ZZZ-DELEGATE")
            // Only the matched companies' languages are columns: the German firm's is not.
            let spoken = Set(companies.filter { MatchSides.takesPart($0.country) }.flatMap(\.languages)).sorted()
            #expect(table.languages == spoken)
            #expect(!table.languages.contains("de"))
            #expect(table.layout == FeatureLayout(sectorCount: MatchingFixture.taxonomy.count, languageCount: spoken.count))
        }
    }

    @Test("each row holds the stored company's features and revision, its profiles of unit length", arguments: Storage.allCases)
    func rowsMatchCompanies(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            // A second revision for one company, so revisions are not all 1.
            var changed = try db.company(id: "US-0007").company
            changed.size = changed.size == .micro ? .enterprise : .micro
            try db.save([changed])
            let table = try db.featureTable()
            let taxonomy = db.taxonomy
            for row in 0..<table.count {
                let stored = try db.company(id: table.ids[row])
                let company = stored.company
                let features = table.features(ofRow: row)
                #expect(table.countries[row] == company.country)
                #expect(table.revisions[row] == Int64(stored.revision))
                let expected = CompanyFeatures(company, taxonomy: taxonomy, languages: table.languages)
                expectClose(features, expected, "\(company.id)")
                // Independently of CompanyFeatures: unit-length profiles at the taxonomy's positions.
                expectClose(features.offers, ReferenceFeatures.unit(company.offers, taxonomy: taxonomy), "\(company.id) offers")
                expectClose(features.seeks, ReferenceFeatures.unit(company.seeks, taxonomy: taxonomy), "\(company.id) seeks")
                #expect(features.languages.map { table.languages[$0] } == company.languages.sorted(), "\(company.id)")
            }
            #expect(table.revisions[try #require(table.row(ofID: "US-0007"))] == 2)
        }
    }

    @Test("the table is stored as the snapshot of the current catalog version, and read back from it", arguments: Storage.allCases)
    func storedForTheNextCall(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            #expect(try SnapshotRow.read(db) == nil)
            let table = try db.featureTable()
            let row = try #require(try SnapshotRow.read(db))
            #expect(row.catalogVersion == (try SnapshotRow.catalogVersion(db)))
            #expect(row.taxonomyVersion == db.taxonomy.version)
            #expect(row.companies == table.count)
            expectIdentical(try #require(FeatureTableCodec.decode(row.data)), table)
            #expect(!row.builtAt.isEmpty)

            // Replace the stored table by a recognisable one of the same version: the next call returns it.
            let fewer = FeatureTable(companies: try db.companies(country: "CA").map { ($0.company, $0.revision) },
                                     taxonomy: db.taxonomy)
            try SnapshotRow.update(db, "data = ?, built_at = ?", [FeatureTableCodec.encode(fewer), SnapshotRow.untouched])
            expectIdentical(try db.featureTable(), fewer)
            #expect(try SnapshotRow.read(db)?.builtAt == SnapshotRow.untouched)
        }
    }

    @Test("an import that changes a company rebuilds the snapshot, which then shows the change", arguments: Storage.allCases)
    func importChange(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            try TestFiles.withTemporaryDirectory { directory in
                _ = try db.featureTable()
                try SnapshotRow.mark(db)
                let version = try SnapshotRow.catalogVersion(db)

                var moved = try db.company(id: "CA-0003").company
                moved.offers = SectorProfile(["clean-energy": 3, "mining-metals": 4])
                moved.languages = ["fr"]
                var leaving = try db.company(id: "US-0005").company
                leaving.country = "DE"
                let file = try directory.writing("changes.csv", bytes: Array(CompanyWriter.data([moved, leaving], format: .csv)))
                let summary = try db.importCompanies(from: [file])
                #expect(summary.updated == 2)
                #expect(try SnapshotRow.catalogVersion(db) == version + 1)

                let table = try db.featureTable()
                let row = try #require(table.row(ofID: "CA-0003"))
                #expect(table.revisions[row] == 2)
                let features = table.features(ofRow: row)
                // 3 and 4 scale to 0.6 and 0.8.
                let expected: [(position: Int, weight: Double)] = [
                    (db.taxonomy.index(ofID: "clean-energy")!, 0.6), (db.taxonomy.index(ofID: "mining-metals")!, 0.8),
                ]
                expectClose(features.offers, expected.sorted { $0.position < $1.position }, "CA-0003 offers")
                #expect(features.languages.map { table.languages[$0] } == ["fr"])
                #expect(table.row(ofID: "US-0005") == nil, "a company now of DE is still in the table")
                #expect(table.count == 91)

                let stored = try #require(try SnapshotRow.read(db))
                #expect(stored.builtAt != SnapshotRow.untouched, "the snapshot was not rebuilt")
                #expect(stored.catalogVersion == version + 1)
                expectIdentical(try #require(FeatureTableCodec.decode(stored.data)), table)
            }
        }
    }

    @Test("an import that adds a company rebuilds the snapshot with it, in its place", arguments: Storage.allCases)
    func importAddition(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            try TestFiles.withTemporaryDirectory { directory in
                let before = try db.featureTable()
                try SnapshotRow.mark(db)
                let file = try directory.writing("new.csv", """
                    id,name,country,city,size,languages,offers,seeks
                    CA-0015b,Northern Lantern Freight Inc.,CA,Halifax,small,en;fr,logistics-transportation,agriculture-food:0.5
                    """)
                #expect(try db.importCompanies(from: [file]).inserted == 1)
                let table = try db.featureTable()
                #expect(table.count == before.count + 1)
                let row = try #require(table.row(ofID: "CA-0015b"))
                #expect(table.ids[row - 1] == "CA-0015" && table.ids[row + 1] == "CA-0016")
                #expect(table.revisions[row] == 1)
                #expect(try SnapshotRow.read(db)?.builtAt != SnapshotRow.untouched)
                let company = try db.company(id: "CA-0015b").company
                expectClose(table.features(ofRow: row), CompanyFeatures(company, taxonomy: db.taxonomy, languages: table.languages), "CA-0015b")
            }
        }
    }

    @Test("an import that changes nothing, a dry run and a refused import keep the catalog version and the snapshot",
          arguments: Storage.allCases)
    func noChange(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            try TestFiles.withTemporaryDirectory { directory in
                let table = try db.featureTable()
                try SnapshotRow.mark(db)
                let version = try SnapshotRow.catalogVersion(db)
                let stored = try SnapshotRow.read(db)

                let same = try directory.writing("same.csv", bytes: Array(CompanyWriter.data(MatchingFixture.companies(), format: .csv)))
                let unchanged = try db.importCompanies(from: [same])
                #expect((unchanged.inserted, unchanged.updated, unchanged.unchanged) == (0, 0, 93))

                var renamed = try db.company(id: "CN-0002").company
                renamed.offers = SectorProfile(["retail": 1])
                let change = try directory.writing("change.csv", bytes: Array(CompanyWriter.data([renamed], format: .csv)))
                let dryRun = try db.importCompanies(from: [change], dryRun: true)
                #expect(dryRun.updated == 1)

                let bad = try directory.writing("bad.csv", "id,name,country,offers\nCN-0002,Renamed,CN,retail\nCN-0003,Bad,CN,logistix\n")
                #expect(throws: ImportError.self) { try db.importCompanies(from: [bad]) }

                #expect(try SnapshotRow.catalogVersion(db) == version)
                expectIdentical(try db.featureTable(), table)
                #expect(try SnapshotRow.read(db) == stored, "the snapshot was rebuilt though nothing changed")
            }
        }
    }

    @Test("saving companies bumps the catalog version only when something changed", arguments: Storage.allCases)
    func saveBumps(storage: Storage) throws {
        try MatchingFixture.withDatabase(storage) { db in
            let version = try SnapshotRow.catalogVersion(db)
            try db.save(Array(MatchingFixture.companies().prefix(5)))
            #expect(try SnapshotRow.catalogVersion(db) == version)
            var changed = MatchingFixture.companies()[0]
            changed.languages = ["zh", "en", "fr"]
            try db.save([changed])
            #expect(try SnapshotRow.catalogVersion(db) == version + 1)
            let table = try db.featureTable()
            let row = try #require(table.row(ofID: changed.id))
            #expect(table.features(ofRow: row).languages.map { table.languages[$0] } == ["en", "fr", "zh"])
        }
    }

    @Test("a snapshot of another taxonomy version, of an older catalog version, or that does not decode is rebuilt",
          arguments: ["taxonomy_version = 'another'", "catalog_version = catalog_version - 1", "data = X'4C465432'"])
    func staleOrBroken(assignment: String) throws {
        try MatchingFixture.withDatabase(.file) { db in
            let table = try db.featureTable()
            try SnapshotRow.mark(db)
            try SnapshotRow.update(db, assignment)
            expectIdentical(try db.featureTable(), table)
            let stored = try #require(try SnapshotRow.read(db))
            #expect(stored.builtAt != SnapshotRow.untouched)
            #expect(stored.taxonomyVersion == db.taxonomy.version)
            #expect(stored.catalogVersion == (try SnapshotRow.catalogVersion(db)))
            expectIdentical(try #require(FeatureTableCodec.decode(stored.data)), table)
        }
    }

    @Test("a stored snapshot whose sector count is not the taxonomy's is rebuilt, not used")
    func wrongSectorCount() throws {
        try MatchingFixture.withDatabase(.memory) { db in
            let table = try db.featureTable()
            var data = try #require(try SnapshotRow.read(db)).data
            // The sector count is the first header field, after the 4-byte magic; one more sector keeps the row width.
            let count = UInt32(db.taxonomy.count + 1).littleEndian
            data.replaceSubrange(4..<8, with: withUnsafeBytes(of: count, Array.init))
            try SnapshotRow.update(db, "data = ?", [data])
            let read = try db.featureTable()
            #expect(read.layout.sectorCount == db.taxonomy.count)
            expectIdentical(read, table)
        }
    }

    @Test("an empty database gives an empty table")
    func empty() throws {
        let db = try LiaisonDatabase.inMemory()
        let table = try db.featureTable()
        #expect(table.count == 0)
        #expect(table.languages.isEmpty)
        #expect(table.rows(ofCountry: "CN").isEmpty)
    }

    @Test("profiles with very small or very large weights still have unit length")
    func extremeWeights() throws {
        let db = try LiaisonDatabase.inMemory()
        let companies = [
            Company(id: "CN-TINY", name: "Tiny Weights Co.", country: "CN", languages: ["zh"],
                    offers: SectorProfile(["logistics-transportation": 1e-200]), seeks: SectorProfile(["clean-energy": 1e-170, "retail": 2e-170])),
            Company(id: "US-HUGE", name: "Huge Weights Inc.", country: "US", languages: ["en"],
                    offers: SectorProfile(["clean-energy": 1e200]), seeks: SectorProfile(["logistics-transportation": 3e160, "retail": 4e160])),
        ]
        try db.save(companies)
        let table = try db.featureTable()
        for company in companies {
            let features = table.features(ofRow: try #require(table.row(ofID: company.id)))
            expectClose(features.offers, ReferenceFeatures.scaledUnit(company.offers, taxonomy: db.taxonomy), "\(company.id) offers")
            expectClose(features.seeks, ReferenceFeatures.scaledUnit(company.seeks, taxonomy: db.taxonomy), "\(company.id) seeks")
        }
    }
}

extension ReferenceFeatures {
    /// ``unit(_:taxonomy:)`` computed without overflow: weights are divided by the largest first.
    static func scaledUnit(_ profile: SectorProfile, taxonomy: Taxonomy) -> [(position: Int, weight: Double)] {
        let largest = profile.weights.values.max() ?? 1
        return unit(SectorProfile(profile.weights.mapValues { $0 / largest }), taxonomy: taxonomy)
    }
}
