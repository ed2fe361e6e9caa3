/// What came of a meeting, as its participant tells it afterwards (b2match's two-stage feedback:
/// first whether it took place, then, when it did, what followed).
public enum MeetingOutcome: String, Hashable, Sendable, Codable, CaseIterable {
    /// The meeting did not take place.
    case didNotTakePlace = "did-not-take-place"
    /// It took place; no interest on either side.
    case noInterest = "no-interest"
    /// It took place, and a follow-up is planned.
    case followUpPlanned = "follow-up-planned"
    /// It took place, and an agreement is in progress.
    case agreementInProgress = "agreement-in-progress"

    /// Whether the meeting took place (the first stage's answer).
    public var tookPlace: Bool { self != .didNotTakePlace }
}
