import LiaisonCore
import LiaisonFormats

/// What went wrong with an event request, in words an organizer can act on.
public enum EventError: Error, Equatable, CustomStringConvertible {
    case unknownEvent(String)
    case eventExists(String)
    case invalidEvent(String, [String])
    case notParticipant(event: String, company: String)
    case notScheduled(String)
    /// An input file refused whole: every problem, of which the fact lists at most
    /// ``ImportError/printedProblemLimit``, then how many more, as a company import does.
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
    /// The pair (either way round) has no rule of that kind to take back.
    case noRule(event: String, kind: RuleKind, a: String, b: String)

    /// A kind of rule between two participants, as an organizer names it.
    public enum RuleKind: String, Sendable {
        case request, block, lock
    }

    /// What happened, without what to do about it: the part every front end says alike, each
    /// then saying what to do in its own terms (the CLI a command, the console a page).
    /// `instant` writes the instants it names (as stored, by default).
    public func fact(instant: (String) -> String = { $0 }) -> String {
        switch self {
        case .unknownEvent(let id): "no event \(CompanyText.quoted(id))"
        case .eventExists(let id): "event '\(id)' already exists"
        case .invalidEvent(let id, let problems): "event \(CompanyText.quoted(id)): " + problems.joined(separator: "; ")
        case .notParticipant(let event, let company): "\(company) is not a participant of \(event)"
        case .notScheduled(let id): "event '\(id)' has no schedule yet"
        case .badFile(_, let problems):
            (problems.prefix(ImportError.printedProblemLimit)
                + (problems.count > ImportError.printedProblemLimit ? ["… and \(problems.count - ImportError.printedProblemLimit) more problems"] : []))
                .joined(separator: "\n")
        case .changedWhileScheduling(let id):
            "event '\(id)' changed while it was being scheduled (a participant, request, block, lock or setting); nothing was saved"
        case .scheduleDiscarded(let id, let publishedAt):
            "event '\(id)' has no current schedule: a change of its participants or rules discarded it; participants still see "
                + "the schedule published at \(instant(publishedAt))"
        case .noRule(let event, let kind, let a, let b): "event '\(event)' has no \(kind.rawValue) between \(a) and \(b)"
        case .scheduleChangedSinceShown(let id):
            "the schedule of event '\(id)' changed after this page showed it (scheduled again, or a meeting moved); "
                + "nothing was published: look at the schedule as it is now, then publish"
        }
    }

    /// The ``fact(instant:)`` and what to do about it at the terminal.
    public var description: String {
        switch self {
        case .unknownEvent: fact() + "; `liaison event list` shows the events"
        case .eventExists: fact() + "; change it with `liaison event import`, or choose another id"
        case .notParticipant(let event, let company):
            fact() + "; `liaison event show \(event)` lists its participants, `liaison event add \(event) \(company)` registers it"
        case .notScheduled(let id): fact() + "; run `liaison event schedule \(id)`"
        case .changedWhileScheduling(let id): fact() + ": run `liaison event schedule \(id)` again"
        case .scheduleDiscarded(let id, _): fact() + ". Run `liaison event schedule \(id)` (--keep-published keeps what was published)"
        case .noRule(let event, _, _, _): fact() + "; `liaison event show \(event)` lists its requests, blocks and locks"
        case .invalidEvent, .badFile, .scheduleChangedSinceShown: fact()
        }
    }
}
