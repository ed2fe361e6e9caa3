import Foundation
import LiaisonCore

/// Names of countries (ISO 3166-1 alpha-2) and languages (ISO 639) in the agenda languages: our
/// own for the countries and languages participants most often come with (`China`, not ICU's
/// `China mainland`; Hong Kong, Macao and Taiwan as the delegation's own usage names them), the
/// Unicode CLDR's (through Foundation's `Locale`) for every other code, and the code itself for
/// one that names nothing.
public enum CountryAndLanguageNames {
    /// The country's name in `language`, e.g. `美国` for `US` and `西班牙` for `ES` in Chinese;
    /// the code when it names no country.
    public static func country(_ code: String, in language: AgendaLanguage) -> String {
        let code = code.uppercased()
        if let name = countries[code]?[language] { return name }
        guard ISOCodes.countries.contains(code), let name = Locale(identifier: language.rawValue).localizedString(forRegionCode: code) else { return code }
        return name
    }

    /// The language's name in `language`, e.g. `anglais` for `en` in French; the code when it
    /// names no language.
    public static func language(_ code: String, in language: AgendaLanguage) -> String {
        let code = code.lowercased()
        if let name = languages[code]?[language] { return name }
        guard ISOCodes.languages.contains(code), let name = Locale(identifier: language.rawValue).localizedString(forLanguageCode: code),
              name.lowercased() != code else { return code }
        return name
    }

    private static func names(_ en: String, _ zh: String, _ fr: String) -> [AgendaLanguage: String] {
        [.en: en, .zh: zh, .fr: fr]
    }

    private static let countries: [String: [AgendaLanguage: String]] = [
        "US": names("United States", "美国", "États-Unis"), "CA": names("Canada", "加拿大", "Canada"),
        "CN": names("China", "中国", "Chine"), "MX": names("Mexico", "墨西哥", "Mexique"), "GB": names("United Kingdom", "英国", "Royaume-Uni"),
        "FR": names("France", "法国", "France"), "DE": names("Germany", "德国", "Allemagne"), "JP": names("Japan", "日本", "Japon"),
        "KR": names("South Korea", "韩国", "Corée du Sud"), "SG": names("Singapore", "新加坡", "Singapour"),
        "AU": names("Australia", "澳大利亚", "Australie"), "IN": names("India", "印度", "Inde"), "BR": names("Brazil", "巴西", "Brésil"),
        "HK": names("Hong Kong, China", "中国香港", "Hong Kong (Chine)"), "MO": names("Macao, China", "中国澳门", "Macao (Chine)"),
        "TW": names("Taiwan, China", "中国台湾", "Taïwan (Chine)"),
    ]

    private static let languages: [String: [AgendaLanguage: String]] = [
        "zh": names("Chinese", "中文", "chinois"), "en": names("English", "英语", "anglais"), "fr": names("French", "法语", "français"),
        "es": names("Spanish", "西班牙语", "espagnol"), "de": names("German", "德语", "allemand"), "ja": names("Japanese", "日语", "japonais"),
        "ko": names("Korean", "韩语", "coréen"), "ru": names("Russian", "俄语", "russe"), "ar": names("Arabic", "阿拉伯语", "arabe"),
        "pt": names("Portuguese", "葡萄牙语", "portugais"), "it": names("Italian", "意大利语", "italien"), "hi": names("Hindi", "印地语", "hindi"),
    ]
}
