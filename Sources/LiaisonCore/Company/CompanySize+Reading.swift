import Foundation

extension CompanySize {
    /// The fewest employees a company of the band has. The bands are by headcount, as the EU
    /// defines micro, small and medium enterprises (fewer than 10, 50, 250) with two more above
    /// them: micro 1–9, small 10–49, medium 50–249, large 250–999, enterprise 1,000 or more.
    public var fewestEmployees: Int {
        switch self {
        case .micro: 1
        case .small: 10
        case .medium: 50
        case .large: 250
        case .enterprise: 1000
        }
    }

    /// The band of a company of `employees` people (at least 1).
    public init(employees: Int) {
        self = Self.allCases.last { $0.fewestEmployees <= employees } ?? .micro
    }

    /// The band a sheet means by `text` (trimmed, not empty): a band's name in any case, its
    /// Chinese label (`大型`, `中型企业`, `小型`, `微型`; `特大型` is enterprise), or a headcount
    /// (`250`, `1,200`, `约300人`, `300 employees`, `500+`, `100人以上`) read by
    /// ``fewestEmployees``. A range (`50-200`, `20~30人`) is read by its middle when its ends lie
    /// in one band or two neighbouring ones, as a sheet's buckets do (`51-200`, `201-500`); a range
    /// over three bands or more says too little and is refused. `SME` (`中小企业`), several bands
    /// at once, is refused saying so.
    public init(reading text: String) throws(FieldIssue) {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased().trimmingWhitespace()
        if let band = Self(rawValue: folded) ?? Self.chineseLabels[Self.dropping(["企业", "公司"], from: folded)] {
            self = band
            return
        }
        if Self.severalBands.contains(folded.filter { !$0.isWhitespace && $0 != "'" && $0 != "." }) {
            throw FieldIssue(field: "size", message: "\(CompanyText.quoted(text)) is several bands (micro, small or medium): give one, or the number of employees")
        }
        guard let (low, high) = Self.headcount(folded), low >= 1 || high >= 1, low <= high else {
            throw FieldIssue(field: "size", message: "unknown size \(CompanyText.quoted(text)); use one of "
                             + "\(Self.allCases.map(\.rawValue).joined(separator: ", ")), or the number of employees")
        }
        let (first, last) = (Self(employees: max(low, 1)), Self(employees: high))
        guard last.rank - first.rank <= 1 else {
            throw FieldIssue(field: "size", message: "\(CompanyText.quoted(text)) employees spans the bands \(first.rawValue) to \(last.rawValue); "
                             + "give one band or a narrower range (micro 1–9, small 10–49, medium 50–249, large 250–999, enterprise 1,000 or more)")
        }
        self = Self(employees: max(1, (low + high) / 2))
    }

    /// The official Chinese size labels (GB/T: 大型, 中型, 小型, 微型 企业), and 特大型.
    private static let chineseLabels: [String: CompanySize] = ["微型": .micro, "小型": .small, "中型": .medium, "大型": .large, "特大型": .enterprise]

    /// Names of several bands at once, spaces, dots and apostrophes removed.
    private static let severalBands: Set<String> = ["sme", "smes", "msme", "msmes", "中小企业", "中小型", "中小型企业", "中小微", "中小微企业", "小微", "小微企业"]

    /// Words around a headcount: `约`, `about`, `人`, `employees`, `以上`, `+`…
    private static let headcountPrefixes = ["approximately", "approx.", "approx", "about", "around", "circa", "ca.", "over", "more than",
                                            "大约", "约", "超过", "~", "≈", ">", "≥"]
    private static let headcountSuffixes = ["employees", "employee", "staff", "people", "persons", "emps", "emp", "ftes", "fte",
                                            "名员工", "员工", "左右", "以上", "多人", "人", "名", "+"]

    /// `text` without any of `suffixes` at its end.
    private static func dropping(_ suffixes: [String], from text: String) -> String {
        suffixes.first(where: text.hasSuffix).map { String(text.dropLast($0.count)) } ?? text
    }

    /// The lowest and highest headcount `text` gives: one number (with `,` between thousands,
    /// or Excel's `.0`), or two separated by `-`, `–`, `~`, `至`, `到` or `to`, with words around.
    private static func headcount(_ text: String) -> (Int, Int)? {
        var rest = text
        while true {
            let before = rest
            for prefix in headcountPrefixes where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count).trimmingWhitespace() }
            for suffix in headcountSuffixes where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count).trimmingWhitespace() }
            if rest == before { break }
        }
        for separator in ["-", "–", "—", "~", "至", "到", " to "] where rest.contains(separator) {
            let ends = rest.components(separatedBy: separator)
            guard ends.count == 2, let low = number(ends[0]), let high = number(ends[1]) else { return nil }
            return (low, high)
        }
        return number(rest).map { ($0, $0) }
    }

    /// A whole number as a sheet writes it: `1200`, `1,200`, `1200.0` (not `1.200`, which a sheet
    /// written the European way means as a thousand and more).
    private static func number(_ text: String) -> Int? {
        var digits = text.trimmingWhitespace()
        for word in headcountSuffixes where digits.hasSuffix(word) { digits = digits.dropLast(word.count).trimmingWhitespace() }
        // Excel's `.0` only: `1.000` may be a thousand written the European way, and is refused.
        if digits.hasSuffix(".0") { digits = String(digits.dropLast(2)) }
        let groups = digits.split(separator: ",", omittingEmptySubsequences: false)
        guard !digits.isEmpty, digits.count <= 9, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count == 1 || groups[0].count <= 3 else { return nil }
        return Int(groups.joined())
    }
}
