import Foundation

/// Our own mirror of the JSON export (`ScheduleJSON`), decoded without the project's types.
struct ScheduleExport: Decodable {
    struct Event: Decodable {
        var id: String
        var name: String
        var city: String
        var country: String
        var date: String
        var start: String
        var slots: Int
        var slotMinutes: Int
        var breakAfter: Int?
        var breakMinutes: Int
        var tables: Int
        var timeZone: String
    }

    struct Person: Decodable {
        var id: String
        var name: String
        var side: String
        var maxMeetings: Int
        var available: [Int]
        var reps: Int
        var interpreter: String?
    }

    struct Meeting: Decodable, Hashable {
        var slot: Int
        var start: String
        var table: Int
        var delegate: String
        var host: String
        var score: Double
        /// The export's list of reasons (as `liaison match` lists them).
        var reasonList: [String]

        /// The reasons on one line, as the CSV master list writes them.
        var reasons: String { reasonList.joined(separator: "; ") }

        enum CodingKeys: String, CodingKey {
            case slot, start, table, delegate, host, score
            case reasonList = "reasons"
        }
    }

    struct Quality: Decodable {
        struct Spread: Decodable { var min: Int; var median: Double; var max: Int }
        struct Tally: Decodable, Equatable { var placed: Int; var asked: Int }
        struct Gaps: Decodable { var mean: Double; var max: Int }
        struct Shortfall: Decodable { var company: String; var meetings: Int; var reason: String }
        var totalScore: Double
        var upperBound: Double
        var ratio: Double
        var meetings: Int
        var meetingsPerParticipant: Spread
        var minimumMeetings: Int
        var underMinimum: [Shortfall]
        var mustRequests: Tally
        var otherRequests: Tally
        var idleGaps: Gaps
        var tableChanges: Int
    }

    struct Request: Decodable { var a: String; var b: String; var must: Bool }
    struct Unplaced: Decodable { var request: Request; var reason: String }

    struct Changes: Decodable {
        struct Changed: Decodable, Hashable { var delegate: String; var host: String; var slot: Int; var table: Int; var score: Double }
        struct Move: Decodable { var from: Changed; var to: Changed }
        struct Drop: Decodable { var meeting: Changed; var reason: String }
        var kept: Int
        var added: [Changed]
        var moved: [Move]
        var dropped: [Drop]
    }

    var event: Event
    var participants: [Person]
    var meetings: [Meeting]
    var quality: Quality
    var minMeetings: Int
    var unplacedRequests: [Unplaced]
    var changes: Changes?

    static func decode(_ data: Data) throws -> ScheduleExport {
        try JSONDecoder().decode(ScheduleExport.self, from: data)
    }

    /// `HH:MM` of a slot's start, computed here from the event's fields.
    func clock(ofSlot slot: Int) -> String {
        let parts = event.start.split(separator: ":").compactMap { Int($0) }
        var minute = parts[0] * 60 + parts[1] + (slot - 1) * event.slotMinutes
        if let pause = event.breakAfter, slot > pause { minute += event.breakMinutes }
        return String(format: "%02d:%02d", minute / 60 % 24, minute % 60)
    }
}

/// What an organizer registered besides the participants, which the export does not carry:
/// requests, blocks and locks, by company id in either order.
struct ScheduleRules {
    var requests: [(a: String, b: String, must: Bool)] = []
    var blocks: [(a: String, b: String)] = []
    var locks: [(a: String, b: String, slot: Int, table: Int?)] = []
}

/// Checks a schedule export against every hard rule and recomputes its quality figures, from the
/// export (and the rules it does not carry) alone: what a script reading the JSON sees. (The
/// scheduler's tests check a `ScheduleResult` against its `SchedulingInput` with their own
/// `ScheduleValidator`; this one never sees the project's types.)
enum ExportValidator {
    /// An unordered pair, as a set of two ids.
    static func pair(_ a: String, _ b: String) -> Set<String> { [a, b] }

    /// Every broken rule and every quality figure that disagrees with the meetings, in words.
    static func problems(_ export: ScheduleExport, rules: ScheduleRules) -> [String] {
        var problems: [String] = []
        let event = export.event
        let people = Dictionary(export.participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        if people.count != export.participants.count { problems.append("a participant is listed twice") }
        var pairs = Set<Set<String>>()
        var perSlot: [Int: [ScheduleExport.Meeting]] = [:]
        var perParticipant: [String: [ScheduleExport.Meeting]] = [:]
        for m in export.meetings {
            let name = "\(m.delegate)–\(m.host) (slot \(m.slot), table \(m.table))"
            guard let d = people[m.delegate], let h = people[m.host] else {
                problems.append("\(name) names a company that is not a participant")
                continue
            }
            if d.side != "delegate" { problems.append("\(name): \(m.delegate) is not a delegate") }
            if h.side != "host" { problems.append("\(name): \(m.host) is not a host") }
            if !pairs.insert(pair(m.delegate, m.host)).inserted { problems.append("\(name): the pair meets twice") }
            if !(1...event.slots).contains(m.slot) { problems.append("\(name): slot outside 1…\(event.slots)") }
            if !(1...event.tables).contains(m.table) { problems.append("\(name): table outside 1…\(event.tables)") }
            for p in [d, h] where !p.available.contains(m.slot) { problems.append("\(name): \(p.id) is not available then") }
            if m.start != export.clock(ofSlot: m.slot) { problems.append("\(name): starts at \(m.start), not \(export.clock(ofSlot: m.slot))") }
            perSlot[m.slot, default: []].append(m)
            perParticipant[m.delegate, default: []].append(m)
            perParticipant[m.host, default: []].append(m)
        }
        for (slot, meetings) in perSlot {
            if meetings.count > event.tables { problems.append("slot \(slot) holds \(meetings.count) meetings for \(event.tables) tables") }
            if Set(meetings.map(\.table)).count != meetings.count { problems.append("slot \(slot) uses a table twice: \(meetings.map(\.table).sorted())") }
        }
        for (company, meetings) in perParticipant {
            guard let person = people[company] else { continue }
            if meetings.count > person.maxMeetings { problems.append("\(company) has \(meetings.count) meetings, above its maximum \(person.maxMeetings)") }
            for (slot, inSlot) in Dictionary(grouping: meetings, by: \.slot) where inSlot.count > person.reps {
                problems.append("\(company) has \(inSlot.count) meetings in slot \(slot) with \(person.reps) representative(s)")
            }
        }
        for block in rules.blocks where pairs.contains(pair(block.a, block.b)) {
            problems.append("the blocked pair \(block.a)–\(block.b) meets")
        }
        for lock in rules.locks {
            let found = export.meetings.first { pair($0.delegate, $0.host) == pair(lock.a, lock.b) }
            if found?.slot != lock.slot || (lock.table != nil && found?.table != lock.table) {
                problems.append("the lock \(lock.a)–\(lock.b) in slot \(lock.slot) table \(lock.table.map(String.init) ?? "any") is not kept: \(String(describing: found))")
            }
        }
        problems += qualityProblems(export, rules: rules, pairs: pairs, perParticipant: perParticipant)
        return problems
    }

    /// The tolerance for sums of scores: relative 1e-9, as the export rounds nothing.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

    private static func qualityProblems(_ export: ScheduleExport, rules: ScheduleRules, pairs: Set<Set<String>>,
                                        perParticipant: [String: [ScheduleExport.Meeting]]) -> [String] {
        var problems: [String] = []
        let q = export.quality
        let total = export.meetings.reduce(0) { $0 + $1.score }
        if !close(q.totalScore, total) { problems.append("total score \(q.totalScore), the meetings sum to \(total)") }
        if q.meetings != export.meetings.count { problems.append("\(q.meetings) meetings reported, \(export.meetings.count) listed") }
        if q.upperBound + 1e-9 < q.totalScore { problems.append("upper bound \(q.upperBound) below the total \(q.totalScore)") }
        if q.upperBound > 0, !close(q.ratio, q.totalScore / q.upperBound) { problems.append("ratio \(q.ratio) is not total / bound") }
        let counts = export.participants.map { perParticipant[$0.id]?.count ?? 0 }.sorted()
        if let first = counts.first, let last = counts.last {
            let median = counts.count % 2 == 1 ? Double(counts[counts.count / 2]) : Double(counts[counts.count / 2 - 1] + counts[counts.count / 2]) / 2
            let spread = q.meetingsPerParticipant
            if spread.min != first || spread.max != last || spread.median != median {
                problems.append("meetings per participant reported \(spread.min)/\(spread.median)/\(spread.max), counted \(first)/\(median)/\(last)")
            }
        }
        if q.minimumMeetings != export.minMeetings { problems.append("minimum \(q.minimumMeetings) in the figures, \(export.minMeetings) asked") }
        let short = Set(export.participants.filter { (perParticipant[$0.id]?.count ?? 0) < export.minMeetings }.map(\.id))
        if Set(q.underMinimum.map(\.company)) != short { problems.append("under the minimum: reported \(q.underMinimum.map(\.company).sorted()), counted \(short.sorted())") }
        for shortfall in q.underMinimum where shortfall.meetings != perParticipant[shortfall.company]?.count ?? 0 {
            problems.append("\(shortfall.company) reported with \(shortfall.meetings) meetings")
        }
        // Requests by unordered pair, a must winning over a plain request.
        var requested: [Set<String>: Bool] = [:]
        for r in rules.requests { requested[pair(r.a, r.b)] = (requested[pair(r.a, r.b)] ?? false) || r.must }
        var musts = ScheduleExport.Quality.Tally(placed: 0, asked: 0), others = musts
        for (key, must) in requested {
            let placed = pairs.contains(key) ? 1 : 0
            if must { musts.asked += 1; musts.placed += placed } else { others.asked += 1; others.placed += placed }
        }
        if q.mustRequests != musts { problems.append("must requests reported \(q.mustRequests), counted \(musts)") }
        if q.otherRequests != others { problems.append("other requests reported \(q.otherRequests), counted \(others)") }
        let unplaced = Set(requested.keys.filter { !pairs.contains($0) })
        if Set(export.unplacedRequests.map { pair($0.request.a, $0.request.b) }) != unplaced || export.unplacedRequests.count != unplaced.count {
            problems.append("unplaced requests reported \(export.unplacedRequests.map { "\($0.request.a)–\($0.request.b)" }), counted \(unplaced)")
        }
        // Idle slots between a participant's first and last meeting, where it is available.
        let idle = export.participants.compactMap { person -> Int? in
            let slots = Set((perParticipant[person.id] ?? []).map(\.slot))
            guard let first = slots.min(), let last = slots.max() else { return nil }
            return (first...last).filter { person.available.contains($0) && !slots.contains($0) }.count
        }
        let mean = idle.isEmpty ? 0 : Double(idle.reduce(0, +)) / Double(idle.count)
        if !close(q.idleGaps.mean, mean) || q.idleGaps.max != (idle.max() ?? 0) {
            problems.append("idle gaps reported mean \(q.idleGaps.mean) max \(q.idleGaps.max), counted \(mean) and \(idle.max() ?? 0)")
        }
        // Table changes are well defined only when no host holds two meetings in one slot.
        let hosts = export.participants.filter { $0.side == "host" }
        let hostMeetings = hosts.map { (perParticipant[$0.id] ?? []).sorted { $0.slot < $1.slot } }
        if hostMeetings.allSatisfy({ Set($0.map(\.slot)).count == $0.count }) {
            let changes = hostMeetings.reduce(0) { total, meetings in
                total + zip(meetings, meetings.dropFirst()).filter { $0.table != $1.table }.count
            }
            if q.tableChanges != changes { problems.append("table changes reported \(q.tableChanges), counted \(changes)") }
        }
        return problems
    }
}
