import Foundation
import GRDB
import LiaisonCore
import LiaisonScheduling

/// What went wrong with an event request, in words an organizer can act on.
public enum EventError: Error, Equatable, CustomStringConvertible {
    case unknownEvent(String)
    case eventExists(String)
    case invalidEvent(String, [String])
    case notParticipant(event: String, company: String)
    case wrongSide(company: String, country: String, event: String, hosts: String)
    case notScheduled(String)
    case badFile(file: String, problems: [String])

    public var description: String {
        switch self {
        case .unknownEvent(let id): "no event '\(id)'; `liaison event list` shows the events"
        case .eventExists(let id): "event '\(id)' already exists; change it with `liaison event import`, or choose another id"
        case .invalidEvent(let id, let problems): "event '\(id)': " + problems.joined(separator: "; ")
        case .notParticipant(let event, let company): "\(company) is not a participant of \(event); add it with `liaison event add \(event) \(company)`"
        case .wrongSide(let company, let country, let event, let hosts):
            "\(company) is from \(country): \(event) pairs \(MatchSides.delegation) delegates with \(hosts) hosts"
        case .notScheduled(let id): "event '\(id)' has no schedule yet; run `liaison event schedule \(id)`"
        case .badFile(_, let problems): problems.joined(separator: "\n")
        }
    }
}

/// Settings given to participants by `liaison event add`; nil keeps what is stored (or the default).
public struct ParticipantSettings: Sendable {
    public var maxMeetings: Int?
    public var available: SlotSet?
    public var reps: Int?
    public var interpreter: String?

    public init(maxMeetings: Int? = nil, available: SlotSet? = nil, reps: Int? = nil, interpreter: String? = nil) {
        self.maxMeetings = maxMeetings
        self.available = available
        self.reps = reps
        self.interpreter = interpreter
    }
}

/// One event in `liaison event list`.
public struct EventSummary: Sendable {
    public var spec: EventSpec
    public var delegates: Int
    public var hosts: Int
    public var meetings: Int?
    public var publishedAt: String?
}

extension LiaisonDatabase {
    /// Creates an event; refused when the id exists or the event cannot be held.
    public func createEvent(_ spec: EventSpec) throws {
        try Self.check(spec)
        try writer.write { db in
            guard try !EventStore.exists(spec.id, in: db) else { throw EventError.eventExists(spec.id) }
            try EventStore.saveSpec(spec, in: db)
        }
    }

    /// Creates or replaces the events of an event file, each with its participants, requests,
    /// blocks and locks, all in one transaction; refused whole, naming every problem.
    @discardableResult
    public func importEvents(from url: URL) throws -> [EventDefinition] {
        let file = url.relativePath
        let parsed: EventFile
        do {
            parsed = try EventFile.decode(Data(contentsOf: url))
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile || error.code == .fileReadUnknown {
            throw EventError.badFile(file: file, problems: ["\(file): file: cannot read it"])
        } catch {
            let (field, message) = EventFile.describe(error)
            throw EventError.badFile(file: file, problems: ["\(file): \(field): \(message)"])
        }
        return try writer.write { db in
            var problems: [String] = []
            var definitions: [EventDefinition] = []
            for (position, entry) in parsed.events.enumerated() {
                let spec = EventSpec(id: entry.id, name: entry.name, city: entry.city, country: entry.country.uppercased(),
                                     date: entry.date, start: entry.start, slots: entry.slots, slotMinutes: entry.slotMinutes,
                                     breakAfter: entry.breakAfter, breakMinutes: entry.breakMinutes ?? 0, tables: entry.tables,
                                     timeZone: entry.timeZone ?? EventSpec.defaultTimeZone(city: entry.city, country: entry.country))
                let place = "\(file): [\(position)]"
                do { try Self.check(spec) } catch { problems.append("\(place): \(error)") }
                var participants: [Participant] = []
                for (index, item) in (entry.participants ?? []).enumerated() {
                    do {
                        let side = try side(of: item.company, in: spec, db: db)
                        participants.append(Participant(company: item.company, side: side, maxMeetings: item.maxMeetings ?? spec.slots,
                                                        available: item.available ?? SlotSet.all(spec.slots), reps: item.reps ?? 1,
                                                        interpreter: item.interpreter))
                    } catch {
                        problems.append("\(place).participants[\(index)]: \(error)")
                    }
                }
                let definition = EventDefinition(
                    spec: spec, participants: participants,
                    requests: (entry.requests ?? []).map { MeetingRequest(a: $0.a, b: $0.b, must: $0.must ?? false) },
                    blocks: entry.blocks ?? [], locks: entry.locks ?? [])
                var seen = Set<String>()
                for (index, participant) in participants.enumerated() where !seen.insert(participant.company).inserted {
                    problems.append("\(place).participants[\(index)]: \(participant.company) is listed twice")
                }
                let registered = Set(participants.map(\.company))
                for (kind, pairs) in [("requests", definition.requests.map { ($0.a, $0.b) }), ("blocks", definition.blocks.map { ($0.a, $0.b) }),
                                      ("locks", definition.locks.map { ($0.a, $0.b) })] {
                    for (index, pair) in pairs.enumerated() {
                        for company in [pair.0, pair.1] where !registered.contains(company) {
                            problems.append("\(place).\(kind)[\(index)]: \(company) is not among the event's participants")
                        }
                    }
                }
                if problems.isEmpty {
                    do throws(SchedulingError) { try Scheduler.validate(definition) } catch { problems += error.problems.map { "\(place): \($0)" } }
                }
                definitions.append(definition)
            }
            guard problems.isEmpty else { throw EventError.badFile(file: file, problems: problems) }
            for definition in definitions {
                try EventStore.saveSpec(definition.spec, in: db)
                try EventStore.replaceRules(definition, in: db)
            }
            return definitions
        }
    }

    /// Registers companies for an event (or changes their settings when registered).
    @discardableResult
    public func addParticipants(_ companies: [String], to event: String, settings: ParticipantSettings) throws -> [Participant] {
        try writer.write { db in
            let definition = try definition(event, db: db)
            let existing = Dictionary(definition.participants.map { ($0.company, $0) }, uniquingKeysWith: { a, _ in a })
            let added = try companies.map { company in
                let side = try side(of: company, in: definition.spec, db: db)
                var participant = existing[company] ?? Participant(company: company, side: side, maxMeetings: definition.spec.slots,
                                                                   available: SlotSet.all(definition.spec.slots))
                if let value = settings.maxMeetings { participant.maxMeetings = value }
                if let value = settings.available { participant.available = value }
                if let value = settings.reps { participant.reps = value }
                if let value = settings.interpreter { participant.interpreter = value }
                try EventStore.saveParticipant(participant, event: event, in: db)
                return participant
            }
            try Self.validate(event, db: db)
            return added
        }
    }

    /// Unregisters companies, with every request, block and lock naming them. Returns true when
    /// the current schedule held one of them and was therefore discarded: the event must be
    /// scheduled again (`keepPublished` keeps what was published).
    @discardableResult
    public func removeParticipants(_ companies: [String], from event: String) throws -> Bool {
        try writer.write { db in
            let registered = Set(try definition(event, db: db).participants.map(\.company))
            for company in companies where !registered.contains(company) {
                throw EventError.notParticipant(event: event, company: company)
            }
            return try EventStore.removeParticipants(companies, event: event, in: db)
        }
    }

    public func addRequest(_ request: MeetingRequest, to event: String) throws {
        try changeRules(event, companies: [request.a, request.b]) { db in try EventStore.saveRequest(request, event: event, in: db) }
    }

    public func addBlock(_ block: PairBlock, to event: String) throws {
        try changeRules(event, companies: [block.a, block.b]) { db in try EventStore.saveBlock(block, event: event, in: db) }
    }

    public func addLock(_ lock: MeetingLock, to event: String) throws {
        try changeRules(event, companies: [lock.a, lock.b]) { db in try EventStore.saveLock(lock, event: event, in: db) }
    }

    /// Every event, by date.
    public func events() throws -> [EventSummary] {
        try writer.read { db in
            try EventStore.specs(in: db).map { spec in
                let definition = try EventStore.definition(spec.id, in: db)!
                let scheduled = try EventStore.scheduleState(spec.id, in: db)
                let published = try String.fetchOne(db, sql: "SELECT MAX(published_at) FROM published_meeting WHERE event = ?", arguments: [spec.id])
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

    /// Schedules an event from its participants, rules and the current scores, and stores the
    /// result as its current schedule (the published one stays until `publishEvent`).
    public func scheduleEvent(_ id: String, minMeetings: Int, keepPublished: Bool) throws -> ScheduleResult {
        let definition = try eventDefinition(id)
        let table = try featureTable()
        let weights = try scoreWeights()
        let published = try writer.read { db in try EventStore.published(id, in: db) }.filter { !$0.cancelled }.map(\.meeting)
        let delegates = definition.participants.filter { $0.side == .delegate }.map(\.company)
        let hosts = definition.participants.filter { $0.side == .host }.map(\.company)
        let input = SchedulingInput(
            event: definition.spec, participants: definition.participants, requests: definition.requests,
            blocks: definition.blocks, locks: definition.locks,
            scores: PairScores(delegates: delegates, hosts: hosts, table: table, weights: weights),
            minMeetings: minMeetings, published: published, keepPublished: keepPublished)
        let result = try Scheduler.schedule(input)
        try writer.write { db in try EventStore.saveSchedule(result, minMeetings: minMeetings, event: id, in: db) }
        return result
    }

    /// Publishes the current schedule.
    public func publishEvent(_ id: String) throws -> PublishSummary {
        try writer.write { db in
            _ = try definition(id, db: db)
            guard try EventStore.scheduleState(id, in: db) != nil else { throw EventError.notScheduled(id) }
            return try EventStore.publish(id, in: db)
        }
    }

    /// The current schedule's stored figures.
    public func eventScheduleState(_ id: String) throws -> StoredSchedule {
        try writer.read { db in
            _ = try definition(id, db: db)
            guard let state = try EventStore.scheduleState(id, in: db) else { throw EventError.notScheduled(id) }
            return state
        }
    }

    // MARK: - Helpers

    private func definition(_ id: String, db: Database) throws -> EventDefinition {
        guard let definition = try EventStore.definition(id, in: db) else { throw EventError.unknownEvent(id) }
        return definition
    }

    private func side(of company: String, in spec: EventSpec, db: Database) throws -> Side {
        guard let stored = try CompanyStore.fetch(id: company, in: db) else { throw StoreError.unknownCompany(company) }
        switch stored.company.country {
        case MatchSides.delegation: return .delegate
        case spec.country: return .host
        default: throw EventError.wrongSide(company: company, country: stored.company.country, event: spec.id, hosts: spec.country)
        }
    }

    private func changeRules(_ event: String, companies: [String], _ change: (Database) throws -> Void) throws {
        try writer.write { db in
            let registered = Set(try definition(event, db: db).participants.map(\.company))
            for company in companies where !registered.contains(company) {
                throw EventError.notParticipant(event: event, company: company)
            }
            try change(db)
            try Self.validate(event, db: db)
        }
    }

    /// Refuses (by throwing, so the caller's transaction rolls back) a change that leaves the
    /// event with a contradiction the scheduler would refuse.
    private static func validate(_ event: String, db: Database) throws {
        guard let definition = try EventStore.definition(event, in: db) else { throw EventError.unknownEvent(event) }
        do {
            try Scheduler.validate(definition)
        } catch {
            throw EventError.invalidEvent(event, error.problems)
        }
    }

    private static func check(_ spec: EventSpec) throws {
        var problems = spec.problems
        if !spec.hasKnownTimeZone { problems.append("unknown time zone '\(spec.timeZone)'; use an IANA name such as America/Toronto") }
        if !MatchSides.hosts.contains(spec.country) {
            problems.append("the event's country must be a host country (\(MatchSides.hosts.joined(separator: ", "))), not \(spec.country)")
        }
        if !problems.isEmpty { throw EventError.invalidEvent(spec.id, problems) }
    }
}
