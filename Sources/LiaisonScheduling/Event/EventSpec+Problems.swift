import Foundation
import LiaisonCore

extension EventSpec {
    /// The most tables an event may have: far beyond the largest hosted-buyer shows' floors.
    public static let mostTables = 20_000

    /// Problems that make the event impossible to schedule, in words; empty when it is sound.
    /// A problem of one day of a longer event names the day.
    public var problems: [String] {
        var problems: [String] = []
        if days.isEmpty { problems.append("an event needs at least one day") }
        let total = slots
        if days.count > 1, total > SlotSet.largestSlot {
            problems.append("the days hold \(total) slots; an event has at most \(SlotSet.largestSlot)")
        }
        // An id names agenda files and calendar entries, as a company's does: no longer than one.
        let idTooLong = CompanyText.idLengthProblem(id)
        if let idTooLong { problems.append("the event's id is \(idTooLong)") }
        for (field, value) in [("id", id), ("name", name), ("city", city), ("venue", venue)] where field != "id" || idTooLong == nil {
            if let problem = CompanyText.problem(in: value) { problems.append("the event's \(field) \(problem)") }
            if field != "venue" && value.allSatisfy(\.isWhitespace) { problems.append("the event's \(field) is empty") }
        }
        if id == "." || id == ".." { problems.append("the event's id may not be '\(id)': links to the event would name a folder instead")
        }
        if tables < 1 { problems.append("tables must be at least 1, not \(tables): no meeting could take place") }
        if tables > Self.mostTables { problems.append("tables must be at most \(Self.mostTables), not \(tables)") }
        if slotMinutes < 1 { problems.append("slot minutes must be at least 1, not \(slotMinutes)") }
        if slotMinutes > 1440 { problems.append("slots and breaks last at most a day (1440 minutes)") }
        for (index, day) in days.enumerated() {
            let name = days.count == 1 ? "" : "day \(index + 1) (\(day.date)): "
            problems += dayProblems(day).map { name + $0 }
            if index > 0, Self.isDate(day.date), Self.isDate(days[index - 1].date), day.date <= days[index - 1].date {
                problems.append("\(name)the days must be in order, each after the one before")
            }
        }
        var names = Set<String>()
        for session in sessions {
            if session.name.isEmpty { problems.append("a session needs a name") }
            if let problem = CompanyText.problem(in: session.name) { problems.append("a session's name \(problem)") }
            if !names.insert(session.name).inserted { problems.append("the session '\(session.name)' is defined twice") }
            if session.slots.isEmpty { problems.append("the session '\(session.name)' has no slot") }
            let outside = session.slots.sorted.filter { !(1...max(total, 1)).contains($0) }
            if !outside.isEmpty {
                problems.append("the session '\(session.name)' names slots \(SlotSet(outside)) outside 1–\(total)")
            }
        }
        return problems
    }

    /// Whether the venue's clocks change (daylight saving time) between the first slot's start
    /// and the last one's end on `day`, or its first slot starts at a time they skip: its times
    /// would be wrong, so the day must start after the change or end before it.
    private func clockChange(on day: EventDay) -> String? {
        guard let first = Self.minutes(day.start), (1...SlotSet.largestSlot).contains(day.slots), (1...1440).contains(slotMinutes),
              (0...1440).contains(day.breakMinutes), let zone = TimeZone(identifier: timeZone) else { return nil }
        let last = first + day.slots * slotMinutes + (day.breakAfter == nil ? 0 : day.breakMinutes)
        guard let start = instant(on: day.date, minute: first), let end = instant(on: day.date, minute: last) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let shown = calendar.dateComponents([.hour, .minute], from: start)
        guard Int(end.timeIntervalSince(start)) != (last - first) * 60 || (shown.hour ?? 0) * 60 + (shown.minute ?? 0) != first % 1440 else {
            return nil
        }
        return "the clocks change in \(timeZone) between \(day.start) and \(Self.clock(last)), during the slots: start after the change or end before it"
    }

    private func dayProblems(_ day: EventDay) -> [String] {
        var problems: [String] = []
        if day.slots < 1 || day.slots > SlotSet.largestSlot {
            problems.append("slots must be between 1 and \(SlotSet.largestSlot), not \(day.slots)")
        }
        if day.breakMinutes > 1440 && slotMinutes <= 1440 { problems.append("slots and breaks last at most a day (1440 minutes)") }
        if day.breakMinutes < 0 { problems.append("break minutes cannot be negative") }
        if let breakAfter = day.breakAfter, !(1..<max(day.slots, 1)).contains(breakAfter) {
            problems.append("a break after slot \(breakAfter) is outside the slots 1–\(day.slots) (it must fall between two slots)")
        }
        if Self.minutes(day.start) == nil { problems.append("start '\(day.start)' is not a time HH:MM") }
        if !Self.isDate(day.date) { problems.append("date '\(day.date)' is not a date YYYY-MM-DD") }
        if let first = Self.minutes(day.start), (1...SlotSet.largestSlot).contains(day.slots), (0...1440).contains(slotMinutes),
           (0...1440).contains(day.breakMinutes),
           first + day.slots * slotMinutes + (day.breakAfter == nil ? 0 : day.breakMinutes) > 1440 {
            problems.append("the slots run past midnight")
        }
        if day.breakAfter == nil && day.breakMinutes > 0 {
            problems.append("a break of \(day.breakMinutes) minutes needs the slot it comes after (breakAfter, --break-after)")
        }
        if let change = clockChange(on: day) { problems.append(change) }
        return problems
    }
}
