/// Calendar dates as a reader of each language writes them.
public enum AgendaDate {
    /// `2025-12-05` written in full: `December 5, 2025`, `5 décembre 2025` (`1er décembre` for the
    /// first), `2025年12月5日`. Text that is not a `YYYY-MM-DD` date is returned as it is.
    public static func long(_ isoDate: String, in language: AgendaLanguage) -> String {
        let parts = isoDate.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2], (1...12).contains(month) else {
            return isoDate
        }
        switch language {
        case .en: return "\(englishMonths[month - 1]) \(day), \(year)"
        case .fr: return "\(day == 1 ? "1er" : "\(day)") \(frenchMonths[month - 1]) \(year)"
        case .zh: return "\(year)年\(month)月\(day)日"
        }
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]
    private static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                                       "octobre", "novembre", "décembre"]
}
