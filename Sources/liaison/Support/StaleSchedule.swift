/// What a command that changed an event's rules says when the change broke the current schedule,
/// which the store then discards (see `LiaisonDatabase.validate`).
enum StaleSchedule {
    /// The note printed after what the command prints: why the schedule went (`because`), and
    /// how to schedule the event again.
    static func note(event: String, because why: String = "broke this change") -> String {
        "the current schedule \(why) and was discarded: run `liaison event schedule \(event)` again "
            + "(--keep-published keeps what was published)"
    }
}
