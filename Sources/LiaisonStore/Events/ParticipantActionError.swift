/// Why something a participant (or the organizer, about a participant's request) asked for
/// cannot be done, in words shown on the page.
public enum ParticipantActionError: Error, Equatable, CustomStringConvertible {
    /// The company asked to meet itself.
    case ownCompany(String)
    /// Both are on the same side of a delegates × hosts event.
    case sameSide(String, String)
    /// The pair is blocked: one of them is not interested, or the organizer ruled it out.
    case blocked(String, String)
    /// No participant's request for this pair.
    case noSuchRequest(String, String)
    /// The participant had no meeting with that counterpart in the published schedule.
    case noSuchMeeting(String, String)
    /// A meeting is rated once it has ended.
    case notYetHeld(String, String)
    /// The pair meets in the current or the published schedule: only the organizer calls it off.
    case scheduled(String, String)
    /// The pair already meets in the current or the published schedule: there is nothing to request.
    case alreadyMeeting(String, String)
    /// The participant did not say, through its link, that it is not interested in the other: it
    /// has no "not interested" of its own in that company to take back (a block the organizer set,
    /// or the other's "not interested", is not its own).
    case notDeclined(String, String)

    public var description: String {
        switch self {
        case .ownCompany(let id): "\(id) cannot meet itself"
        case .sameSide(let a, let b): "\(a) and \(b) are on the same side of the event; a meeting pairs a delegate with a host"
        case .blocked(let a, let b): "\(a) and \(b) are not to be paired"
        case .noSuchRequest(let a, let b): "there is no participant's request of \(a) to meet \(b)"
        case .noSuchMeeting(let a, let b): "\(a) has no meeting with \(b) in the published schedule"
        case .notYetHeld(let a, let b): "the meeting of \(a) and \(b) has not taken place yet; rate it after it ends"
        case .scheduled(let a, let b): "\(a) and \(b) meet in the schedule; only the organizer calls a scheduled meeting off"
        case .alreadyMeeting(let a, let b): "\(a) already meets \(b) in the schedule; there is no meeting to request"
        case .notDeclined(let a, let b):
            "\(a) did not say it is not interested in \(b); only the organizer takes back a block that is not the participant's own"
        }
    }
}
