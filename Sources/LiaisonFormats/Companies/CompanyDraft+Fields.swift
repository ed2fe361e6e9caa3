import LiaisonCore

extension CompanyDraft {
    /// Sets the field named by a file column from its text, as CSV writes it: languages separated
    /// by the separators a sector list takes (`;`, `,`, `、`, `/`, `|` and their full-width forms)
    /// or spaces; profiles as `sector:weight;sector` (`；` also separates). Every form that takes
    /// a company's fields as text reads them here, so it accepts what an import accepts.
    public mutating func setField(_ column: String, text: String) throws(FieldIssue) {
        switch column {
        case "id": id = text
        case "name": name = text
        case "country": country = text
        case "region": region = text
        case "city": city = text
        case "size": size = text
        case "languages": languages = text.split(whereSeparator: Self.languageSeparators.contains).map(String.init)
        case "naics": naics = text
        case "industry": industry = text
        case "description": description = text
        case "contact": contact = text
        case "email": email = text
        case "phone": phone = text
        case "website": website = text
        case "offers": offers = try ProfileEntry.parseList(text, field: column)
        case "seeks": seeks = try ProfileEntry.parseList(text, field: column)
        default: throw CompanyFileFormat.unknownField(column)
        }
    }

    /// What separates the languages of one cell; spaces, which also separate words of one
    /// language's name (`Mandarin Chinese`), are left to validation.
    private static let languageSeparators: Set<Character> = [";", ",", "、", "，", "；", "/", "／", "|", "｜"]
}
