import Foundation

/// The languages participants' pages are written in: Chinese for a company whose first language
/// is zh, French for fr, English otherwise (as its agendas).
enum PageLanguage: String, Sendable, CaseIterable {
    case en, zh, fr

    /// The page language of a company that lists `languages` in order of preference.
    init(companyLanguages languages: [String]) {
        self = PageLanguage(rawValue: languages.first?.lowercased() ?? "") ?? .en
    }

    /// The fixed texts in this language.
    var text: PageText {
        switch self {
        case .en: .english
        case .zh: .chinese
        case .fr: .french
        }
    }

    /// The fixed texts by name, as templates read them (`{{t.agenda}}`): made once per language.
    var table: [String: String] { Self.tables[self]! }

    private static let tables: [PageLanguage: [String: String]] = Dictionary(uniqueKeysWithValues: allCases.map { language in
        (language, Dictionary(uniqueKeysWithValues: Mirror(reflecting: language.text).children.compactMap { child in
            child.label.flatMap { label in (child.value as? String).map { (label, $0) } }
        }))
    })

    /// The HTML `lang` attribute.
    var code: String { rawValue == "zh" ? "zh-Hans" : rawValue }

    /// An event day `YYYY-MM-DD` written out: `December 5, 2025`, `2025年12月5日`, `5 décembre 2025`
    /// (the text as it is when it is not such a date). Written here rather than by a DateFormatter,
    /// whose making costs more than the rest of a page.
    func longDate(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return day }
        let (year, month, date) = (parts[0], parts[1], parts[2])
        switch self {
        case .en: return "\(Self.englishMonths[month - 1]) \(date), \(year)"
        case .zh: return "\(year)年\(month)月\(date)日"
        case .fr: return "\(date == 1 ? "1er" : "\(date)") \(Self.frenchMonths[month - 1]) \(year)"
        }
    }

    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                        "October", "November", "December"]
    private static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                                       "octobre", "novembre", "décembre"]
}
