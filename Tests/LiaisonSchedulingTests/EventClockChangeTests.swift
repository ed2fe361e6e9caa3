import Foundation
import LiaisonScheduling
import Testing

/// An event's times are read on the venue's clock: a day whose slots the clocks change during
/// (daylight saving time) is refused, as its times would be wrong, and so is a break without
/// the slot it comes after; a slot's instant is its wall-clock time on its own day, also on the
/// day the clocks change before the event starts.
@Suite("Event days and the venue's clock changes")
struct EventClockChangeTests {
    static func event(_ date: String, start: String, slots: Int = 4, zone: String = "America/Toronto",
                      breakAfter: Int? = nil, breakMinutes: Int = 0) -> EventSpec {
        EventSpec(id: "e", name: "E", city: "Toronto", country: "CA",
                  days: [EventDay(date: "2025-06-01", start: "09:00", slots: 2),
                         EventDay(date: date, start: start, slots: slots, breakAfter: breakAfter, breakMinutes: breakMinutes)],
                  slotMinutes: 30, tables: 2, timeZone: zone)
    }

    static let change = "the clocks change"

    @Test("a day whose slots run across a clock change, or start at a time it skips, is refused, naming the day", arguments: [
        ("2026-03-08", "01:30", "America/Toronto"),  // 02:00 → 03:00 within 01:30–03:30
        ("2026-03-08", "02:30", "America/Toronto"),  // 02:30 does not exist that day
        ("2026-11-01", "00:30", "America/Toronto"),  // 02:00 → 01:00 within 00:30–02:30
        ("2026-10-25", "01:30", "Europe/Madrid"),    // 03:00 → 02:00 within 01:30–03:30
        ("2026-04-05", "02:00", "Australia/Sydney"), // 03:00 → 02:00 within 02:00–04:00
    ])
    func refused(date: String, start: String, zone: String) {
        let problems = Self.event(date, start: start, zone: zone).problems
        #expect(problems.contains { $0.hasPrefix("day 2 (\(date)): \(Self.change) in \(zone) between \(start) and") }, "\(problems)")
    }

    @Test("a day on a clock change's date but after it, or one before it, is accepted", arguments: [
        ("2026-03-08", "09:00", "America/Toronto"), ("2026-03-08", "03:00", "America/Toronto"),
        ("2026-03-07", "22:00", "America/Toronto"), ("2026-11-01", "02:00", "America/Toronto"),
        ("2026-10-25", "08:00", "Europe/Madrid"), ("2026-03-08", "01:30", "Asia/Shanghai"),
    ])
    func accepted(date: String, start: String, zone: String) {
        #expect(Self.event(date, start: start, zone: zone).problems.isEmpty)
    }

    @Test("a slot's instant is its wall-clock time, also on a day the clocks changed overnight")
    func instants() throws {
        let event = Self.event("2026-03-08", start: "09:00")
        let utc = ISO8601DateFormatter()
        // 09:00 EDT (UTC-4) on the day daylight saving time began at 02:00; slot 3 is the second day's first.
        #expect(utc.string(from: try #require(event.instant(ofSlot: 3))) == "2026-03-08T13:00:00Z")
        #expect(utc.string(from: try #require(event.instant(ofSlot: 1))) == "2025-06-01T13:00:00Z")
        #expect(utc.string(from: try #require(event.instant(on: "2026-03-08", minute: 1440))) == "2026-03-09T04:00:00Z")
        #expect(event.instant(on: "2026-02-30", minute: 0) == nil)
    }

    @Test("break minutes without the slot the break comes after are refused")
    func breakWithoutItsSlot() {
        #expect(Self.event("2026-06-02", start: "09:00", breakMinutes: 15).problems
            == ["day 2 (2026-06-02): a break of 15 minutes needs the slot it comes after (breakAfter, --break-after)"])
        #expect(Self.event("2026-06-02", start: "09:00", breakAfter: 2, breakMinutes: 15).problems.isEmpty)
    }
}
