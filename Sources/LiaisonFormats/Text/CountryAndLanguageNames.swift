/// Names of countries (ISO 3166-1 alpha-2) and languages (ISO 639-1) in the agenda languages,
/// for the countries and languages participants come with; others are shown by their code.
public enum CountryAndLanguageNames {
    /// The country's name in `language`, e.g. `美国` for `US` in Chinese; the code when unknown.
    public static func country(_ code: String, in language: AgendaLanguage) -> String {
        countries[code.uppercased()]?[language] ?? code
    }

    /// The language's name in `language`, e.g. `anglais` for `en` in French; the code when unknown.
    public static func language(_ code: String, in language: AgendaLanguage) -> String {
        languages[code.lowercased()]?[language] ?? code
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
    ]

    private static let languages: [String: [AgendaLanguage: String]] = [
        "zh": names("Chinese", "中文", "chinois"), "en": names("English", "英语", "anglais"), "fr": names("French", "法语", "français"),
        "es": names("Spanish", "西班牙语", "espagnol"), "de": names("German", "德语", "allemand"), "ja": names("Japanese", "日语", "japonais"),
        "ko": names("Korean", "韩语", "coréen"), "ru": names("Russian", "俄语", "russe"), "ar": names("Arabic", "阿拉伯语", "arabe"),
        "pt": names("Portuguese", "葡萄牙语", "portugais"), "it": names("Italian", "意大利语", "italien"), "hi": names("Hindi", "印地语", "hindi"),
    ]
}
