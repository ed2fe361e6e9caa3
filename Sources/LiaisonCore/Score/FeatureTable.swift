import LiaisonKernel

/// Many companies' features, ready to be searched: what matching loads once and reads many times.
///
/// Each company is stored as its right row of the score (``FeatureLayout``), sparse: the
/// feature table *is* the right-hand matrix, independent of the weights. The rows are in single
/// precision, for the kernel; each entry is also kept as computed, in double precision, so that
/// the exact score of a match is the score of the companies' own profiles. Rows are kept in the
/// order appended; matching needs ``MatchSides/order(_:_:)`` — grouped by country, sorted by id
/// — so a country is a contiguous range and the kernel's tie-break (lower row) is by id.
public struct FeatureTable: Sendable {
    public let layout: FeatureLayout
    /// The languages any company speaks, sorted: the language columns of the layout.
    public let languages: [String]
    public private(set) var ids = StringColumn()
    public private(set) var countries = StringColumn()
    /// Each company's revision when the table was built, for telling what changed since.
    public private(set) var revisions: [Int64] = []
    /// The right rows.
    public private(set) var rows: SparseRows
    /// Each entry of `rows` (in the order of `rows.values`) as computed, in double precision.
    public private(set) var exactValues: [Double] = []

    public init(sectorCount: Int, languages: [String]) {
        self.languages = languages
        layout = FeatureLayout(sectorCount: sectorCount, languageCount: languages.count)
        rows = SparseRows(columns: layout.width)
    }

    /// A table from stored parts, its rows in compressed sparse row form with each value as
    /// computed (the kernel's rows are these rounded to single precision); nil when the parts do
    /// not fit together.
    public init?(sectorCount: Int, languages: [String], ids: StringColumn, countries: StringColumn,
                 revisions: [Int64], rowStart: [Int32], columnIndices: [Int32], exactValues: [Double]) {
        self.init(sectorCount: sectorCount, languages: languages)
        guard let rows = SparseRows(columns: layout.width, rowStart: rowStart, columnIndices: columnIndices,
                                    values: exactValues.map(Float.init)),
              ids.count == rows.rows, countries.count == rows.rows, revisions.count == rows.rows else { return nil }
        self.ids = ids
        self.countries = countries
        self.revisions = revisions
        self.rows = rows
        self.exactValues = exactValues
    }

    /// The table of `companies` (with their revisions), in ``MatchSides/order(_:_:)``.
    public init(companies: [(company: Company, revision: Int)], taxonomy: Taxonomy) {
        let languages = Set(companies.flatMap(\.company.languages)).sorted()
        self.init(sectorCount: taxonomy.count, languages: languages)
        reserveCapacity(companies.count)
        let ordered = companies.sorted {
            MatchSides.order(($0.company.country, $0.company.id), ($1.company.country, $1.company.id))
        }
        for entry in ordered {
            append(id: entry.company.id, country: entry.company.country, revision: Int64(entry.revision),
                   features: CompanyFeatures(entry.company, taxonomy: taxonomy, languages: languages))
        }
    }

    public var count: Int { revisions.count }

    /// Room for `capacity` rows of about a dozen entries each.
    public mutating func reserveCapacity(_ capacity: Int) {
        revisions.reserveCapacity(capacity)
        rows.reserveCapacity(rows: capacity, entries: capacity * 12)
        exactValues.reserveCapacity(capacity * 12)
    }

    public mutating func append(id: String, country: String, revision: Int64, features: CompanyFeatures) {
        ids.append(id)
        countries.append(country)
        revisions.append(revision)
        let entries = layout.rightEntries(features)
        rows.appendRow(entries.lazy.map { (column: $0.column, value: Float($0.value)) })
        exactValues += entries.map(\.value)
    }

    /// Appends row `row` of `other`, a table of the same layout, as it is.
    public mutating func appendRow(of other: FeatureTable, _ row: Int) {
        precondition(other.layout == layout, "rows of tables of different layouts")
        ids.append(other.ids[row])
        countries.append(other.countries[row])
        revisions.append(other.revisions[row])
        rows.appendRow(other.rows.row(row))
        exactValues += other.exactValues[other.rows.entries(ofRow: row)]
    }

    /// The features of one row, as computed from the company's profile (double precision).
    public func features(ofRow row: Int) -> CompanyFeatures {
        layout.features(fromRight: rows.entries(ofRow: row).map { (column: Int(rows.columnIndices[$0]), value: exactValues[$0]) })
    }

    /// The rows of one country, which are contiguous.
    public func rows(ofCountry country: String) -> Range<Int> {
        guard let first = countries.firstIndex(of: country) else { return 0..<0 }
        var end = first + 1
        while end < count && countries[end] == country { end += 1 }
        return first..<end
    }

    /// The row of the company with this id.
    public func row(ofID id: String) -> Int? {
        ids.firstIndex(of: id)
    }

    /// The rows of many ids in one pass over the table, nil for ids it does not hold.
    public func rows(ofIDs wanted: [String]) -> [Int?] {
        let firstIndex = Dictionary(wanted.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var pending = firstIndex
        var found = [Int?](repeating: nil, count: wanted.count)
        for row in 0..<count where !pending.isEmpty {
            if let index = pending.removeValue(forKey: ids[row]) { found[index] = row }
        }
        return wanted.map { found[firstIndex[$0]!] }
    }
}

/// Many short strings in one buffer: a column of ids without one allocation per string.
public struct StringColumn: Sendable, Equatable {
    /// UTF-8 of every string, one after the other.
    public private(set) var bytes: [UInt8] = []
    /// String i is `bytes[offsets[i] ..< offsets[i + 1]]`.
    public private(set) var offsets: [Int32] = [0]

    public init() {}

    /// A column from its stored arrays; nil when they are inconsistent.
    public init?(bytes: [UInt8], offsets: [Int32]) {
        guard offsets.first == 0, Int(offsets.last ?? -1) == bytes.count,
              zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else { return nil }
        self.bytes = bytes
        self.offsets = offsets
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ string: String) {
        bytes.append(contentsOf: string.utf8)
        offsets.append(Int32(bytes.count))
    }

    public subscript(index: Int) -> String {
        String(decoding: bytes[Int(offsets[index])..<Int(offsets[index + 1])], as: UTF8.self)
    }

    /// The first index holding `string`, comparing bytes.
    public func firstIndex(of string: String) -> Int? {
        let wanted = Array(string.utf8)
        return (0..<count).first { index in
            let start = Int(offsets[index]), end = Int(offsets[index + 1])
            return end - start == wanted.count && bytes[start..<end].elementsEqual(wanted)
        }
    }
}
