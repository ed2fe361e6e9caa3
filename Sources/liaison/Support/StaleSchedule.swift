import LiaisonStore

/// A change to an event's rules that its current schedule breaks discards the schedule (see
/// `LiaisonDatabase.validate`); the command making it says so, as `event remove` does.
enum StaleSchedule {
    /// Runs `change` on `event`; gives its result, and a note to print after what the command
    /// prints when the change discarded the current schedule.
    static func change<T>(_ db: LiaisonDatabase, event: String, _ change: () throws -> T) throws -> (result: T, note: String?) {
        let scheduled = (try? db.eventScheduleState(event)) != nil
        let result = try change()
        guard scheduled && (try? db.eventScheduleState(event)) == nil else { return (result, nil) }
        return (result, "the current schedule broke this change and was discarded: run `liaison event schedule \(event)` again "
                    + "(--keep-published keeps what was published)")
    }
}
