import LiaisonCore
import LiaisonScheduling
import LiaisonStore

/// `POST /events/ID/participants/remove` unconfirmed: who would be removed from which event, what
/// goes with it, and the form that confirms.
struct ParticipantRemovalView: Sendable {
    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    /// The id as stored, sent back by the confirming form.
    var company: String
    var id: String
    var name: String
    var eventName: String
    var eventHref: String
    var action: String
    /// `Its 2 requests, 1 block and 0 locks go with it.`
    var summary: String
    /// Each request, block and lock that goes with it, in words.
    var rules: [String]
    var hasRules: Bool
    /// Whether the current schedule holds its meetings, and would be discarded.
    var discardsSchedule: Bool
    var meetings: String

    init(spec: EventSpec, removal: ParticipantRemoval, names: [String: String], csrf: String) {
        let company = removal.participant.company
        func shown(_ id: String) -> String { DisplayText.safe(names[id] ?? id) + " (" + DisplayText.safe(id) + ")" }
        /// The other party of a pair naming the participant.
        func other(_ a: String, _ b: String) -> String { shown(a == company ? b : a) }
        organizer = OrganizerBar(csrf: csrf)
        self.csrf = csrf
        self.company = company
        id = DisplayText.safe(company)
        name = DisplayText.safe(names[company] ?? company)
        eventName = DisplayText.safe(spec.name)
        eventHref = EventRoutes.href(spec.id) + "#participants"
        action = EventRoutes.href(spec.id) + "/participants/remove"
        summary = "Its \(EnglishCount.of(removal.requests.count, "request")), \(EnglishCount.of(removal.blocks.count, "block")) and "
            + "\(EnglishCount.of(removal.locks.count, "lock")) go with it."
        rules = removal.requests.map { r in
            (r.must ? "must-meet request" : "request") + " with " + other(r.a, r.b)
                + (r.origin == .participant ? ", asked by participant \(DisplayText.safe(r.a)) (\(r.status.rawValue))" : "")
        } + removal.blocks.map { entry in
            "block with " + other(entry.block.a, entry.block.b)
                + (entry.origin == .participant ? ", made by participant \(DisplayText.safe(entry.block.a)) (not interested)" : "")
        } + removal.locks.map { lock in
            "lock with " + other(lock.a, lock.b) + " in slot \(lock.slot)" + (lock.table.map { ", table \($0)" } ?? "")
        }
        hasRules = !rules.isEmpty
        discardsSchedule = removal.scheduledMeetings > 0
        meetings = EnglishCount.of(removal.scheduledMeetings, "meeting")
    }
}
