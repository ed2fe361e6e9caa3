/// The languages agendas, calendars and reasons are written in.
public enum AgendaLanguage: String, CaseIterable, Hashable, Sendable, Codable {
    case zh, en, fr

    /// The language of a company's agenda: Chinese when its first language is `zh`, French
    /// when it is `fr`, English otherwise (a company's later languages are ones it can get by
    /// in; its first is the one it reads best).
    ///
    ///     AgendaLanguage(languages: ["zh", "en"])  // .zh
    ///     AgendaLanguage(languages: ["en", "fr"])  // .en
    ///     AgendaLanguage(languages: [])            // .en
    public init(languages: [String]) {
        let first = languages.first?.lowercased().split(separator: "-").first.map(String.init) ?? ""
        self = first == "zh" ? .zh : first == "fr" ? .fr : .en
    }
}
