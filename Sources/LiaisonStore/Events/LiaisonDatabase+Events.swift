import Foundation
import GRDB
import LiaisonCore
import LiaisonFormats
import LiaisonScheduling

extension LiaisonDatabase {
    /// Creates an event and returns it as stored; refused, naming every problem, when the id
    /// exists or the event cannot be held. Its country and delegation may be codes in any case or
    /// names (``ISOCodes/country(_:)``). An empty `timeZone` is told from the venue
    /// (``EventTimeZone/resolve(given:city:country:table:)``: a known city, or a country with one
    /// zone), and refused when it cannot be; a zone given must be an IANA zone.
    @discardableResult
    public func createEvent(_ spec: EventSpec) throws -> EventSpec {
        let (spec, zoneProblem) = Self.resolved(spec)
        try Self.check(spec, zoneProblem: zoneProblem)
        try writer.write { db in
            guard try !EventStore.exists(spec.id, in: db) else { throw EventError.eventExists(spec.id) }
            try EventStore.saveSpec(spec, in: db)
        }
        return spec
    }

    /// An event as an event file created or replaced it.
    public struct ImportedEvent: Sendable {
        public var definition: EventDefinition
        /// Whether the event was replaced in a way its current schedule broke (a pair now
        /// blocked, a slot no longer available, a participant gone…), which was therefore
        /// discarded, as any other change that breaks it: the event must be scheduled again.
        public var discardedSchedule: Bool
    }

    /// Creates or replaces the events of an event file, each with its participants, requests,
    /// blocks and locks, all in one transaction; refused whole, naming every problem.
    @discardableResult
    public func importEvents(from url: URL) throws -> [ImportedEvent] {
        let file = url.relativePath
        let data: Data, parsed: EventFile
        do {
            data = try InputFile.contents(of: url)
        } catch {
            throw EventError.badFile(file: file, problems: ["\(file): file: \(error.reason)"])
        }
        do {
            parsed = try EventFile.decode(data)
        } catch {
            let (field, message) = EventFile.describe(error)
            throw EventError.badFile(file: file, problems: [EventFilePlace.line(file, EventFile.line(of: error, in: data)) + "\(field): \(message)"])
        }
        return try writer.write { db in
            var problems: [String] = []
            var definitions: [EventDefinition] = []
            let repeats = parsed.repeats
            for (position, entry) in parsed.events.enumerated() {
                let place = EventFilePlace(file: file, position: parsed.isList ? position : nil, event: entry.id, lines: parsed.lines)
                let (spec, zoneProblem) = Self.resolved(entry.spec)
                do { try Self.check(spec, zoneProblem: nil) } catch EventError.invalidEvent(_, let found) {
                    problems.append(place.problem(found.joined(separator: "; ")))
                }
                if let zoneProblem { problems.append(place.problem(zoneProblem.description, at: "timeZone")) }
                var participants: [Participant] = []
                for (index, item) in (entry.participants ?? []).enumerated() {
                    do {
                        let side = try side(of: item.company, given: item.side, in: spec, db: db)
                        participants.append(Participant(company: item.company, side: side, maxMeetings: item.maxMeetings ?? spec.slots,
                                                        available: item.available ?? SlotSet.all(spec.slots), reps: item.reps ?? 1,
                                                        interpreter: item.interpreter))
                    } catch {
                        problems.append(place.problem("\(error)", at: "participants[\(index)]"))
                    }
                }
                let definition = EventDefinition(
                    spec: spec, participants: participants,
                    requests: (entry.requests ?? []).map {
                        MeetingRequest(a: $0.a, b: $0.b, must: $0.must ?? false, session: $0.session, origin: $0.origin ?? .organizer,
                                       status: $0.status ?? .accepted)
                    },
                    blocks: entry.blocks ?? [], locks: entry.locks ?? [])
                for repeated in repeats where repeated.event == position {
                    problems.append(place.problem(repeated.message, at: repeated.field))
                }
                let registered = Set(participants.map(\.company))
                for (kind, pairs) in [("requests", definition.requests.map { ($0.a, $0.b) }), ("blocks", definition.blocks.map { ($0.a, $0.b) }),
                                      ("locks", definition.locks.map { ($0.a, $0.b) })] {
                    for (index, pair) in pairs.enumerated() {
                        for company in [pair.0, pair.1] where !registered.contains(company) {
                            problems.append(place.problem("\(company) is not among the event's participants", at: "\(kind)[\(index)]"))
                        }
                    }
                }
                if problems.isEmpty {
                    // The scheduler sees the requests in force only: its request i is the file's inForce[i].
                    let inForce = definition.requests.indices.filter { definition.requests[$0].isInForce }
                    do throws(SchedulingError) { try Scheduler.validate(definition.inForce) } catch {
                        problems += error.found.map { found in
                            place.problem(found.message, at: found.entry.map { entry in
                                var entry = entry
                                if entry.list == .requests { entry.index = inForce[entry.index] }
                                return entry.path
                            })
                        }
                    }
                }
                definitions.append(definition)
            }
            guard problems.isEmpty else { throw EventError.badFile(file: file, problems: problems) }
            return try definitions.map { definition in
                let before = try EventStore.definition(definition.spec.id, in: db)
                try EventStore.saveSpec(definition.spec, in: db)
                try EventStore.replaceRules(definition, in: db)
                let discarded = try before != nil && Self.validate(definition.spec.id, db: db, since: before)
                return ImportedEvent(definition: definition, discardedSchedule: discarded)
            }
        }
    }

    /// What registering companies did: the participants as registered, and whether their settings
    /// broke the event's current schedule (a slot taken from one that meets in it, a lower
    /// maximum…), which was therefore discarded: the event must be scheduled again.
    public struct Registration: Sendable {
        public var participants: [Participant]
        public var discardedSchedule: Bool
    }

    /// Registers companies for an event (or changes their settings when registered); ids are
    /// compared in NFC, as they are stored.
    @discardableResult
    public func addParticipants(_ companies: [String], to event: String, settings: ParticipantSettings) throws -> Registration {
        let companies = companies.map(CompanyText.nfc)
        return try writer.write { db in
            let definition = try definition(event, db: db)
            let existing = Dictionary(definition.participants.map { ($0.company, $0) }, uniquingKeysWith: { a, _ in a })
            let added = try companies.map { company in
                let side = try side(of: company, given: nil, in: definition.spec, db: db)
                var participant = existing[company] ?? Participant(company: company, side: side, maxMeetings: definition.spec.slots,
                                                                   available: SlotSet.all(definition.spec.slots))
                if let value = settings.maxMeetings { participant.maxMeetings = value }
                if let value = settings.available { participant.available = value }
                if let value = settings.reps { participant.reps = value }
                if let value = settings.interpreter { participant.interpreter = value }
                return participant
            }
            // Checked before anything is saved: the table's own checks would fail in SQL.
            let problems = added.flatMap(\.settingProblems)
            guard problems.isEmpty else { throw EventError.invalidEvent(event, problems) }
            for participant in added { try EventStore.saveParticipant(participant, event: event, in: db) }
            return Registration(participants: added, discardedSchedule: try Self.validate(event, db: db, since: definition))
        }
    }

    /// Unregisters companies, with every request, block and lock naming them. Returns true when
    /// the current schedule held one of them and was therefore discarded: the event must be
    /// scheduled again (`keepPublished` keeps what was published).
    @discardableResult
    public func removeParticipants(_ companies: [String], from event: String) throws -> Bool {
        let companies = companies.map(CompanyText.nfc)
        return try writer.write { db in
            let registered = Set(try definition(event, db: db).participants.map(\.company))
            for company in companies where !registered.contains(company) {
                throw EventError.notParticipant(event: event, company: company)
            }
            return try EventStore.removeParticipants(companies, event: event, in: db)
        }
    }

    /// Adds the organizer's request (in force at once), replacing the pair's. Returns true when
    /// it broke the current schedule, which was therefore discarded.
    @discardableResult
    public func addRequest(_ request: MeetingRequest, to event: String) throws -> Bool {
        try changeRules(event, companies: [request.a, request.b]) { db, _ in try EventStore.saveRequest(request, event: event, in: db) }
    }

    /// Never pairs two participants. Returns true when the pair met in the current schedule,
    /// which was therefore discarded.
    @discardableResult
    public func addBlock(_ block: PairBlock, to event: String) throws -> Bool {
        try changeRules(event, companies: [block.a, block.b]) { db, _ in try EventStore.saveBlock(block, event: event, in: db) }
    }

    /// Fixes a meeting at a slot (and table). Returns true when the current schedule does not
    /// hold it there, and was therefore discarded.
    @discardableResult
    public func addLock(_ lock: MeetingLock, to event: String) throws -> Bool {
        try changeRules(event, companies: [lock.a, lock.b]) { db, _ in try EventStore.saveLock(lock, event: event, in: db) }
    }

    /// Every event, by date.
    public func events() throws -> [EventSummary] {
        try writer.read { db in
            try EventStore.specs(in: db).map { spec in
                let definition = try EventStore.definition(spec.id, in: db)!
                let scheduled = try ScheduleStore.state(spec.id, in: db)
                let published = try ScheduleStore.publishedAt(spec.id, in: db)
                return EventSummary(spec: spec, delegates: definition.participants.filter { $0.side == .delegate }.count,
                                    hosts: definition.participants.filter { $0.side == .host }.count,
                                    meetings: scheduled?.report.meetings, publishedAt: published)
            }
        }
    }

    /// An event with its participants and rules.
    public func eventDefinition(_ id: String) throws -> EventDefinition {
        try writer.read { db in try definition(id, db: db) }
    }

    // MARK: - Helpers

    func definition(_ id: String, db: Database) throws -> EventDefinition {
        guard let definition = try EventStore.definition(id, in: db) else { throw EventError.unknownEvent(id) }
        return definition
    }

    /// A company's side at an event: the one `given`, else a delegate when it is of the event's
    /// delegation country and a host otherwise (in an open event the side only labels it).
    private func side(of company: String, given: Side?, in spec: EventSpec, db: Database) throws -> Side {
        guard let stored = try CompanyStore.fetch(id: company, in: db) else { throw StoreError.unknownCompany(company) }
        return given ?? (stored.company.country == spec.delegation ? .delegate : .host)
    }

    /// Makes `change` to the rules of `event` between registered `companies`, given the event as
    /// it was; whether it discarded the current schedule (see ``validate(_:db:)``).
    func changeRules(_ event: String, companies: [String], _ change: (Database, EventDefinition) throws -> Void) throws -> Bool {
        try writer.write { db in
            let before = try definition(event, db: db)
            let registered = Set(before.participants.map(\.company))
            for company in companies where !registered.contains(company) {
                throw EventError.notParticipant(event: event, company: company)
            }
            try change(db, before)
            return try Self.validate(event, db: db, since: before)
        }
    }

    /// Refuses (by throwing, so the caller's transaction rolls back) a change that leaves the
    /// event with a contradiction the scheduler would refuse. A current schedule the change
    /// breaks (a pair now blocked, a slot no longer available, fewer representatives…) is
    /// discarded, as its figures and meetings no longer hold: the event must be scheduled again.
    /// Returns true when it was. A schedule kept through a change of the rules in force since
    /// `before` (when given) remembers it: its figures are of the event as it was.
    @discardableResult
    static func validate(_ event: String, db: Database, since before: EventDefinition? = nil) throws -> Bool {
        guard let definition = try EventStore.definition(event, in: db) else { throw EventError.unknownEvent(event) }
        do {
            try Scheduler.validate(definition.inForce)
        } catch {
            throw EventError.invalidEvent(event, error.problems)
        }
        let meetings = try ScheduleStore.meetings(event, in: db).map { try $0.scheduled().meeting }
        guard !meetings.isEmpty, ScheduleConformance.brokenRule(meetings, of: definition.inForce) != nil else {
            if !meetings.isEmpty, let before, !before.inForce.holdsTheSameRules(as: definition.inForce) {
                try ScheduleStore.markRulesChanged(event, at: Timestamp.now(), in: db)
            }
            return false
        }
        try ScheduleStore.discard(event, in: db)
        return true
    }

    /// `spec` as the store holds it: its country and delegation as ISO codes where they name a
    /// country (a code in any case or a name), else as given in capitals for ``check(_:zoneProblem:)``
    /// to refuse; and its time zone told from the venue when empty, with the problem when it
    /// cannot be (a zone given must be an IANA zone). A zone is not told from a country that is
    /// none: the country is the problem, which ``check(_:zoneProblem:)`` names.
    private static func resolved(_ spec: EventSpec) -> (EventSpec, TimeZoneProblem?) {
        var spec = spec
        spec.country = ISOCodes.country(spec.country) ?? spec.country.uppercased()
        spec.delegation = ISOCodes.country(spec.delegation) ?? spec.delegation.uppercased()
        if spec.timeZone.isEmpty && !ISOCodes.countries.contains(spec.country) { return (spec, nil) }
        do throws(TimeZoneProblem) {
            spec.timeZone = try EventTimeZone.resolve(given: spec.timeZone.isEmpty ? nil : spec.timeZone, city: spec.city, country: spec.country)
            return (spec, nil)
        } catch {
            return (spec, error)
        }
    }

    /// Refuses an event that cannot be held, naming every problem: those of its fields and its
    /// country, then `zoneProblem` (why its zone could not be told, see ``resolved(_:)``, which
    /// also refuses a zone that is not IANA's).
    private static func check(_ spec: EventSpec, zoneProblem: TimeZoneProblem?) throws {
        var problems = spec.problems
        if !ISOCodes.countries.contains(spec.country) {
            problems.append("the event's country '\(spec.country)' is not an ISO 3166 country code or name")
        }
        if !ISOCodes.countries.contains(spec.delegation) {
            problems.append("the delegation '\(spec.delegation)' is not an ISO 3166 country code or name")
        } else if spec.pairing == .sides && spec.delegation == spec.country {
            problems.append("a sides event pairs a visiting delegation with hosts: its delegation (\(spec.delegation)) must not be "
                            + "its own country, not \(spec.country) (an event where anyone may meet anyone is --pairing open)")
        }
        if let zoneProblem { problems.append(zoneProblem.description) }
        if !problems.isEmpty { throw EventError.invalidEvent(spec.id, problems) }
    }
}
