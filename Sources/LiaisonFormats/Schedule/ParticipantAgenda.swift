import Foundation
import LiaisonCore
import LiaisonScheduling

/// What one participant's agenda says, in its language and from its side: who it is, the
/// event's name, date, venue and time zone, then its day slot by slot — each meeting with its
/// time, table, counterpart (name, country, city, what it offers and seeks, its contact), the
/// interpreter where either side needs one and the reasons told to this participant, and each
/// slot it is available but not meeting shown as free. The CSV, ICS and HTML agendas all render
/// this one value; scores appear only when asked for (`withScores`: they are the organizer's).
public struct ParticipantAgenda: Sendable {
    /// A meeting as its participant reads it.
    public struct Meeting: Sendable {
        /// The meeting as scheduled, with its calendar sequence.
        public var entry: ScheduleDocument.Entry
        public var date: String
        public var start: String
        public var end: String
        public var table: Int
        /// The other party's id, name, country (in words), city, sectors (in words) and contact.
        public var counterpart: String
        public var name: String
        public var country: String
        public var city: String
        public var offers: [String]
        public var seeks: [String]
        public var contact: ContactDetails
        /// The interpretation either side asked for (e.g. `zh-en`), nil when neither did.
        public var interpreter: String?
        /// The reasons in words, from this participant's side; with their contributions when scores are shown.
        public var reasons: [String]
        /// The meeting's score, only when scores are shown.
        public var score: Double?
    }

    /// One line of the day: a meeting, or a slot the participant is available in and free.
    public enum Line: Sendable {
        case meeting(Meeting)
        case free(slot: Int, date: String, start: String, end: String)
    }

    public var company: String
    public var name: String
    /// Its side, nil in an open event (any two participants may meet: no sides).
    public var side: Side?
    public var words: AgendaWords
    public var eventName: String
    /// The event's date(s) in words, e.g. `December 5, 2025`.
    public var dates: String
    /// Whether the event has several days: each line then needs its date.
    public var severalDays: Bool
    /// The venue's address, or the city when no venue was given.
    public var venue: String
    /// The IANA zone and its offset on the event's days, e.g. `America/Los_Angeles (UTC-08:00)`.
    public var timeZone: String
    /// The interpretation this participant asked for.
    public var interpreter: String?
    public var lines: [Line]
    /// Whether scores and contributions are shown.
    public var withScores: Bool

    /// The meetings of the day, in order.
    public var meetings: [Meeting] {
        lines.compactMap { if case .meeting(let meeting) = $0 { meeting } else { nil } }
    }

    /// The agenda of `company`, a participant of `document`.
    public init(of company: String, in document: ScheduleDocument, withScores: Bool = false) {
        let event = document.event
        let person = document.people[company]
        let language = document.language(of: company)
        let words = AgendaWords.of(language)
        let reasonText = ReasonText(taxonomy: document.taxonomy, language: language)
        // Each slot on its own day's date: a meeting of the second day shows the second date.
        let dayDates = event.days.map { AgendaDate.long($0.date, in: language) }
        func clock(_ slot: Int) -> (date: String, start: String, end: String) {
            let time = event.slotTime(slot)
            let date = dayDates.indices.contains(time.day) ? dayDates[time.day] : AgendaDate.long(time.date, in: language)
            return (date, EventSpec.clock(time.startMinute), EventSpec.clock(time.startMinute + event.slotMinutes))
        }
        func sectors(_ ids: [String]) -> [String] { ids.map { SectorNames.name($0, in: language, taxonomy: document.taxonomy) } }

        let agenda = document.agenda(of: company)
        let meetings = agenda.map { entry -> Meeting in
            let other = document.counterpart(of: company, in: entry.meeting)
            let them = document.people[other]
            let interpreters = [person?.participant.interpreter, them?.participant.interpreter].compactMap { $0 }
            let reasons = document.reasons(of: entry, seenBy: company)
            let times = clock(entry.meeting.slot)
            return Meeting(
                entry: entry, date: times.date, start: times.start, end: times.end, table: entry.meeting.table, counterpart: other,
                name: document.name(other), country: them.map { CountryAndLanguageNames.country($0.country, in: language) } ?? "",
                city: them?.city ?? "", offers: sectors(them?.offers ?? []), seeks: sectors(them?.seeks ?? []),
                contact: them?.contact ?? ContactDetails(),
                interpreter: interpreters.isEmpty ? nil : interpreters.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                    .joined(separator: ", "),
                reasons: withScores ? reasons.map(reasonText.item) : reasons.map(reasonText.text),
                score: withScores ? entry.meeting.score : nil)
        }
        let busy = Set(agenda.map(\.meeting.slot))
        var lines: [(slot: Int, line: Line)] = zip(agenda, meetings).map { ($0.meeting.slot, .meeting($1)) }
        for slot in event.slotNumbers where !busy.contains(slot) && person?.participant.available.contains(slot) != false {
            let times = clock(slot)
            lines.append((slot, .free(slot: slot, date: times.date, start: times.start, end: times.end)))
        }

        self.company = company
        self.name = document.name(company)
        self.side = event.pairing == .open ? nil : person?.participant.side ?? .delegate
        self.words = words
        self.eventName = event.name
        self.severalDays = dayDates.count > 1
        self.dates = dayDates.count > 1 ? "\(dayDates[0]) – \(dayDates[dayDates.count - 1])" : dayDates.first ?? ""
        self.venue = event.venue.isEmpty ? event.city : event.venue
        self.timeZone = Self.zoneText(event, words: words)
        self.interpreter = person?.participant.interpreter
        self.lines = lines.enumerated().sorted { ($0.element.slot, $0.offset) < ($1.element.slot, $1.offset) }.map(\.element.line)
        self.withScores = withScores
    }

    /// `America/Los_Angeles (UTC-08:00)`: the zone and its offset when the event starts; for an
    /// event whose days fall on both sides of a clock change, each change from the day it holds,
    /// in `words`' language: `Europe/Madrid (UTC+01:00; UTC+02:00 from March 30, 2026)`.
    public static func zoneText(_ event: EventSpec, words: AgendaWords) -> String {
        guard let zone = TimeZone(identifier: event.timeZone) else { return event.timeZone }
        var changes: [String] = [], last: Int?
        for (index, day) in event.days.enumerated() {
            guard let start = event.instant(ofSlot: event.slots(ofDay: index).lowerBound) else { return event.timeZone }
            let seconds = zone.secondsFromGMT(for: start)
            guard seconds != last else { continue }
            let offset = Self.offsetText(seconds)
            changes.append(last == nil ? offset : words.offset(offset, from: AgendaDate.long(day.date, in: words.language)))
            last = seconds
        }
        let separator = words.language == .zh ? "；" : "; "
        return changes.isEmpty ? event.timeZone : "\(event.timeZone) (\(changes.joined(separator: separator)))"
    }

    /// `UTC-08:00` for eight hours west of UTC.
    static func offsetText(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return "UTC\(seconds < 0 ? "-" : "+")" + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }
}
