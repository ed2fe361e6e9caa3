import Foundation

/// The cities whose time zones Liaison knows, compiled into the binary (`Resources/cities.csv`:
/// `city,region,country,zone,aliases`, aliases separated by `|`): every US state capital and the
/// largest US cities with their namesakes in other zones, Canadian and Chinese cities, and the
/// major business cities of the world, each with its country and IANA zone; and the countries
/// that have a single zone (`Resources/country-zones.csv`, the countries tzdata 2025b's
/// `zone.tab` lists with exactly one zone).
public struct CityTable: Sendable {
    /// One city: its name, region (a US state or Canadian province code, a Chinese province,
    /// else empty), ISO country code and IANA zone; `aliases` are other spellings.
    public struct City: Hashable, Sendable {
        public var name: String
        public var region: String
        public var country: String
        public var zone: String
        public var aliases: [String]
    }

    public let cities: [City]
    /// Zone by ISO country code, for countries with exactly one zone.
    public let countryZones: [String: String]
    private let byKey: [String: [Int]]

    /// The table built into this version of Liaison.
    public static let builtIn: CityTable = {
        do {
            return try CityTable(cities: Data(PackageResources.cities_csv), countryZones: Data(PackageResources.country_zones_csv))
        } catch {
            fatalError("the built-in city table is invalid: \(error)")
        }
    }()

    /// Reads the two CSV files; refuses a row without a city, a country or a zone.
    init(cities citiesCSV: Data, countryZones zonesCSV: Data) throws {
        var cities: [City] = []
        var reader = CSVRecordReader(data: citiesCSV)
        guard try reader.next()?.fields == ["city", "region", "country", "zone", "aliases"] else {
            throw CityTableError(line: 1, message: "expected the header city,region,country,zone,aliases")
        }
        while let record = try reader.next() {
            let f = record.fields
            guard f.count == 5, !f[0].isEmpty, !f[2].isEmpty, !f[3].isEmpty else {
                throw CityTableError(line: record.line, message: "expected a city, a region, a country, a zone and aliases")
            }
            cities.append(City(name: f[0], region: f[1], country: f[2], zone: f[3], aliases: f[4].split(separator: "|").map(String.init)))
        }
        var zones: [String: String] = [:]
        reader = CSVRecordReader(data: zonesCSV)
        guard try reader.next()?.fields == ["country", "zone"] else {
            throw CityTableError(line: 1, message: "expected the header country,zone")
        }
        while let record = try reader.next() {
            guard record.fields.count == 2 else { throw CityTableError(line: record.line, message: "expected a country and a zone") }
            zones[record.fields[0]] = record.fields[1]
        }
        var byKey: [String: [Int]] = [:]
        for (index, city) in cities.enumerated() {
            for name in Set(([city.name] + city.aliases).map(Self.key)) { byKey[name, default: []].append(index) }
        }
        self.cities = cities
        self.countryZones = zones
        self.byKey = byKey
    }

    /// The cities of `country` called `name` (any case, accents and punctuation ignored: `Montréal`,
    /// `MONTREAL` and `Montreal` are one), or, when `name` ends in `, REGION`, those of that region
    /// (`Portland, OR`).
    public func cities(named name: String, country: String) -> [City] {
        let country = country.uppercased()
        let exact = (byKey[Self.key(name)] ?? []).map { cities[$0] }.filter { $0.country == country }
        if !exact.isEmpty { return exact }
        guard let comma = name.lastIndex(of: ",") else { return [] }
        let region = Self.key(String(name[name.index(after: comma)...]))
        return (byKey[Self.key(String(name[..<comma]))] ?? []).map { cities[$0] }
            .filter { $0.country == country && Self.key($0.region) == region }
    }

    /// The zones of `country`'s cities, the most frequent first (ties by name).
    public func zones(of country: String) -> [String] {
        let counts = Dictionary(cities.filter { $0.country == country.uppercased() }.map { ($0.zone, 1) }, uniquingKeysWith: +)
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// A name as compared: lower case, without accents, letters and digits only, single spaces
    /// (`St. John's` and `st johns` are one).
    static func key(_ name: String) -> String {
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = [], word = ""
        for character in folded {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" || character == "." {
                continue
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }
}

/// A line of a city table that cannot be read.
struct CityTableError: Error, CustomStringConvertible {
    var line: Int
    var message: String
    var description: String { "line \(line): \(message)" }

    init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}
