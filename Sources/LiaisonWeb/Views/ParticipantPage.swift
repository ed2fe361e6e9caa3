import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling
import LiaisonStore

/// What the participant page template shows, every text made safe to display (``DisplayText``),
/// the profile form's values too; only hidden ids sent back by forms are kept as they are.
///
/// Rows carry the page's values their forms need (the form token, where they post): the template
/// engine looks a name up in the row first, and a miss there costs as much as the find.
struct ParticipantPage: Sendable {
    struct Suggestion: Sendable {
        /// The id as stored, sent back by the forms.
        var company: String
        var name: String
        var place: String
        var reasons: String
        /// Where a request for the pair stands, nil when there is none.
        var requested: String?
        var csrf: String
        var requestAction: String
        var declineAction: String
    }

    struct AgendaRow: Sendable {
        var time: String
        var table: Int
        var name: String
        var place: String
        var reasons: String
        var cancelled: Bool
        var counterpart: String
        var ratable: Bool
        var rating: String?
        /// Whether the page has a column for ratings (some meeting of the agenda can be rated).
        var afterEvent: Bool
        var csrf: String
        var rateAction: String
    }

    /// A company the participant said it is not interested in, with the form that takes it back.
    struct DeclinedRow: Sendable {
        /// The id as stored, sent back by the form.
        var company: String
        var name: String
        var place: String
        var csrf: String
        var undoAction: String
    }

    struct RequestRow: Sendable {
        var name: String
        var place: String
        var who: String
        var status: String
        var must: Bool
    }

    struct SizeOption: Sendable {
        var value: String
        /// The size as the page's language names it.
        var label: String
        var selected: Bool
    }

    /// The profile form's values, as stored but for hidden characters, shown as marks here too.
    struct ProfileForm: Sendable {
        var name: String
        var region: String
        var city: String
        var sizes: [SizeOption]
        var languages: String
        var offers: String
        var seeks: String
        var description: String
    }

    var lang: String
    var organizer: OrganizerBar?
    var notice: String?
    /// The fixed texts by name.
    var t: [String: String]
    var csrf: String
    var companyName: String
    var companyID: String
    var eventName: String
    /// Each day of the event with its hours, in the participant's language.
    var eventWhen: String
    var eventPlace: String
    /// The event's time zone with its offset, and each clock change between its days.
    var eventTimeZone: String
    var published: Bool
    var calendarHref: String
    var hasAgenda: Bool
    var afterEvent: Bool
    var agenda: [AgendaRow]
    var hasSuggestions: Bool
    var suggestions: [Suggestion]
    var hasRequests: Bool
    var requests: [RequestRow]
    /// The companies it said it is not interested in, through its link (never the organizer's
    /// blocks), by name.
    var hasDeclined: Bool
    var declined: [DeclinedRow]
    var shownRegionCity: String
    var shownSize: String
    var shownLanguages: String
    var shownOffers: String
    var shownSeeks: String
    var shownDescription: String
    var profileOpen: Bool
    var profileAction: String
    var form: ProfileForm

    init(view: ParticipantView, access: ParticipantAccess, token: String, suggestions: [EventMatchboard.Suggestion], notice: String?,
         taxonomy: Taxonomy, now: Date) throws {
        let language = PageLanguage(companyLanguages: view.company.company.languages)
        let t = language.text
        let agendaLanguage = AgendaLanguage(rawValue: language.rawValue) ?? .en
        // Reasons as agendas tell them: sectors, sizes and languages named in the page's language.
        let words = ReasonText(taxonomy: taxonomy, language: agendaLanguage)
        let company = view.company.company
        let spec = view.event
        let base = "/p/" + token
        func name(_ id: String) -> String { DisplayText.safe(view.counterparts[id]?.name ?? id) }
        // A city and its country's name in the page's language.
        func place(city: String, country: String) -> String {
            let country = country.isEmpty ? "" : CountryAndLanguageNames.country(country, in: agendaLanguage)
            return DisplayText.safe([city, country].filter { !$0.isEmpty }.joined(separator: language == .zh ? "，" : ", "))
        }
        func place(_ id: String) -> String {
            guard let other = view.counterparts[id] else { return DisplayText.safe(id) }
            return place(city: other.city, country: other.country)
        }
        func outcome(_ value: MeetingOutcome) -> String {
            switch value {
            case .didNotTakePlace: t.outcomeDidNotTakePlace
            case .noInterest: t.outcomeNoInterest
            case .followUpPlanned: t.outcomeFollowUp
            case .agreementInProgress: t.outcomeAgreement
            }
        }
        func status(_ request: MeetingRequest) -> String {
            switch request.status {
            case .pending: t.pending
            case .accepted: t.accepted
            case .declined: t.declined
            }
        }

        lang = language.code
        organizer = nil
        self.notice = notice
        self.t = language.table
        csrf = access.csrf
        companyName = DisplayText.safe(company.name)
        companyID = DisplayText.safe(company.id)
        eventName = DisplayText.safe(spec.name)
        // Each day with its hours: a day's slots run from its first slot's start to its last one's end.
        eventWhen = spec.days.indices.map { index in
            let slots = spec.slots(ofDay: index)
            return language.longDate(spec.days[index].date) + language.text.comma + spec.startTime(ofSlot: slots.lowerBound) + "–"
                + EventSpec.clock(spec.startMinute(ofSlot: slots.upperBound) + spec.slotMinutes)
        }.joined(separator: "; ")
        eventPlace = DisplayText.safe(spec.venue.isEmpty ? spec.city : spec.venue)
        // With its offset on the event's days, as the printable agenda gives it.
        eventTimeZone = DisplayText.safe(ParticipantAgenda.zoneText(spec, words: AgendaWords.of(agendaLanguage)))
        published = view.agenda != nil
        calendarHref = base + "/agenda.ics"
        let rateAction = base + "/rate", requestAction = base + "/request", declineAction = base + "/not-interested"
        var agenda = (view.agenda ?? []).map { entry in
            let start = spec.startMinute(ofSlot: entry.slot)
            let ended = LiaisonDatabase.end(ofSlot: entry.slot, in: spec).map { $0 <= now } ?? false
            // The day too when the event has several.
            let day = spec.days.count > 1 ? language.longDate(spec.date(ofSlot: entry.slot)) + language.text.comma : ""
            return AgendaRow(time: day + EventSpec.clock(start) + "–" + EventSpec.clock(start + spec.slotMinutes), table: entry.table,
                             name: name(entry.counterpart), place: place(entry.counterpart), reasons: DisplayText.safe(words.plainLine(entry.reasons)),
                             cancelled: entry.cancelled, counterpart: entry.counterpart, ratable: ended && !entry.cancelled,
                             rating: view.ratings[entry.counterpart].map(outcome), afterEvent: false, csrf: access.csrf,
                             rateAction: rateAction)
        }
        let afterEvent = agenda.contains(where: \.ratable)
        for index in agenda.indices { agenda[index].afterEvent = afterEvent }
        self.agenda = agenda
        hasAgenda = !agenda.isEmpty
        self.afterEvent = afterEvent

        let byOther = Dictionary(view.requests.map { (view.other(in: ($0.a, $0.b)), $0) }, uniquingKeysWith: { a, _ in a })
        self.suggestions = suggestions.map { suggestion in
            Suggestion(company: suggestion.company, name: DisplayText.safe(suggestion.name),
                       place: place(city: suggestion.city, country: suggestion.country),
                       reasons: DisplayText.safe(words.plainLine(suggestion.reasons)), requested: byOther[suggestion.company].map(status),
                       csrf: access.csrf, requestAction: requestAction, declineAction: declineAction)
        }
        hasSuggestions = !self.suggestions.isEmpty
        requests = view.requests.map { request in
            let other = view.other(in: (request.a, request.b))
            let who = request.origin == .organizer ? t.arrangedByOrganizer : request.a == company.id ? t.askedByYou : t.askedByThem
            return RequestRow(name: name(other), place: place(other), who: who, status: status(request), must: request.must)
        }.sorted { $0.name < $1.name }
        hasRequests = !requests.isEmpty
        let undoAction = base + "/interested"
        declined = view.declined.map { other in
            DeclinedRow(company: other, name: name(other), place: place(other), csrf: access.csrf, undoAction: undoAction)
        }.sorted { $0.name < $1.name }
        hasDeclined = !declined.isEmpty

        // The city first, as the page places other companies (`Montréal, QC`).
        shownRegionCity = DisplayText.safe([company.city, company.region].filter { !$0.isEmpty }.joined(separator: language.text.comma))
        // The profile as shown, in the page's language (the form below edits it in sector ids and names).
        let list = language == .zh ? "、" : ", "
        shownSize = company.size.map { AgendaWords.of(agendaLanguage).size($0.rawValue) } ?? "—"
        shownLanguages = DisplayText.safe(company.languages.map { CountryAndLanguageNames.language($0, in: agendaLanguage) }.joined(separator: list))
        shownOffers = DisplayText.safe(Self.profileNames(company.offers, taxonomy, in: agendaLanguage))
        shownSeeks = DisplayText.safe(Self.profileNames(company.seeks, taxonomy, in: agendaLanguage))
        shownDescription = DisplayText.safe(company.description)
        profileOpen = false
        profileAction = base + "/profile"
        form = ProfileForm(name: DisplayText.safe(company.name), region: DisplayText.safe(company.region), city: DisplayText.safe(company.city),
                           sizes: CompanySize.allCases.map {
                               SizeOption(value: $0.rawValue, label: AgendaWords.of(agendaLanguage).size($0.rawValue), selected: $0 == company.size)
                           },
                           languages: company.languages.joined(separator: " "), offers: company.offers.text, seeks: company.seeks.text,
                           description: DisplayText.safe(company.description))
    }

    /// A profile's sectors by name in `language`, heaviest first.
    static func profileNames(_ profile: SectorProfile, _ taxonomy: Taxonomy, in language: AgendaLanguage = .en) -> String {
        profile.entries.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.sector < $1.sector }.map { entry in
            SectorNames.name(entry.sector, in: language, taxonomy: taxonomy)
        }.joined(separator: language == .zh ? "、" : ", ")
    }
}
