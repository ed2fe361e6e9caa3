import LiaisonCore
import LiaisonStore

/// The store's refusals and the scheduler's reasons in the console's words. The store words them
/// for the terminal (`run \`liaison event schedule X\``, `--keep-published`); in the console the
/// organizer has pages and forms, not commands, so where a text names a command or a flag the
/// console can act on, it names the page or the form's field instead. Any other text is the
/// store's own.
enum ConsoleWords {
    /// What `error` tells the organizer in the console: its fact, and what to do in the console.
    static func refusal(_ error: EventError) -> String {
        switch error {
        case .unknownEvent: error.fact() + "; the Events page lists the events"
        case .eventExists: error.fact() + "; choose another id"
        case .notParticipant: error.fact() + "; register it on the event's page"
        case .notScheduled: error.fact() + "; schedule it on its schedule page"
        case .changedWhileScheduling: error.fact() + ": schedule it again"
        case .noRule: error.fact() + "; the event's page lists its requests, blocks and locks"
        case .scheduleDiscarded:
            error.fact(instant: DisplayText.instant) + ". Schedule it again on its schedule page (\(keepPublished) keeps what was published)"
        default: error.description
        }
    }

    /// What `error` tells the organizer in the console.
    static func refusal(_ error: StoreError) -> String {
        if case .unknownCompany(let id) = error { return "no company with id \(CompanyText.quoted(id)); the Companies page lists the companies" }
        return error.description
    }

    /// What `error` tells the organizer on a company's page, whose Target field chooses the countries.
    static func refusal(_ error: MatchError) -> String {
        switch error {
        case .wrongSide: error.fact + "; choose one of them, or every country it meets, as its Target"
        case .unknownCompany: error.fact + "; the Companies page lists the companies"
        default: error.description
        }
    }

    /// A reason the scheduler gave (a request left out, a meeting dropped, a participant under its
    /// minimum), naming the schedule form's field where it names the flag of the same choice.
    static func reason(_ text: String) -> String {
        text.replacingOccurrences(of: "--keep-published", with: keepPublished)
    }

    /// The schedule form's field that keeps published meetings, as its label reads.
    private static let keepPublished = "“keep published meetings where possible”"
}
