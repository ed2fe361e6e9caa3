import LiaisonCore

/// What went wrong with an event request, in words an organizer can act on.
public enum EventError: Error, Equatable, CustomStringConvertible {
    case unknownEvent(String)
    case eventExists(String)
    case invalidEvent(String, [String])
    case notParticipant(event: String, company: String)
    case notScheduled(String)
    case badFile(file: String, problems: [String])
    /// The event changed (participants, requests, blocks, locks, settings) while it was being
    /// scheduled: the schedule was computed for the event as it was, so it is not saved.
    case changedWhileScheduling(String)
    /// The schedule is no longer the one a page showed (scheduled again, or a meeting moved): it
    /// is not published unseen.
    case scheduleChangedSinceShown(String)
    /// No current schedule, but a published one: a change of the event's participants or rules
    /// discarded the schedule since it was published.
    case scheduleDiscarded(String, publishedAt: String)

    public var description: String {
        switch self {
        case .unknownEvent(let id): "no event \(CompanyText.quoted(id)); `liaison event list` shows the events"
        case .eventExists(let id): "event '\(id)' already exists; change it with `liaison event import`, or choose another id"
        case .invalidEvent(let id, let problems): "event '\(id)': " + problems.joined(separator: "; ")
        case .notParticipant(let event, let company): "\(company) is not a participant of \(event); add it with `liaison event add \(event) \(company)`"
        case .notScheduled(let id): "event '\(id)' has no schedule yet; run `liaison event schedule \(id)`"
        case .badFile(_, let problems): problems.joined(separator: "\n")
        case .changedWhileScheduling(let id):
            "event '\(id)' changed while it was being scheduled (a participant, request, block, lock or setting); "
                + "nothing was saved: run `liaison event schedule \(id)` again"
        case .scheduleDiscarded(let id, let publishedAt):
            "event '\(id)' has no current schedule: a change of its participants or rules discarded it; participants still see "
                + "the schedule published at \(publishedAt). Run `liaison event schedule \(id)` (--keep-published keeps what was published)"
        case .scheduleChangedSinceShown(let id):
            "the schedule of event '\(id)' changed after this page showed it (scheduled again, or a meeting moved); "
                + "nothing was published: look at the schedule as it is now, then publish"
        }
    }
}
