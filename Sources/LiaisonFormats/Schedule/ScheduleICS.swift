import Foundation
import LiaisonScheduling

/// Calendars of a schedule (RFC 5545): one per participant, one VEVENT per meeting.
///
/// Each meeting's UID is stable for the event and the pair, and its SEQUENCE grows when the
/// meeting moves, so importing an updated calendar updates the meeting instead of duplicating
/// it; published meetings no longer scheduled are sent as cancelled. Times carry the event's
/// time zone (with its VTIMEZONE); lines are folded at 75 octets and text is escaped.
public enum ScheduleICS {
    /// Files by path relative to the export directory: `ID.ics` per participant (the id made
    /// safe as a file name by ``ExportFileName/component(_:)``).
    /// - Parameter stamp: the DTSTAMP of every event (when the calendars were produced).
    public static func files(_ document: ScheduleDocument, stamp: Date) -> [(path: String, data: Data)] {
        document.calendarHolders.map { company in
            (path: "\(ExportFileName.component(company)).ics", data: Data(calendar(for: company, document, stamp: stamp).utf8))
        }
    }

    /// One participant's calendar, lines joined by CRLF.
    public static func calendar(for company: String, _ document: ScheduleDocument, stamp: Date) -> String {
        let event = document.event
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Liaison//Liaison meeting schedules//EN",
                     "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escaped("\(event.name) — \(document.name(company))")]
        lines += timeZone(event)
        let meetings = document.agenda(of: company).map { ($0.meeting, $0.sequence, false, document.reasonLine($0)) }
            + document.cancelled.filter { $0.meeting.delegate == company || $0.meeting.host == company }
                .map { ($0.meeting, $0.sequence, true, "") }
        for (meeting, sequence, cancelled, reasons) in meetings {
            let other = document.counterpart(of: company, in: meeting)
            let start = event.startMinute(ofSlot: meeting.slot)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escaped("\(event.id)/\(meeting.delegate)/\(meeting.host)@liaison"),
                "DTSTAMP:" + utc(stamp),
                "DTSTART;TZID=\(event.timeZone):" + local(event.date, minute: start),
                "DTEND;TZID=\(event.timeZone):" + local(event.date, minute: start + event.slotMinutes),
                "SEQUENCE:\(sequence)",
                "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"),
                "SUMMARY:" + escaped("\(cancelled ? "Cancelled: " : "")Meeting with \(document.name(other))"),
                "LOCATION:" + escaped("\(event.name), table \(meeting.table), \(event.city)"),
                "DESCRIPTION:" + escaped([document.name(other) + " (\(other))", reasons.isEmpty ? nil : "Why: \(reasons)"]
                                         .compactMap { $0 }.joined(separator: "\n")),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(folded).joined(separator: "\r\n") + "\r\n"
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
    /// before the event's to the end of the event's year (so an event in January has the
    /// observance in force since the autumn before), or one standard observance for zones
    /// without daylight saving time.
    static func timeZone(_ event: EventSpec) -> [String] {
        guard let zone = TimeZone(identifier: event.timeZone) else { return [] }
        let year = Int(event.date.prefix(4)) ?? 2025
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year - 1, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: year + 1, month: 1, day: 1))!
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(event.timeZone)"]
        var transitions: [Date] = []
        var cursor = start
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < end {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = offsetText(zone.secondsFromGMT(for: start))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:\(offset)", "TZOFFSETTO:\(offset)",
                      "TZNAME:\(zone.abbreviation(for: start) ?? event.timeZone)", "END:STANDARD"]
        }
        for transition in transitions {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: transition)
            let kind = zone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            lines += ["BEGIN:\(kind)", "DTSTART:" + compact(transition.addingTimeInterval(TimeInterval(before))),
                      "TZOFFSETFROM:\(offsetText(before))", "TZOFFSETTO:\(offsetText(after))",
                      "TZNAME:\(zone.abbreviation(for: transition) ?? kind)", "END:\(kind)"]
        }
        lines.append("END:VTIMEZONE")
        return lines
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
