import Foundation

/// Language names a sheet may write instead of an ISO 639-1 code: the common languages of trade
/// delegations by their English, Chinese, French and own names (`English`, `英语`, `anglais`;
/// `Mandarin`, `普通话`, `Cantonese` and `粤语` are `zh`).
enum LanguageNames {
    /// A name's ``key(_:)`` → its ISO 639-1 code.
    static let codes: [String: String] = {
        var codes: [String: String] = [:]
        for (code, names) in table {
            for name in names {
                precondition(codes[key(name)] == nil, "the language name \(name) is given twice")
                codes[key(name)] = code
            }
        }
        return codes
    }()

    /// The form names are compared in: full-width folded (NFKC), lower case, accents removed,
    /// runs of spaces one space (`Français`, `francais` and `ＦＲＥＮＣＨ` are one name).
    static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        let letters = String(String.UnicodeScalarView(folded.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
        return letters.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static let table: [(code: String, names: [String])] = [
        ("zh", ["Chinese", "Mandarin", "Mandarin Chinese", "Cantonese", "Putonghua", "Standard Chinese", "中文", "汉语", "漢語", "普通话",
                "普通話", "国语", "國語", "华语", "華語", "粤语", "粵語", "广东话", "廣東話", "chinois", "cantonais"]),
        ("en", ["English", "英语", "英文", "英語", "anglais"]),
        ("fr", ["French", "Français", "法语", "法文", "法語"]),
        ("es", ["Spanish", "Español", "Castilian", "西班牙语", "西班牙文", "西语", "espagnol"]),
        ("de", ["German", "Deutsch", "德语", "德文", "德語", "allemand"]),
        ("ja", ["Japanese", "日本語", "日语", "日文", "japonais"]),
        ("ko", ["Korean", "한국어", "韩语", "韩文", "韓語", "朝鲜语", "coréen"]),
        ("ru", ["Russian", "Русский", "俄语", "俄文", "俄語", "russe"]),
        ("ar", ["Arabic", "العربية", "阿拉伯语", "阿拉伯文", "arabe"]),
        ("pt", ["Portuguese", "Português", "葡萄牙语", "葡萄牙文", "葡语", "portugais"]),
        ("it", ["Italian", "Italiano", "意大利语", "意大利文", "italien"]),
        ("vi", ["Vietnamese", "Tiếng Việt", "越南语", "越南文", "vietnamien"]),
        ("th", ["Thai", "ภาษาไทย", "泰语", "泰文"]),
        ("id", ["Indonesian", "Bahasa Indonesia", "印尼语", "印度尼西亚语", "indonésien"]),
        ("ms", ["Malay", "Bahasa Melayu", "马来语", "malais"]),
        ("hi", ["Hindi", "हिन्दी", "印地语"]),
        ("nl", ["Dutch", "Nederlands", "荷兰语", "néerlandais"]),
        ("tr", ["Turkish", "Türkçe", "土耳其语", "turc"]),
        ("pl", ["Polish", "Polski", "波兰语", "polonais"]),
        ("sv", ["Swedish", "Svenska", "瑞典语", "suédois"]),
        ("da", ["Danish", "Dansk", "丹麦语", "danois"]),
        ("fi", ["Finnish", "Suomi", "芬兰语", "finnois"]),
        ("no", ["Norwegian", "Norsk", "挪威语", "norvégien"]),
        ("el", ["Greek", "Ελληνικά", "希腊语", "grec"]),
        ("cs", ["Czech", "Čeština", "捷克语", "tchèque"]),
        ("hu", ["Hungarian", "Magyar", "匈牙利语", "hongrois"]),
        ("ro", ["Romanian", "Română", "罗马尼亚语", "roumain"]),
        ("uk", ["Ukrainian", "Українська", "乌克兰语", "ukrainien"]),
        ("he", ["Hebrew", "עברית", "希伯来语", "hébreu"]),
        ("fa", ["Persian", "Farsi", "فارسی", "波斯语", "persan"]),
        ("ur", ["Urdu", "اردو", "乌尔都语", "ourdou"]),
        ("bn", ["Bengali", "Bangla", "বাংলা", "孟加拉语"]),
        ("tl", ["Tagalog", "Filipino", "菲律宾语", "他加禄语"]),
        ("km", ["Khmer", "ខ្មែរ", "高棉语"]),
        ("lo", ["Lao", "ລາວ", "老挝语"]),
        ("my", ["Burmese", "缅甸语", "birman"]),
        ("mn", ["Mongolian", "Монгол", "蒙古语", "mongol"]),
        ("kk", ["Kazakh", "Қазақ", "哈萨克语"]),
        ("uz", ["Uzbek", "O'zbek", "乌兹别克语", "ouzbek"]),
        ("sw", ["Swahili", "Kiswahili", "斯瓦希里语"]),
    ]
}

extension ISOCodes {
    /// The ISO 639-1 code a sheet means by `text`: a code in any case (`ZH`, `ｅｎ`) or a
    /// language's English, Chinese, French or own name (``LanguageNames``); nil otherwise.
    public static func language(_ text: String) -> String? {
        let key = LanguageNames.key(text)
        if languages.contains(key) { return key }
        return LanguageNames.codes[key]
    }
}
