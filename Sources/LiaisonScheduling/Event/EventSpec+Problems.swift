extension EventSpec {
    /// Problems that make the event impossible to schedule, in words; empty when it is sound.
    /// A problem of one day of a longer event names the day.
    public var problems: [String] {
        var problems: [String] = []
        if days.isEmpty { problems.append("an event needs at least one day") }
        let total = slots
        if days.count > 1, total > SlotSet.largestSlot {
            problems.append("the days hold \(total) slots; an event has at most \(SlotSet.largestSlot)")
        }
        if tables < 1 { problems.append("tables must be at least 1, not \(tables): no meeting could take place") }
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
            if !names.insert(session.name).inserted { problems.append("the session '\(session.name)' is defined twice") }
            if session.slots.isEmpty { problems.append("the session '\(session.name)' has no slot") }
            let outside = session.slots.sorted.filter { !(1...max(total, 1)).contains($0) }
            if !outside.isEmpty {
                problems.append("the session '\(session.name)' names slots \(SlotSet(outside)) outside 1–\(total)")
            }
        }
        return problems
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
        return problems
    }
}
