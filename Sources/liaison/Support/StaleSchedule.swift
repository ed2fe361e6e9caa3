/// What a command that changed an event's rules says when the change broke the current schedule,
/// which the store then discards (see `LiaisonDatabase.validate`).
enum StaleSchedule {
    /// The note printed after what the command prints: what happened to the schedule (`what`),
    /// and how to schedule the event again.
    static func note(event: String, what: String = "this change broke the current schedule, which was discarded") -> String {
        "\(what): run `liaison event schedule \(event)` again (--keep-published keeps what was published)"
    }
}
