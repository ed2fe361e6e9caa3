import LiaisonCore
import LiaisonScheduling
import LiaisonStore

/// `GET /events`; after a refused `POST /events`, the list again with the create-event form as
/// sent and its problem.
struct EventListView: Sendable {
    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    var hasEvents: Bool
    var events: [EventRow]
    var form = EventForm()
    var problems: [String] = []
}

/// `GET /events/ID`: the event, its participants and rules, and the outcome rates.
struct EventView: Sendable {
    struct ParticipantRow: Sendable {
        /// The id as stored, sent back by the removal form.
        var company: String
        var id: String
        var href: String
        var name: String
        var side: String
        var max: Int
        var available: String
        var reps: Int
        var interpreter: String
    }

    struct RequestRow: Sendable {
        /// The ids as stored, sent back by the decision form.
        var a: String
        var b: String
        var aID: String
        var bID: String
        var aName: String
        var bName: String
        var origin: String
        var byParticipant: Bool
        var kind: String
        var status: String
        var decidable: Bool
    }

    /// A block or a lock.
    struct PairRow: Sendable {
        /// The ids as stored, sent back by the removal form.
        var a: String
        var b: String
        var aID: String
        var bID: String
        var aName: String
        var bName: String
        /// Who made a block: the organizer, or the participant not interested.
        var madeBy = ""
        var byParticipant = false
        var slot = 0
        var table: Int?
    }

    struct OutcomeRow: Sendable {
        var label: String
        var count: Int
        var rate: String
    }

    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    var id: String
    var name: String
    var city: String
    var country: String
    /// When: the day and first slot, or for several days each with its slots.
    var when: String
    /// Who meets whom.
    var pairing: String
    var hasSessions: Bool
    /// The sessions as `name slots`, comma-separated.
    var sessions: String
    var timeZone: String
    /// `6 slots`, `1 slot`.
    var slots: String
    var slotMinutes: Int
    /// `4 tables`, `1 table`.
    var tables: String
    var scheduleHref: String
    var linksHref: String
    var exportsHref: String
    var participantsAction: String
    var requestsAction: String
    var decideAction: String
    var blocksAction: String
    var locksAction: String
    var removeParticipantAction: String
    var removeRequestAction: String
    var removeBlockAction: String
    var removeLockAction: String
    var participantCount: Int
    var participants: [ParticipantRow]
    var hasPending: Bool
    var pendingCount: Int
    var requests: [RequestRow]
    var blocks: [PairRow]
    var locks: [PairRow]
    var hasOutcomes: Bool
    var rated: Int
    var ratable: Int
    var outcomes: [OutcomeRow]

    /// `blocks` are the event's with who made each (``LiaisonDatabase/blockEntries(event:)``).
    init(definition: EventDefinition, blocks: [BlockEntry], names: [String: String], outcomes summary: OutcomeSummary, csrf: String,
         notice: String?) {
        let spec = definition.spec
        let base = EventRoutes.href(spec.id)
        func shown(_ id: String) -> String { DisplayText.safe(names[id] ?? id) }
        organizer = OrganizerBar(csrf: csrf)
        self.notice = notice
        self.csrf = csrf
        id = DisplayText.safe(spec.id)
        name = DisplayText.safe(spec.name)
        city = DisplayText.safe(spec.city)
        country = spec.country
        if spec.days.count == 1 {
            when = "\(spec.date) from \(spec.start)"
        } else {
            var first = 1
            when = spec.days.map { day in
                defer { first += day.slots }
                return "\(day.date) from \(day.start) (slots \(SlotSet(first..<first + day.slots)))"
            }.joined(separator: ", ")
        }
        pairing = spec.pairing == .open ? "open: any two participants may meet" : "delegates from \(spec.delegation) meet hosts"
        hasSessions = !spec.sessions.isEmpty
        sessions = spec.sessions.map { "\(DisplayText.safe($0.name)) \($0.slots)" }.joined(separator: ", ")
        timeZone = spec.timeZone
        slots = EnglishCount.of(spec.slots, "slot")
        slotMinutes = spec.slotMinutes
        tables = EnglishCount.of(spec.tables, "table")
        scheduleHref = base + "/schedule"
        linksHref = base + "/links"
        exportsHref = base + "/exports"
        participantsAction = base + "/participants"
        requestsAction = base + "/requests"
        decideAction = base + "/requests/decide"
        blocksAction = base + "/blocks"
        locksAction = base + "/locks"
        removeParticipantAction = base + "/participants/remove"
        removeRequestAction = base + "/requests/remove"
        removeBlockAction = base + "/blocks/remove"
        removeLockAction = base + "/locks/remove"
        participantCount = definition.participants.count
        participants = definition.participants.map { p in
            ParticipantRow(company: p.company, id: DisplayText.safe(p.company), href: "/companies/" + URLText.component(p.company), name: shown(p.company),
                           side: p.side.rawValue, max: p.maxMeetings, available: p.available.description, reps: p.reps,
                           interpreter: DisplayText.safe(p.interpreter ?? ""))
        }
        // The participants' requests waiting for an answer first.
        let ordered = definition.requests.sorted { ($0.status == .pending ? 0 : 1, $0.a, $0.b) < ($1.status == .pending ? 0 : 1, $1.a, $1.b) }
        requests = ordered.map { r in
            RequestRow(a: r.a, b: r.b, aID: DisplayText.safe(r.a), bID: DisplayText.safe(r.b), aName: shown(r.a), bName: shown(r.b),
                       origin: r.origin == .participant ? "by participant \(DisplayText.safe(r.a))" : "by the organizer",
                       byParticipant: r.origin == .participant, kind: (r.must ? "must meet" : "request") + (r.session.map { " in \($0)" } ?? ""), status: r.status.rawValue,
                       decidable: r.origin == .participant && r.status != .accepted)
        }
        pendingCount = definition.requests.filter { $0.status == .pending }.count
        hasPending = pendingCount > 0
        self.blocks = blocks.map { entry in
            let (a, b) = (entry.block.a, entry.block.b)
            return PairRow(a: a, b: b, aID: DisplayText.safe(a), bID: DisplayText.safe(b), aName: shown(a), bName: shown(b),
                           madeBy: entry.origin == .participant ? "participant \(DisplayText.safe(a)): not interested" : "the organizer",
                           byParticipant: entry.origin == .participant)
        }
        locks = definition.locks.map { PairRow(a: $0.a, b: $0.b, aID: DisplayText.safe($0.a), bID: DisplayText.safe($0.b), aName: shown($0.a),
                                                bName: shown($0.b), slot: $0.slot, table: $0.table) }
        hasOutcomes = summary.rated > 0
        rated = summary.rated
        ratable = summary.ratable
        let labels: [(MeetingOutcome, String)] = [(.didNotTakePlace, "did not take place"), (.noInterest, "took place, no interest"),
                                                  (.followUpPlanned, "took place, follow-up planned"),
                                                  (.agreementInProgress, "took place, agreement in progress")]
        outcomes = labels.map { outcome, label in
            OutcomeRow(label: label, count: summary.counts[outcome] ?? 0, rate: String(format: "%.0f %%", summary.rate(outcome) * 100))
        }
    }
}

/// `GET|POST /events/ID/links`: participants' links, the new ones shown once.
struct LinksView: Sendable {
    struct Row: Sendable {
        /// The id as stored, sent back by the renewal form.
        var company: String
        var shownCompany: String
        var name: String
        var url: String?
        var state: String
        var issuedAt: String
        /// Whether it has a link in force, which a new one stops.
        var hasLink: Bool
    }

    var lang = "en"
    var organizer: OrganizerBar?
    var notice: String?
    var csrf: String
    var id: String
    var name: String
    var eventHref: String
    var issueAction: String
    var renewAction: String
    var links: [Row]

    init(definition: EventDefinition, links: [ParticipantLink], origin: String, csrf: String) {
        let base = EventRoutes.href(definition.spec.id)
        organizer = OrganizerBar(csrf: csrf)
        self.csrf = csrf
        id = DisplayText.safe(definition.spec.id)
        name = DisplayText.safe(definition.spec.name)
        eventHref = base
        issueAction = base + "/links"
        renewAction = base + "/links/renew"
        let fresh = links.filter { $0.token != nil }.count
        let (them, they) = fresh == 1 ? ("it", "it is") : ("them", "they are")
        notice = fresh > 0 ? "\(EnglishCount.of(fresh, "new link")) below: copy \(them) now, \(they) not shown again." : nil
        self.links = links.map { link in
            Row(company: link.company, shownCompany: DisplayText.safe(link.company), name: DisplayText.safe(link.name), url: link.token.map { origin + "/p/" + $0 },
                state: link.issuedAt == nil ? "no link yet" : "issued (shown only when issued)", issuedAt: link.issuedAt.map(DisplayText.instant) ?? "",
                hasLink: link.issuedAt != nil)
        }
    }
}
