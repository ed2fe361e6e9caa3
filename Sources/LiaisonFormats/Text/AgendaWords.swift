import Foundation

/// The fixed texts of agendas and calendars in one language: labels, column heads, the words
/// for a free slot and a meeting, and the sizes reasons name.
public struct AgendaWords: Sendable {
    public let language: AgendaLanguage
    /// Labels of an agenda's head: whose agenda, the event, its date, venue and time zone, the number of meetings.
    public let agendaOf: String, event: String, date: String, venue: String, timeZone: String, meetings: String
    /// Column heads of the slots' rows.
    public let start: String, end: String, time: String, table: String, with: String, id: String, country: String, city: String
    public let offers: String, seeks: String, contact: String, interpreter: String, why: String, score: String
    /// A free slot, an agenda without meetings, and the two sides of an event.
    public let free: String, noMeeting: String, delegate: String, host: String
    private let meetingWithFormat: String, cancelledFormat: String, tableFormat: String, countFormat: String
    private let offsetFromFormat: String
    private let sizes: [CompanySizeName: String]

    /// The words of `language`.
    public static func of(_ language: AgendaLanguage) -> AgendaWords {
        switch language {
        case .en: english
        case .zh: chinese
        case .fr: french
        }
    }

    /// `Meeting with NAME`, the title of a meeting in a calendar.
    public func meetingWith(_ name: String) -> String { meetingWithFormat.replacingOccurrences(of: "%@", with: name) }
    /// A title marked as cancelled, e.g. `Cancelled: Meeting with NAME`.
    public func cancelled(_ title: String) -> String { cancelledFormat.replacingOccurrences(of: "%@", with: title) }
    /// `table 3`.
    public func tableNumber(_ table: Int) -> String { tableFormat.replacingOccurrences(of: "%d", with: "\(table)") }
    /// `3 meetings`.
    public func meetingCount(_ count: Int) -> String {
        (language == .en && count == 1 ? "1 meeting" : countFormat.replacingOccurrences(of: "%d", with: "\(count)"))
    }
    /// A time zone's offset from a date on, e.g. `UTC+02:00 from March 30, 2026` (`date` in words).
    public func offset(_ offset: String, from date: String) -> String {
        offsetFromFormat.replacingOccurrences(of: "{offset}", with: offset).replacingOccurrences(of: "{date}", with: date)
    }
    /// A size band as reasons name it, e.g. `medium`, `中型`, `moyenne`.
    public func size(_ band: String) -> String { CompanySizeName(rawValue: band).flatMap { sizes[$0] } ?? band }

    /// Size bands (the raw values of `CompanySize`).
    enum CompanySizeName: String { case micro, small, medium, large, enterprise }

    static let english = AgendaWords(
        language: .en, agendaOf: "Agenda of", event: "Event", date: "Date", venue: "Venue", timeZone: "Time zone", meetings: "Meetings",
        start: "Start", end: "End", time: "Time", table: "Table", with: "With", id: "ID", country: "Country", city: "City",
        offers: "Offers", seeks: "Seeks", contact: "Contact", interpreter: "Interpreter", why: "Why", score: "Score",
        free: "Free", noMeeting: "No meeting is scheduled for you.", delegate: "Delegate", host: "Host",
        meetingWithFormat: "Meeting with %@", cancelledFormat: "Cancelled: %@", tableFormat: "table %d", countFormat: "%d meetings",
        offsetFromFormat: "{offset} from {date}",
        sizes: [.micro: "micro", .small: "small", .medium: "medium", .large: "large", .enterprise: "enterprise"])

    static let chinese = AgendaWords(
        language: .zh, agendaOf: "会谈日程", event: "活动", date: "日期", venue: "地点", timeZone: "时区", meetings: "会谈场数",
        start: "开始", end: "结束", time: "时间", table: "桌号", with: "会谈对象", id: "编号", country: "国家", city: "城市",
        offers: "提供", seeks: "寻求", contact: "联系方式", interpreter: "翻译", why: "推荐理由", score: "匹配分",
        free: "空闲", noMeeting: "目前没有为您安排会谈。", delegate: "代表团企业", host: "东道方企业",
        meetingWithFormat: "与%@会谈", cancelledFormat: "已取消：%@", tableFormat: "%d号桌", countFormat: "%d场会谈",
        offsetFromFormat: "{date}起{offset}",
        sizes: [.micro: "微型", .small: "小型", .medium: "中型", .large: "大型", .enterprise: "特大型"])

    static let french = AgendaWords(
        language: .fr, agendaOf: "Programme de", event: "Événement", date: "Date", venue: "Lieu", timeZone: "Fuseau horaire",
        meetings: "Rendez-vous", start: "Début", end: "Fin", time: "Heure", table: "Table", with: "Avec", id: "Identifiant",
        country: "Pays", city: "Ville", offers: "Propose", seeks: "Recherche", contact: "Contact", interpreter: "Interprète",
        why: "Pourquoi", score: "Score", free: "Libre", noMeeting: "Aucun rendez-vous n'est prévu pour vous.", delegate: "Délégué",
        host: "Hôte", meetingWithFormat: "Rendez-vous avec %@", cancelledFormat: "Annulé\u{202F}: %@", tableFormat: "table %d",
        countFormat: "%d rendez-vous", offsetFromFormat: "{offset} à partir du {date}",
        sizes: [.micro: "micro", .small: "petite", .medium: "moyenne", .large: "grande", .enterprise: "très grande"])
}
