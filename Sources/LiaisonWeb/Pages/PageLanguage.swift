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

    /// The HTML `lang` attribute.
    var code: String { rawValue == "zh" ? "zh-Hans" : rawValue }

    /// An event day `YYYY-MM-DD` written out: `December 5, 2025`, `2025年12月5日`, `5 décembre 2025`.
    func longDate(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return day }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else { return day }
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: ["en": "en_US", "zh": "zh_CN", "fr": "fr_FR"][rawValue]!)
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter.string(from: date)
    }
}
