import Foundation
import LiaisonScheduling

/// The time zone of an event's venue, never guessed: the IANA zone given, else the zone of the
/// venue's city in ``CityTable``, else the zone of a country that has only one; otherwise a
/// ``TimeZoneProblem`` says how to give it.
///
///     try EventTimeZone.resolve(given: nil, city: "Denver", country: "US")        // "America/Denver"
///     try EventTimeZone.resolve(given: nil, city: "Smallville", country: "US")    // throws: give --time-zone
public enum EventTimeZone {
    /// The venue's zone: `given` when set (and an IANA zone: ``EventSpec/isTimeZone(_:)``), else
    /// the zone of the city in `table`, else that of a one-zone country.
    public static func resolve(given: String?, city: String, country: String, table: CityTable = .builtIn) throws(TimeZoneProblem) -> String {
        let country = country.uppercased()
        if let given {
            guard EventSpec.isTimeZone(given) else { throw TimeZoneProblem.unknown(given) }
            return given
        }
        let matches = table.cities(named: city, country: country)
        let zones = Set(matches.map(\.zone))
        if zones.count == 1, let zone = zones.first { return zone }
        if zones.count > 1 { throw TimeZoneProblem.ambiguous(city: city, country: country, cities: matches) }
        if let zone = table.countryZones[country] { return zone }
        throw TimeZoneProblem.unknownCity(city: city, country: country, zones: table.zones(of: country))
    }
}

/// Why an event's time zone cannot be told, in words that say how to give it.
public enum TimeZoneProblem: Error, Equatable, CustomStringConvertible {
    /// A zone name that is not an IANA zone of this system.
    case unknown(String)
    /// A city Liaison does not know, in a country with several zones (the country's known zones given).
    case unknownCity(city: String, country: String, zones: [String])
    /// A city name found in more than one zone of its country.
    case ambiguous(city: String, country: String, cities: [CityTable.City])

    public var description: String {
        switch self {
        case .unknown(let zone):
            return "unknown time zone '\(zone)'; use an IANA name such as America/Toronto"
        case .unknownCity(let city, let country, let zones):
            let example = zones.first ?? "America/Denver"
            let known = zones.isEmpty ? "" : " (\(country) zones include \(zones.prefix(8).joined(separator: ", ")))"
            return "no time zone known for the city '\(city)' in \(country): give the venue's IANA zone, "
                + "e.g. --time-zone \(example) (\"timeZone\" in an event file)\(known)"
        case .ambiguous(let city, let country, let cities):
            let options = cities.sorted { ($0.region, $0.zone) < ($1.region, $1.zone) }
                .map { "\($0.name), \($0.region.isEmpty ? $0.country : $0.region): \($0.zone)" }
            let first = cities.first.map { "\($0.name), \($0.region)" } ?? city
            return "the city '\(city)' in \(country) lies in more than one time zone (\(options.joined(separator: "; "))): "
                + "write it with its region ('\(first)') or give --time-zone (\"timeZone\" in an event file)"
        }
    }
}
