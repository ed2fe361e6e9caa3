import Foundation
import LiaisonScheduling

/// Calendars of a schedule (RFC 5545): one per participant, one VEVENT per meeting.
///
/// Each meeting's UID is stable for the event and the pair, and its SEQUENCE grows when the
/// meeting moves, so importing an updated calendar updates the meeting instead of duplicating
/// it; published meetings no longer scheduled are sent as cancelled. Times carry the event's
/// time zone (with its VTIMEZONE); lines are folded at 75 octets and text is escaped.
public enum ScheduleICS {
    /// Files by path relative to the export directory: `NAME.ics` per calendar holder (the name
    /// from ``ScheduleDocument/fileNames``). Scores appear in descriptions only `withScores`.
    /// - Parameter stamp: the DTSTAMP of every event (when the calendars were produced).
    public static func files(_ document: ScheduleDocument, stamp: Date, withScores: Bool = false) -> [(path: String, data: Data)] {
        let names = document.fileNames
        return document.calendarHolders.map { company in
            (path: "\(names[company]!).ics", data: Data(calendar(for: company, document, stamp: stamp, withScores: withScores).utf8))
        }
    }

    /// The UID of a meeting: the event's id, the delegate's and the host's, each with `%`, `/`
    /// and `@` percent-encoded, joined by `/`, then `@liaison` — so no two pairs share one (`UQ/A`
    /// meeting `B` and `UQ` meeting `A/B` differ), and plain ids give `forum/CN-0001/CA-0002@liaison`.
    public static func uid(event: String, _ meeting: Meeting) -> String {
        [event, meeting.delegate, meeting.host].map(uidPart).joined(separator: "/") + "@liaison"
    }

    private static func uidPart(_ id: String) -> String {
        var part = ""
        for character in id.unicodeScalars {
            switch character {
            case "%": part += "%25"
            case "/": part += "%2F"
            case "@": part += "%40"
            default: part.unicodeScalars.append(character)
            }
        }
        return part
    }

    /// One participant's calendar in its language, lines joined by CRLF: each meeting titled
    /// with the other party, at its table and the venue, described as its agenda describes it;
    /// cancelled meetings after them.
    public static func calendar(for company: String, _ document: ScheduleDocument, stamp: Date, withScores: Bool = false) -> String {
        let event = document.event
        let agenda = ParticipantAgenda(of: company, in: document, withScores: withScores)
        let words = agenda.words
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaison//Liaison meeting schedules//EN",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escaped("\(event.name) — \(document.name(company))")]
        lines += timeZone(event)
        let active = agenda.meetings.map { ($0.entry.meeting, $0.entry.sequence, false, description($0, words: words)) }
        let cancelled = document.cancelled.filter { $0.meeting.delegate == company || $0.meeting.host == company }.map {
            let other = document.counterpart(of: company, in: $0.meeting)
            return ($0.meeting, $0.sequence, true, "\(document.name(other)) (\(other))")
        }
        for (meeting, sequence, isCancelled, description) in active + cancelled {
            let other = document.counterpart(of: company, in: meeting)
            let start = event.startMinute(ofSlot: meeting.slot)
            let title = words.meetingWith(document.name(other))
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escaped(uid(event: event.id, meeting)),
                "DTSTAMP:" + utc(stamp),
                "DTSTART;TZID=\(event.timeZone):" + local(event.date(ofSlot: meeting.slot), minute: start),
                "DTEND;TZID=\(event.timeZone):" + local(event.date(ofSlot: meeting.slot), minute: start + event.slotMinutes),
                "SEQUENCE:\(sequence)",
                "STATUS:" + (isCancelled ? "CANCELLED" : "CONFIRMED"),
                "SUMMARY:" + escaped(isCancelled ? words.cancelled(title) : title),
                "LOCATION:" + escaped("\(event.name), \(words.tableNumber(meeting.table)), \(agenda.venue)"),
                "DESCRIPTION:" + escaped(description),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(folded).joined(separator: "\r\n") + "\r\n"
    }

    /// A meeting's description: the other party's name and id, its country and city, what it
    /// offers and seeks, its contact, the interpreter, the reasons (and the score when shown).
    private static func description(_ meeting: ParticipantAgenda.Meeting, words: AgendaWords) -> String {
        let list = words.language == .zh ? "、" : ", ", colon = words.language == .zh ? "：" : words.language == .fr ? " : " : ": "
        var lines = ["\(meeting.name) (\(meeting.counterpart))"]
        let place = [meeting.city, meeting.country].filter { !$0.isEmpty }.joined(separator: ", ")
        if !place.isEmpty { lines.append(place) }
        if !meeting.offers.isEmpty { lines.append(words.offers + colon + meeting.offers.joined(separator: list)) }
        if !meeting.seeks.isEmpty { lines.append(words.seeks + colon + meeting.seeks.joined(separator: list)) }
        if !meeting.contact.given.isEmpty { lines.append(words.contact + colon + meeting.contact.line) }
        if let interpreter = meeting.interpreter { lines.append(words.interpreter + colon + interpreter) }
        if !meeting.reasons.isEmpty { lines.append(words.why + colon + meeting.reasons.joined(separator: words.language == .zh ? "；" : "; ")) }
        if let score = meeting.score { lines.append(words.score + colon + String(format: "%.4f", score)) }
        return lines.joined(separator: "\n")
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks.
    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// A content line folded into lines of at most 75 octets, each continuation starting with
    /// a space, never splitting a UTF-8 sequence (a long cluster of combining marks may be
    /// split between its scalars, as RFC 5545 allows).
    public static func folded(_ line: String) -> [String] {
        var lines: [String] = []
        var current = "", octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > 75 {
                lines.append(current)
                current = " "
                octets = 1
            }
            current.unicodeScalars.append(scalar)
            octets += size
        }
        lines.append(current)
        return lines
    }

    /// The VTIMEZONE of the event's zone: its offset transitions from the start of the year
    /// before the event's first day to the end of the year of its last (so an event in January
    /// has the observance in force since the autumn before, and every day of an event that runs
    /// into a later year has its own), or one standard observance for zones without daylight
    /// saving time. When the first transition comes after the event's first day (a zone that
    /// changed its offset for good that year, as Asia/Almaty on 2024-03-01), the observance in
    /// force before it comes first, so that every meeting falls in one (RFC 5545 erratum 3740).
    static func timeZone(_ event: EventSpec) -> [String] {
        guard let zone = TimeZone(identifier: event.timeZone) else { return [] }
        let years = event.days.compactMap { Int($0.date.prefix(4)) }
        let first = years.min() ?? 2025, last = years.max() ?? first
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: first - 1, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: last + 1, month: 1, day: 1))!
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(event.timeZone)"]
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(next)
            cursor = next
        }
        let firstDay = event.days.map(\.date).min().flatMap { event.instant(on: $0, minute: 0) } ?? start
        if transitions.first.map({ $0 > firstDay }) ?? true {
            let offset = zone.secondsFromGMT(for: start), text = offsetText(offset)
            let kind = zone.isDaylightSavingTime(for: start) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:19700101T000000", "TZOFFSETFROM:\(text)", "TZOFFSETTO:\(text)",
                      "TZNAME:\(zoneName(zone, at: start, offset: offset))", "END:\(kind)"]
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:" + compact(transition.addingTimeInterval(TimeInterval(before))),
                      "TZOFFSETFROM:\(offsetText(before))", "TZOFFSETTO:\(offsetText(after))",
                      "TZNAME:\(zoneName(zone, at: transition, offset: after))", "END:\(kind)"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// The name of `zone`'s time at `date`, whose offset is `seconds`: its abbreviation when it is
    /// one in letters (`EST`, `CEST`), else the offset (`GMT-5`, `GMT+5:30`, `GMT`). A numeric
    /// name from the system can be another period's (`GMT-6` for Mexico City's summer of 2022,
    /// at −5), so it is written from the offset itself.
    static func zoneName(_ zone: TimeZone, at date: Date, offset seconds: Int) -> String {
        if let abbreviation = zone.abbreviation(for: date), !abbreviation.hasPrefix("GMT"), !abbreviation.hasPrefix("UTC"),
           abbreviation.allSatisfy(\.isLetter) {
            return abbreviation
        }
        let minutes = abs(seconds) / 60
        guard minutes > 0 else { return "GMT" }
        return "GMT" + (seconds < 0 ? "-" : "+") + "\(minutes / 60)" + (minutes % 60 == 0 ? "" : String(format: ":%02d", minutes % 60))
    }

    /// `-0500` for five hours west of UTC.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+", minutes = abs(seconds) / 60
        return sign + String(format: "%02d%02d", minutes / 60, minutes % 60)
    }

    /// `20251205T080000`: the local date-time `minute` minutes after the midnight that starts
    /// the event day; 1440 and later fall on the following days (`24:00` is `00:00` of the next).
    static func local(_ date: String, minute: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let midnight = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return date.replacingOccurrences(of: "-", with: "") + "T" + String(format: "%02d%02d00", minute / 60, minute % 60)
        }
        return compact(midnight.addingTimeInterval(TimeInterval(minute * 60)))
    }

    /// `20251122T180000Z`.
    static func utc(_ date: Date) -> String { compact(date) + "Z" }

    /// A date's UTC clock as `yyyyMMddTHHmmss`.
    private static func compact(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
