import LiaisonScheduling

/// Checks a schedule against its input from the meetings alone, with nothing from the solver:
/// every hard rule, then every figure of the quality report recomputed here.
struct ScheduleValidator {
    /// What a violation breaks, so a test can single out one rule.
    enum Rule: String, CaseIterable, Sendable {
        case registeredPair, pairOnce, representatives, tablesPerSlot, tableClash, range, availability, blocked, lock,
             maxMeetings, score, report, unplacedRequests, changes, session, onlyRequests
    }

    struct Violation: CustomStringConvertible {
        var rule: Rule
        var message: String
        var description: String { "[\(rule.rawValue)] \(message)" }
    }

    /// Tolerance on sums of scores: their order of addition differs from the solver's.
    static let tolerance = 1e-9

    let input: SchedulingInput
    let result: ScheduleResult
    private(set) var violations: [Violation] = []

    init(_ input: SchedulingInput, _ result: ScheduleResult) {
        self.input = input
        self.result = result
        checkHardRules()
        checkReport()
        checkUnplacedRequests()
        checkChanges()
    }

    /// Every violation, or only those of `rules`.
    func violations(of rules: Set<Rule> = Set(Rule.allCases)) -> [Violation] {
        violations.filter { rules.contains($0.rule) }
    }

    private mutating func fail(_ rule: Rule, _ message: String) {
        violations.append(Violation(rule: rule, message: message))
    }

    private var people: [String: Participant] {
        Dictionary(input.participants.map { ($0.company, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func unordered(_ a: String, _ b: String) -> [String] { a < b ? [a, b] : [b, a] }

    // MARK: - Hard rules

    private mutating func checkHardRules() {
        let people = self.people
        let event = input.event
        var pairs = Set<[String]>()
        var perSlot: [Int: Int] = [:]
        var perCompanySlot: [[String]: Int] = [:]
        var perCompany: [String: Int] = [:]
        var tableUse: [[Int]: Int] = [:]
        let blocked = Set(input.blocks.map { Self.unordered($0.a, $0.b) })
        let requested = Self.requestsByPair(input.requests)
        var sessionOf: [[String]: EventSession] = [:]
        for request in input.requests {
            if let name = request.session, let session = event.session(named: name) { sessionOf[Self.unordered(request.a, request.b)] = session }
        }

        for m in result.meetings {
            let name = "\(m.delegate)–\(m.host) in slot \(m.slot) at table \(m.table)"
            if event.pairing == .open {
                if people[m.a] == nil || people[m.b] == nil || m.a == m.b { fail(.registeredPair, "\(name) does not pair two registered participants") }
            } else if people[m.delegate]?.side != .delegate || people[m.host]?.side != .host {
                fail(.registeredPair, "\(name) does not pair a registered delegate with a registered host")
            }
            if !pairs.insert(Self.unordered(m.a, m.b)).inserted { fail(.pairOnce, "\(name): the pair meets twice") }
            if let session = sessionOf[Self.unordered(m.a, m.b)], !session.slots.contains(m.slot) {
                fail(.session, "\(name) is outside the session '\(session.name)' its request asks for")
            }
            if input.onlyRequests && requested[Self.unordered(m.a, m.b)] == nil
                && !input.locks.contains(where: { Self.unordered($0.a, $0.b) == Self.unordered(m.a, m.b) }) {
                fail(.onlyRequests, "\(name) was not requested, and only requests are scheduled")
            }
            if !(1...max(event.slots, 1)).contains(m.slot) || !(1...max(event.tables, 1)).contains(m.table) {
                fail(.range, "\(name) is outside slots 1–\(event.slots) or tables 1–\(event.tables)")
            }
            perSlot[m.slot, default: 0] += 1
            perCompanySlot[[m.delegate, "\(m.slot)"], default: 0] += 1
            perCompanySlot[[m.host, "\(m.slot)"], default: 0] += 1
            perCompany[m.delegate, default: 0] += 1
            perCompany[m.host, default: 0] += 1
            tableUse[[m.slot, m.table], default: 0] += 1
            for company in [m.delegate, m.host] where people[company].map({ !$0.available.contains(m.slot) }) ?? false {
                fail(.availability, "\(name): \(company) is not available in that slot")
            }
            if blocked.contains(Self.unordered(m.delegate, m.host)) { fail(.blocked, "\(name) is a blocked pair") }
            let expected = input.scores.score(delegate: m.delegate, host: m.host)
            if m.score != expected { fail(.score, "\(name) scores \(m.score), the input says \(expected)") }
        }
        for (slot, count) in perSlot.sorted(by: { $0.key < $1.key }) where count > event.tables {
            fail(.tablesPerSlot, "slot \(slot) holds \(count) meetings for \(event.tables) tables")
        }
        for (key, count) in tableUse.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where count > 1 {
            fail(.tableClash, "\(count) meetings at table \(key[1]) in slot \(key[0])")
        }
        for (key, count) in perCompanySlot.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            if let reps = people[key[0]]?.reps, count > reps {
                fail(.representatives, "\(key[0]) has \(count) meetings in slot \(key[1]) with \(reps) representatives")
            }
        }
        for (company, count) in perCompany.sorted(by: { $0.key < $1.key }) {
            if let most = people[company]?.maxMeetings, count > most {
                fail(.maxMeetings, "\(company) has \(count) meetings, above its maximum \(most)")
            }
        }
        for lock in input.locks {
            let found = result.meetings.filter { Self.unordered($0.delegate, $0.host) == Self.unordered(lock.a, lock.b) }
            guard found.count == 1, let m = found.first else {
                fail(.lock, "the lock \(lock.a)–\(lock.b) appears \(found.count) times")
                continue
            }
            if m.slot != lock.slot || (lock.table.map { $0 != m.table } ?? false) {
                fail(.lock, "the lock \(lock.a)–\(lock.b) in slot \(lock.slot) table \(lock.table.map(String.init) ?? "any") "
                    + "is in slot \(m.slot) at table \(m.table)")
            }
        }
    }

    // MARK: - The report

    private mutating func checkReport() {
        let report = result.report
        let total = result.meetings.reduce(0.0) { $0 + $1.score }
        if abs(report.totalScore - total) > Self.tolerance { fail(.report, "totalScore \(report.totalScore), the meetings sum to \(total)") }
        if report.meetings != result.meetings.count { fail(.report, "meetings \(report.meetings), scheduled \(result.meetings.count)") }
        if report.totalScore > report.upperBound + 1e-6 {
            fail(.report, "totalScore \(report.totalScore) above the upper bound \(report.upperBound)")
        }
        let ratio = report.upperBound > 0 ? total / report.upperBound : 1
        if abs(report.ratio - ratio) > 1e-9 { fail(.report, "ratio \(report.ratio), total / bound is \(ratio)") }
        if report.minimumMeetings != input.minMeetings {
            fail(.report, "minimumMeetings \(report.minimumMeetings), asked \(input.minMeetings)")
        }

        // Meetings per participant, over every participant (those with none too).
        var counts: [String: Int] = [:]
        for p in input.participants { counts[p.company] = 0 }
        for m in result.meetings {
            counts[m.delegate, default: 0] += 1
            counts[m.host, default: 0] += 1
        }
        let sorted = input.participants.map { counts[$0.company]! }.sorted()
        let median: Double = sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2])
            : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let spread = report.meetingsPerParticipant
        if spread.min != (sorted.first ?? 0) || spread.max != (sorted.last ?? 0) || spread.median != median {
            fail(.report, "meetings per participant \(spread), expected min \(sorted.first ?? 0) median \(median) max \(sorted.last ?? 0)")
        }

        // Idle slots: available and without a meeting, between the first and last meeting of a
        // day; breaks: runs of slots without a meeting between two meetings of a day.
        var idle: [Int] = [], breaks: [Int] = []
        for p in input.participants {
            let slots = Set(result.meetings.filter { $0.delegate == p.company || $0.host == p.company }.map(\.slot))
            guard !slots.isEmpty else { continue }
            var idleSlots = 0, runs = 0
            for day in input.event.days.indices {
                let mine = slots.filter { input.event.slots(ofDay: day).contains($0) }
                guard let first = mine.min(), let last = mine.max() else { continue }
                idleSlots += (first...last).filter { p.available.contains($0) && !mine.contains($0) }.count
                runs += (first...last).filter { !mine.contains($0) && mine.contains($0 + 1) }.count
            }
            idle.append(idleSlots)
            breaks.append(runs)
        }
        var expectedBreaks = QualityReport.Breaks(total: breaks.reduce(0, +), max: breaks.max() ?? 0,
                                                  spread: (breaks.max() ?? 0) - (breaks.min() ?? 0))
        // Whether the exact search proved its count is checked against brute force elsewhere;
        // without a search there is no claim at all.
        if input.exactSearch != nil {
            expectedBreaks.fewestProven = report.breaks.fewestProven
            expectedBreaks.tooLargeToSearch = report.breaks.tooLargeToSearch
        }
        if report.breaks != expectedBreaks { fail(.report, "breaks \(report.breaks), expected \(expectedBreaks)") }
        if report.idleSlots != idle.reduce(0, +) { fail(.report, "idle slots \(report.idleSlots), expected \(idle.reduce(0, +))") }
        let mean = idle.isEmpty ? 0 : Double(idle.reduce(0, +)) / Double(idle.count)
        if abs(report.idleGaps.mean - mean) > 1e-12 || report.idleGaps.max != (idle.max() ?? 0) {
            fail(.report, "idle gaps \(report.idleGaps), expected mean \(mean) max \(idle.max() ?? 0)")
        }

        // Host table changes; with two meetings of a host in one slot their order is open, so
        // the figure must fall between the fewest and most changes of any order.
        let changes = Self.hostTableChanges(input, result.meetings)
        if !(changes.fewest...changes.most).contains(report.tableChanges) {
            fail(.report, "table changes \(report.tableChanges), expected \(changes.fewest == changes.most ? "\(changes.fewest)" : "\(changes.fewest)…\(changes.most)")")
        }

        // Requests, one per pair, a must winning over a plain request.
        let requests = Self.requestsByPair(input.requests)
        let placed = Set(result.meetings.map { Self.unordered($0.delegate, $0.host) })
        let musts = requests.filter(\.value)
        let others = requests.filter { !$0.value }
        let expectedMust = (placed: musts.keys.filter(placed.contains).count, asked: musts.count)
        let expectedOther = (placed: others.keys.filter(placed.contains).count, asked: others.count)
        if report.mustRequests.placed != expectedMust.placed || report.mustRequests.asked != expectedMust.asked {
            fail(.report, "must requests \(report.mustRequests), expected \(expectedMust)")
        }
        if report.otherRequests.placed != expectedOther.placed || report.otherRequests.asked != expectedOther.asked {
            fail(.report, "other requests \(report.otherRequests), expected \(expectedOther)")
        }

        // Who falls short of the minimum.
        var short: [String: Int] = [:]
        for p in input.participants where counts[p.company]! < input.minMeetings { short[p.company] = counts[p.company]! }
        let reported = Dictionary(report.underMinimum.map { ($0.company, $0.meetings) }, uniquingKeysWith: { _, last in last })
        if reported != short || reported.count != report.underMinimum.count {
            fail(.report, "under the minimum: reported \(report.underMinimum.map { ($0.company, $0.meetings) }), expected \(short)")
        }
    }

    private mutating func checkUnplacedRequests() {
        let placed = Set(result.meetings.map { Self.unordered($0.delegate, $0.host) })
        let expected = Set(Self.requestsByPair(input.requests).keys.filter { !placed.contains($0) })
        let reported = result.unplacedRequests.map { Self.unordered($0.request.a, $0.request.b) }
        if Set(reported) != expected || reported.count != expected.count {
            fail(.unplacedRequests, "unplaced requests \(reported.sorted { $0.lexicographicallyPrecedes($1) }), expected \(expected.sorted { $0.lexicographicallyPrecedes($1) })")
        }
        for unplaced in result.unplacedRequests where unplaced.reason.isEmpty {
            fail(.unplacedRequests, "the unplaced request \(unplaced.request.a)–\(unplaced.request.b) has no reason")
        }
    }

    /// Against a published schedule, the changes are exactly the diff by pair; without one, none.
    private mutating func checkChanges() {
        guard let changes = result.changes else {
            if !input.published.isEmpty { fail(.changes, "no changes against a published schedule of \(input.published.count) meetings") }
            return
        }
        if input.published.isEmpty { fail(.changes, "changes without a published schedule") }
        let reference = ReferenceChanges(published: input.published, meetings: result.meetings)
        if ReferenceChanges(changes) != reference {
            fail(.changes, "changes: \(changes.added.count) added, \(changes.moved.count) moved, \(changes.dropped.count) dropped, \(changes.kept) kept; "
                + "the diff: \(reference.added.count), \(reference.moved.count), \(reference.dropped.count), \(reference.kept)")
        }
        for drop in changes.dropped where drop.reason.isEmpty { fail(.changes, "\(drop.meeting.pair) dropped without a reason") }
    }

    /// Requests by unordered pair: true when any request for the pair is a must.
    static func requestsByPair(_ requests: [MeetingRequest]) -> [[String]: Bool] {
        var byPair: [[String]: Bool] = [:]
        for request in requests { byPair[unordered(request.a, request.b), default: false] = byPair[unordered(request.a, request.b)] == true || request.must }
        return byPair
    }

    /// The fewest and most table changes of hosts between consecutive meetings, over every order
    /// of a host's meetings within one slot (one order when it has at most one per slot).
    static func hostTableChanges(_ input: SchedulingInput, _ meetings: [Meeting]) -> (fewest: Int, most: Int) {
        var fewest = 0, most = 0
        for host in input.participants where host.side == .host && input.event.pairing == .sides {
            let groups = Dictionary(grouping: meetings.filter { $0.host == host.company }, by: \.slot)
                .sorted { $0.key < $1.key }.map { $0.value.map(\.table) }
            // best[t]: fewest (most) changes so far, ending at table t.
            var low: [Int: Int] = [:], high: [Int: Int] = [:]
            for group in groups {
                var nextLow: [Int: Int] = [:], nextHigh: [Int: Int] = [:]
                for order in permutations(group) {
                    let inside = zip(order, order.dropFirst()).filter { $0 != $1 }.count
                    let end = order.last!
                    let fromLow = low.isEmpty ? inside : low.map { $0.value + ($0.key != order[0] ? 1 : 0) + inside }.min()!
                    let fromHigh = high.isEmpty ? inside : high.map { $0.value + ($0.key != order[0] ? 1 : 0) + inside }.max()!
                    nextLow[end] = min(nextLow[end] ?? .max, fromLow)
                    nextHigh[end] = max(nextHigh[end] ?? .min, fromHigh)
                }
                low = nextLow
                high = nextHigh
            }
            fewest += low.values.min() ?? 0
            most += high.values.max() ?? 0
        }
        return (fewest, most)
    }

    private static func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i in
            permutations(Array(items[..<i] + items[(i + 1)...])).map { [items[i]] + $0 }
        }
    }
}

/// What re-scheduling changed against a published schedule, worked out here by pair.
struct ReferenceChanges: Equatable {
    var added: Set<Meeting>
    var moved: Set<[Meeting]>
    var dropped: Set<Meeting>
    var kept: Int

    init(published: [Meeting], meetings: [Meeting]) {
        let before = Dictionary(published.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(meetings.map { ($0.pair, $0) }, uniquingKeysWith: { first, _ in first })
        added = Set(meetings.filter { before[$0.pair] == nil })
        moved = Set(meetings.compactMap { m in before[m.pair].flatMap { $0.slot != m.slot || $0.table != m.table ? [$0, m] : nil } })
        dropped = Set(published.filter { after[$0.pair] == nil })
        kept = meetings.filter { m in before[m.pair].map { $0.slot == m.slot && $0.table == m.table } ?? false }.count
    }

    init(_ changes: ScheduleChanges) {
        added = Set(changes.added)
        moved = Set(changes.moved.map { [$0.from, $0.to] })
        dropped = Set(changes.dropped.map(\.meeting))
        kept = changes.kept
    }
}
