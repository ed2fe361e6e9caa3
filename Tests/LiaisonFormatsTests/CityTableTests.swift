import Foundation
import LiaisonFormats
import LiaisonScheduling
import Testing

@Suite("Event time zones: given, or told from a city table, never guessed")
struct CityTableTests {
    static let table = CityTable.builtIn

    static let stateCapitals = [
        ("Montgomery", "AL"), ("Juneau", "AK"), ("Phoenix", "AZ"), ("Little Rock", "AR"), ("Sacramento", "CA"), ("Denver", "CO"),
        ("Hartford", "CT"), ("Dover", "DE"), ("Tallahassee", "FL"), ("Atlanta", "GA"), ("Honolulu", "HI"), ("Boise", "ID"),
        ("Springfield", "IL"), ("Indianapolis", "IN"), ("Des Moines", "IA"), ("Topeka", "KS"), ("Frankfort", "KY"), ("Baton Rouge", "LA"),
        ("Augusta", "ME"), ("Annapolis", "MD"), ("Boston", "MA"), ("Lansing", "MI"), ("Saint Paul", "MN"), ("Jackson", "MS"),
        ("Jefferson City", "MO"), ("Helena", "MT"), ("Lincoln", "NE"), ("Carson City", "NV"), ("Concord", "NH"), ("Trenton", "NJ"),
        ("Santa Fe", "NM"), ("Albany", "NY"), ("Raleigh", "NC"), ("Bismarck", "ND"), ("Columbus", "OH"), ("Oklahoma City", "OK"),
        ("Salem", "OR"), ("Harrisburg", "PA"), ("Providence", "RI"), ("Columbia", "SC"), ("Pierre", "SD"), ("Nashville", "TN"),
        ("Austin", "TX"), ("Salt Lake City", "UT"), ("Montpelier", "VT"), ("Richmond", "VA"), ("Olympia", "WA"), ("Charleston", "WV"),
        ("Madison", "WI"), ("Cheyenne", "WY"),
    ]

    /// The 100 largest US cities (census estimates of the 2020s), by name and state.
    static let largestCities = [
        ("New York", "NY"), ("Los Angeles", "CA"), ("Chicago", "IL"), ("Houston", "TX"), ("Phoenix", "AZ"), ("Philadelphia", "PA"),
        ("San Antonio", "TX"), ("San Diego", "CA"), ("Dallas", "TX"), ("Jacksonville", "FL"), ("Austin", "TX"), ("Fort Worth", "TX"),
        ("San Jose", "CA"), ("Columbus", "OH"), ("Charlotte", "NC"), ("Indianapolis", "IN"), ("San Francisco", "CA"), ("Seattle", "WA"),
        ("Denver", "CO"), ("Oklahoma City", "OK"), ("Nashville", "TN"), ("Washington", "DC"), ("El Paso", "TX"), ("Las Vegas", "NV"),
        ("Boston", "MA"), ("Detroit", "MI"), ("Portland", "OR"), ("Louisville", "KY"), ("Memphis", "TN"), ("Baltimore", "MD"),
        ("Milwaukee", "WI"), ("Albuquerque", "NM"), ("Tucson", "AZ"), ("Fresno", "CA"), ("Sacramento", "CA"), ("Mesa", "AZ"),
        ("Kansas City", "MO"), ("Atlanta", "GA"), ("Omaha", "NE"), ("Colorado Springs", "CO"), ("Raleigh", "NC"), ("Virginia Beach", "VA"),
        ("Long Beach", "CA"), ("Miami", "FL"), ("Oakland", "CA"), ("Minneapolis", "MN"), ("Tulsa", "OK"), ("Bakersfield", "CA"),
        ("Tampa", "FL"), ("Wichita", "KS"), ("Arlington", "TX"), ("Aurora", "CO"), ("New Orleans", "LA"), ("Cleveland", "OH"),
        ("Honolulu", "HI"), ("Anaheim", "CA"), ("Henderson", "NV"), ("Orlando", "FL"), ("Lexington", "KY"), ("Stockton", "CA"),
        ("Riverside", "CA"), ("Corpus Christi", "TX"), ("Irvine", "CA"), ("Cincinnati", "OH"), ("Santa Ana", "CA"), ("Newark", "NJ"),
        ("Saint Paul", "MN"), ("Pittsburgh", "PA"), ("Greensboro", "NC"), ("Durham", "NC"), ("Lincoln", "NE"), ("Jersey City", "NJ"),
        ("Plano", "TX"), ("Anchorage", "AK"), ("North Las Vegas", "NV"), ("St. Louis", "MO"), ("Madison", "WI"), ("Chandler", "AZ"),
        ("Gilbert", "AZ"), ("Reno", "NV"), ("Buffalo", "NY"), ("Chula Vista", "CA"), ("Fort Wayne", "IN"), ("Lubbock", "TX"),
        ("Toledo", "OH"), ("St. Petersburg", "FL"), ("Laredo", "TX"), ("Irving", "TX"), ("Chesapeake", "VA"), ("Glendale", "AZ"),
        ("Winston-Salem", "NC"), ("Port St. Lucie", "FL"), ("Scottsdale", "AZ"), ("Garland", "TX"), ("Boise", "ID"), ("Norfolk", "VA"),
        ("Spokane", "WA"), ("Fremont", "CA"), ("Richmond", "VA"), ("Santa Clarita", "CA"),
    ]

    @Test("every state capital and every one of the 100 largest US cities resolves, written with its state")
    func usCoverage() throws {
        #expect(Self.stateCapitals.count == 50 && Self.largestCities.count == 100)
        for (city, state) in Self.stateCapitals + Self.largestCities {
            let zone = try EventTimeZone.resolve(given: nil, city: "\(city), \(state)", country: "US")
            #expect(zone.hasPrefix("America/") || zone == "Pacific/Honolulu", "\(city), \(state): \(zone)")
        }
    }

    @Test("zones of the cities the story and the issue name", arguments: [
        ("Denver", "US", "America/Denver"), ("Phoenix", "US", "America/Phoenix"), ("San Diego", "US", "America/Los_Angeles"),
        ("Honolulu", "US", "Pacific/Honolulu"), ("Anchorage", "US", "America/Anchorage"), ("El Paso", "US", "America/Denver"),
        ("Boise", "US", "America/Boise"), ("Louisville", "US", "America/Kentucky/Louisville"), ("Knoxville", "US", "America/New_York"),
        ("Pierre", "US", "America/Chicago"), ("Juneau", "US", "America/Juneau"), ("Detroit", "US", "America/Detroit"),
        ("Washington, D.C.", "US", "America/New_York"), ("washington dc", "US", "America/New_York"), ("Oakland", "US", "America/Los_Angeles"),
        ("Montréal", "CA", "America/Toronto"), ("MONTREAL", "CA", "America/Toronto"), ("St. John's", "CA", "America/St_Johns"),
        ("Regina", "CA", "America/Regina"), ("Calgary", "CA", "America/Edmonton"), ("Halifax", "CA", "America/Halifax"),
        ("北京", "CN", "Asia/Shanghai"), ("Shenzhen", "cn", "Asia/Shanghai"), ("Frankfurt am Main", "DE", "Europe/Berlin"),
        ("Hong Kong", "HK", "Asia/Hong_Kong"), ("São Paulo", "BR", "America/Sao_Paulo"), ("Sao Paulo", "BR", "America/Sao_Paulo"),
        // Not in the table, but the country has one zone.
        ("Annecy", "FR", "Europe/Paris"), ("Nagano", "JP", "Asia/Tokyo"),
    ])
    func knownZones(city: String, country: String, zone: String) throws {
        #expect(try EventTimeZone.resolve(given: nil, city: city, country: country) == zone)
    }

    @Test("a name of cities in two zones needs its region; an unknown city of a many-zone country needs --time-zone")
    func refusals() throws {
        #expect(throws: TimeZoneProblem.self) { try EventTimeZone.resolve(given: nil, city: "Portland", country: "US") }
        #expect(try EventTimeZone.resolve(given: nil, city: "Portland, ME", country: "US") == "America/New_York")
        #expect(try EventTimeZone.resolve(given: nil, city: "Portland, or", country: "US") == "America/Los_Angeles")
        #expect(try EventTimeZone.resolve(given: nil, city: "Aurora, IL", country: "US") == "America/Chicago")
        do {
            _ = try EventTimeZone.resolve(given: nil, city: "Aurora", country: "US")
            Issue.record("Aurora (CO and IL) was resolved")
        } catch {
            #expect(error.description.contains("Aurora, CO: America/Denver") && error.description.contains("Aurora, IL: America/Chicago"))
        }
        do {
            _ = try EventTimeZone.resolve(given: nil, city: "Smallville", country: "US")
            Issue.record("an unknown US city was resolved")
        } catch {
            #expect(error.description.contains("'Smallville'") && error.description.contains("--time-zone America/"))
        }
        #expect(throws: TimeZoneProblem.self) { try EventTimeZone.resolve(given: nil, city: "Kelowna Springs", country: "CA") }
    }

    @Test("a zone given is taken as given when it is an IANA zone, refused otherwise", arguments: [
        ("America/Chicago", true), ("UTC", true), ("Asia/Kolkata", true), ("EST", false), ("GMT+5", false), ("america/denver", false),
        ("Mountain", false), ("Mars/Olympus_Mons", false), ("", false),
    ])
    func given(zone: String, accepted: Bool) {
        let result = Result { () throws(TimeZoneProblem) in try EventTimeZone.resolve(given: zone, city: "Denver", country: "US") }
        switch result {
        case .success(let resolved): #expect(accepted && resolved == zone, "\(zone) accepted")
        case .failure(let problem): #expect(!accepted && problem == .unknown(zone), "\(zone) refused")
        }
    }

    @Test("every zone of the table is an IANA zone of this system; each city's country is its zone's in the system's zone.tab")
    func tableAgreesWithTzdata() throws {
        #expect(Self.table.cities.count > 500)
        #expect(Set(Self.table.cities.map(\.country)).count > 60)
        for city in Self.table.cities { #expect(EventSpec.isTimeZone(city.zone), "\(city.name): \(city.zone)") }
        for (country, zone) in Self.table.countryZones { #expect(EventSpec.isTimeZone(zone), "\(country): \(zone)") }
        let path = "/usr/share/zoneinfo/zone.tab"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        var pairs = Set<[String]>(), zonesByCountry: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 3 else { continue }
            pairs.insert([fields[0], fields[2]])
            zonesByCountry[fields[0], default: []].insert(fields[2])
        }
        for city in Self.table.cities {
            #expect(pairs.contains([city.country, city.zone]), "\(city.name), \(city.country): \(city.zone) is not a zone of \(city.country)")
        }
        for (country, zone) in Self.table.countryZones {
            #expect(zonesByCountry[country] == [zone], "\(country): \(zone), but zone.tab has \(zonesByCountry[country] ?? [])")
        }
    }
}
