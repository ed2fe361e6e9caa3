import Foundation

extension EventSpec {
    /// The day (index into ``days``) that holds `slot`; slots past the end belong to the last day.
    public func day(ofSlot slot: Int) -> Int {
        var last = 0
        for (index, day) in days.enumerated() {
            last += day.slots
            if slot <= last { return index }
        }
        return max(days.count - 1, 0)
    }

    /// The event-wide slot numbers of day `index`.
    public func slots(ofDay index: Int) -> ClosedRange<Int> {
        let first = days.prefix(index).reduce(0) { $0 + $1.slots } + 1
        return first...max(first, first + days[index].slots - 1)
    }

    /// When `slot` (1-based, across the event) takes place: its day, date and local start.
    public func slotTime(_ slot: Int) -> SlotTime {
        let index = day(ofSlot: slot)
        guard days.indices.contains(index) else { return SlotTime(day: 0, date: "", startMinute: 0) }
        let day = days[index]
        let within = slot - slots(ofDay: index).lowerBound + 1
        let first = Self.minutes(day.start) ?? 0
        let pause = day.breakAfter.map { within > $0 ? day.breakMinutes : 0 } ?? 0
        return SlotTime(day: index, date: day.date, startMinute: first + (within - 1) * slotMinutes + pause)
    }

    /// The instant at `minute` minutes after midnight on the venue's clock on `date` (YYYY-MM-DD),
    /// in the event's time zone (1440 and more fall on the following days; a time the clocks
    /// skip is read after the change, one they repeat at its first occurrence); nil when the
    /// zone or the date cannot be read.
    public func instant(on date: String, minute: Int) -> Date? {
        guard let zone = TimeZone(identifier: timeZone), Self.isDate(date) else { return nil }
        let parts = date.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let within = ((minute % 1440) + 1440) % 1440
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2] + (minute - within) / 1440,
                                                  hour: within / 60, minute: within % 60))
    }

    /// The instant `slot` starts, on the venue's clock (see ``instant(on:minute:)``).
    public func instant(ofSlot slot: Int) -> Date? {
        let time = slotTime(slot)
        return instant(on: time.date, minute: time.startMinute)
    }

    /// Minutes after midnight, on its own day, at which `slot` (1-based) starts.
    public func startMinute(ofSlot slot: Int) -> Int {
        slotTime(slot).startMinute
    }

    /// When `slot` takes place, as one text: the instant it starts (seconds since 1970, UTC) and
    /// its length in minutes (`1782910800+20`). Two slots with the same text take place at the
    /// same moment, whatever the zone that names it (America/Toronto and America/Montreal alike);
    /// for a zone or date that cannot be read, the date, start and zone as written.
    public func timing(ofSlot slot: Int) -> String {
        guard let start = instant(ofSlot: slot) else {
            return "\(date(ofSlot: slot)) \(startTime(ofSlot: slot)) \(timeZone)+\(slotMinutes)"
        }
        return "\(Int(start.timeIntervalSince1970))+\(slotMinutes)"
    }

    /// `HH:MM` of `slot`'s start.
    public func startTime(ofSlot slot: Int) -> String {
        Self.clock(startMinute(ofSlot: slot))
    }

    /// `YYYY-MM-DD` of `slot`'s day.
    public func date(ofSlot slot: Int) -> String {
        slotTime(slot).date
    }

    /// `HH:MM` → minutes after midnight.
    public static func minutes(_ clock: String) -> Int? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0..<24).contains(hours), (0..<60).contains(minutes) else { return nil }
        return hours * 60 + minutes
    }

    /// Minutes after midnight → `HH:MM` (past midnight wraps to the next day's clock).
    public static func clock(_ minutes: Int) -> String {
        let wrapped = ((minutes % 1440) + 1440) % 1440
        let hours = wrapped / 60, rest = wrapped % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// The first year an event may fall in: the time zone database's history starts about then.
    static let earliestYear = 1900

    /// Whether `text` is a real date written YYYY-MM-DD, in ``earliestYear`` or later.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month),
              year >= Self.earliestYear else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
