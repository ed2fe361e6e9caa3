import Foundation
import LiaisonCore

/// The header names a company sheet may use for each of Liaison's fields, in English and Chinese.
///
/// Names are compared by their ``key(_:)``: full-width forms folded, lower case, and only letters
/// and digits kept, so `Company Name`, `company_name`, `COMPANY-NAME` and `Ｃｏｍｐａｎｙ Ｎａｍｅ`
/// are one name, and `E-mail` is `email`.
public enum ColumnNames {
    /// Each field with the other names it is known by (the field's own name always works).
    public static let aliases: [(field: String, names: [String])] = [
        ("id", ["Company ID", "Company Code", "Code", "Ref", "Reference", "Ref No", "Registration ID", "Registration No",
                "Registration Number", "Participant ID", "Delegate ID", "Exhibitor ID", "Member ID", "Ticker", "Symbol",
                "Stock Code", "编号", "公司编号", "企业编号", "代码", "公司代码", "企业代码", "股票代码", "证券代码", "报名编号", "参会编号"]),
        ("name", ["Company Name", "Company", "Company Full Name", "Organization", "Organisation", "Organization Name",
                  "Organisation Name", "Firm", "Firm Name", "Enterprise", "Enterprise Name", "Business Name", "Legal Name",
                  "Exhibitor", "Exhibitor Name", "公司名称", "公司", "公司全称", "企业名称", "企业", "企业全称", "单位名称", "单位",
                  "名称", "机构名称", "参展商"]),
        ("country", ["Country Code", "Country/Region", "Nation", "国家", "国别", "国家地区", "国家/地区", "国家或地区", "国家代码"]),
        ("region", ["State", "Province", "State/Province", "Province/State", "省份", "省", "州", "地区", "省/州", "所在省份"]),
        ("city", ["Town", "城市", "市", "所在城市"]),
        ("size", ["Company Size", "Size Band", "Employee Band", "规模", "企业规模", "公司规模"]),
        ("languages", ["Language", "Lang", "Working Languages", "Working Language", "语言", "工作语言"]),
        ("naics", ["NAICS Code", "NAICS 2022", "NAICS 2017"]),
        ("industry", ["Sector", "Industries", "Industry Sector", "Business Sector", "Category", "Business Category", "Field",
                      "Business Field", "Line of Business", "行业", "所属行业", "行业类别", "行业分类", "产业", "领域", "所属领域"]),
        ("offers", ["Offer", "Offering", "Offerings", "We Offer", "What We Offer", "Provides", "提供", "供应", "可提供"]),
        ("seeks", ["Seek", "Seeking", "Looking for", "Looking", "Needs", "Need", "Wants", "Interests", "Interested in",
                   "Demand", "Demands", "Target Industry", "Target Industries", "Target Sector", "Target Sectors", "Industries Sought",
                   "需求", "寻求", "寻找", "采购需求", "合作需求", "意向", "合作意向", "目标行业", "需求行业"]),
        ("description", ["Summary", "About", "Profile", "Company Profile", "Company Description", "Business Description",
                         "简介", "公司简介", "企业简介", "描述", "介绍", "业务描述", "主营业务"]),
        ("contact", ["Contact Person", "Contact Name", "Contacts", "Representative", "联系人", "联系人姓名", "对接人"]),
        ("email", ["E-mail", "Email Address", "E-mail Address", "Mail", "Contact Email", "Contact E-mail", "邮箱", "电子邮箱", "电子邮件",
                   "邮件", "联系邮箱"]),
        ("phone", ["Telephone", "Tel", "Phone Number", "Mobile", "Cell", "Cell Phone", "Mobile Phone", "Contact Phone", "Contact Number",
                   "电话", "联系电话", "手机", "手机号", "电话号码", "联系方式"]),
        ("website", ["Web", "Web Site", "URL", "Homepage", "Home Page", "Site", "Web Page", "Company Website", "Website URL", "网站", "网址",
                     "官网", "主页", "公司网站"]),
    ]

    /// The field each name key stands for.
    static let fieldByKey: [String: String] = {
        var byKey: [String: String] = [:]
        for (field, names) in aliases {
            for name in [field] + names {
                let key = key(name)
                precondition(byKey[key] == nil || byKey[key] == field, "the header name \(name) is given to two fields")
                byKey[key] = field
            }
        }
        return byKey
    }()

    /// The field a header name stands for, nil for a column of the organizer's own.
    public static func field(named name: String) -> String? {
        fieldByKey[key(name)]
    }

    /// The field a header names in one line, whole or in parts: a bilingual header written on one
    /// line (`需求/Needs`, `城市 City`, `Industry（行业）`) or a name with a note (`Mobile/WeChat`,
    /// `Company (EN)`) is read by its parts, separated by `/`, `|` or brackets or where Chinese
    /// meets Latin letters, when those that name a field all name the same one. Parts naming
    /// different fields (`Contact (Email)`) name none: the column stays the organizer's own.
    static func field(namedIn line: String) -> String? {
        if let field = field(named: line) { return field }
        let separators: Set<Character> = ["/", "／", "|", "｜", "(", ")", "（", "）", "[", "]", "【", "】"]
        let named = Set(line.split(whereSeparator: separators.contains).flatMap(scriptRuns).compactMap { field(named: String($0)) })
        return named.count == 1 ? named.first : nil
    }

    /// `text` cut where Chinese characters meet others (`城市 City` is `城市` and ` City`).
    private static func scriptRuns(_ text: Substring) -> [Substring] {
        func isHan(_ character: Character) -> Bool { character.unicodeScalars.contains(where: \.isHan) }
        var runs: [Substring] = [], start = text.startIndex
        for index in text.indices.dropFirst() where isHan(text[index]) != isHan(text[text.index(before: index)]) {
            runs.append(text[start..<index])
            start = index
        }
        runs.append(text[start...])
        return runs
    }

    /// The form names are compared in: full-width folded (NFKC), lower case, letters and digits only.
    public static func key(_ name: String) -> String {
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }
}
