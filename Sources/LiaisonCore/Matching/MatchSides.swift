/// Who meets whom: the visiting delegation's companies (China) meet host firms (the United
/// States and Canada), and the other way round.
public enum MatchSides {
    /// The delegation's country.
    public static let delegation = "CN"
    /// The countries whose firms host the delegation.
    public static let hosts = ["CA", "US"]

    /// Whether companies of `country` take part in matching.
    public static func takesPart(_ country: String) -> Bool {
        country == delegation || hosts.contains(country)
    }

    /// The countries whose companies a company of `country` is matched with, narrowed to `target`:
    /// the hosts for a delegate, the delegation for a host; for an ad-hoc profile (`country` nil)
    /// every country that takes part. The one statement of who meets whom, for live matching and
    /// for answers read from stored rankings alike.
    public static func countries(matchedWith country: String?, target: MatchTarget) throws(MatchError) -> [String] {
        var countries = [delegation] + hosts
        if let country {
            guard takesPart(country) else { throw .notMatched(country) }
            countries = country == delegation ? hosts : [delegation]
        }
        if case .country(let code) = target {
            guard countries.contains(code) else { throw .wrongSide(country: country ?? "", target: code, allowed: countries) }
            countries = [code]
        }
        return countries
    }

    /// The order of countries in a feature table: the delegation first, then the hosts, so that
    /// "every host" is one contiguous range of rows.
    public static func order(_ a: (country: String, id: String), _ b: (country: String, id: String)) -> Bool {
        func rank(_ country: String) -> Int { country == delegation ? 0 : (hosts.contains(country) ? 1 : 2) }
        return (rank(a.country), a.country, a.id) < (rank(b.country), b.country, b.id)
    }
}

/// Whose firms a match looks at.
public enum MatchTarget: Hashable, Sendable {
    /// One country's companies.
    case country(String)
    /// Every company on the other side (for an ad-hoc profile: every company).
    case any

    /// `any`, or a country that takes part in matching (`CN`, `CA`, `US`) by code in any case or
    /// by name (``ISOCodes/country(_:)``).
    public init?(_ text: String) {
        if text.trimmingWhitespace().lowercased() == "any" { self = .any; return }
        guard let code = ISOCodes.country(text), MatchSides.takesPart(code) else { return nil }
        self = .country(code)
    }
}
