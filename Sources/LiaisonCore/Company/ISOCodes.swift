/// The code lists a company record is checked against.
public enum ISOCodes {
    /// ISO 3166-1 alpha-2: the 249 officially assigned country codes.
    public static let countries: Set<String> = Set("""
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS \
        BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE \
        EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM \
        HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC \
        LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA \
        NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW \
        SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO \
        TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init))

    /// ISO 639-1: the 183 two-letter language codes.
    public static let languages: Set<String> = Set("""
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de \
        dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia \
        id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo \
        lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl \
        ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk \
        tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.split(separator: " ").map(String.init))

    /// Lower-cased, de-duplicated language codes in their given order, from items as a sheet
    /// writes them: each a code or a language's name (``language(_:)``), or words that each are
    /// one (`Mandarin Chinese`, `Chinese (Mandarin)`, `zh en`). An item that is neither is
    /// appended to `issues` under `languages`, quoted as written.
    public static func languageList(_ items: [String], issues: inout [FieldIssue]) -> [String] {
        var list: [String] = []
        for raw in items {
            let item = raw.trimmingWhitespace()
            if item.isEmpty { continue }
            var codes = language(item).map { [$0] } ?? []
            if codes.isEmpty {
                // Words are languages when they are all names (`Mandarin Chinese`) or all codes
                // (`en zh`): in `English or Chinese` and `EN to ZH`, `or` and `to` are words, not
                // Odia and Tonga.
                let words = item.split { $0.isWhitespace || "()（）".contains($0) }.map(String.init)
                codes = words.compactMap(language)
                let asCodes = words.map { languages.contains(LanguageNames.key($0)) }
                let connectives = words.contains { ["or", "to"].contains(LanguageNames.key($0)) }
                guard !words.isEmpty, codes.count == words.count, Set(asCodes).count == 1, !connectives else {
                    issues.append(FieldIssue(field: "languages", message: "unknown language \(CompanyText.quoted(item)): give ISO 639-1 codes "
                                             + "(zh, en, fr…) or names (Chinese, 英语, français…), separated by ';'"))
                    continue
                }
            }
            for code in codes where !list.contains(code) { list.append(code) }
        }
        return list
    }
}
