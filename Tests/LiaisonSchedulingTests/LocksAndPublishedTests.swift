import LiaisonCore
import LiaisonScheduling
import LiaisonTestSupport
import Testing

@Suite("Blocks, locks and keeping a published schedule")
struct LocksAndPublishedTests {
    @Test("a blocked pair never meets, even when it is the best pair of the event")
    func blocksAreNeverScheduled() throws {
        var input = RandomEvent.make(RandomEvent.Shape(delegates: 8, hosts: 8, slots: 4, tables: 8), seed: 11)
        let best = try Scheduler.schedule(input)
        let top = try #require(best.meetings.max { $0.score < $1.score })
        input.blocks = [PairBlock(a: top.host, b: top.delegate)]
        let result = try Scheduler.schedule(input)
        #expect(result.meeting(top.delegate, top.host) == nil)
        #expect(result.report.upperBound <= best.report.upperBound + 1e-9)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
    }

    @Test("locks hold at their slot, and at their table when one is given, even for pairs scoring 0")
    func locksHold() throws {
        var input = RandomEvent.make(RandomEvent.Shape(delegates: 6, hosts: 7, slots: 5, tables: 4), seed: 5)
        input.scores = Fixture.scores(input.participants, [:])   // nothing scores: only the locks are worth anything
        input.locks = [MeetingLock(a: "D0", b: "H0", slot: 1, table: 4), MeetingLock(a: "H1", b: "D0", slot: 2),
                       MeetingLock(a: "D1", b: "H0", slot: 2, table: 1), MeetingLock(a: "D2", b: "H2", slot: 5)]
        for i in input.participants.indices { input.participants[i].available = .all(5) }
        let result = try Scheduler.schedule(input)
        #expect(result.meetings.count == 4)
        #expect(result.meeting("D0", "H0").map { [$0.slot, $0.table] } == [1, 4])
        #expect(result.meeting("D0", "H1")?.slot == 2)
        #expect(result.meeting("D1", "H0").map { [$0.slot, $0.table] } == [2, 1])
        #expect(result.meeting("D2", "H2")?.slot == 5)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
    }

    /// A 12 × 14 event, scheduled and published; then two delegates and two hosts register late,
    /// one host withdraws and one published pair is blocked.
    static func republished() throws -> (before: SchedulingInput, after: SchedulingInput, published: [Meeting], result: ScheduleResult,
                                         withdrawn: String, blockedPair: Meeting) {
        let before = RandomEvent.make(RandomEvent.Shape(delegates: 12, hosts: 14, slots: 6, tables: 10, availability: 0.8), seed: 21)
        let published = try Scheduler.schedule(before).meetings
        let withdrawn = "H3"
        let blockedPair = try #require(published.first { $0.host != withdrawn })
        var after = before
        after.participants.removeAll { $0.company == withdrawn }
        after.participants += [Fixture.delegate("D-LATE-1", max: 4, slots: [1, 2, 3, 4, 5, 6]), Fixture.delegate("D-LATE-2", max: 3, slots: [4, 5, 6]),
                               Fixture.host("H-LATE-1", max: 5, slots: [1, 2, 3, 4, 5, 6]), Fixture.host("H-LATE-2", max: 2, slots: [2, 3])]
        var random = SeededGenerator(seed: 99)
        var scores: [String: Double] = [:]
        for d in after.participants where d.side == .delegate {
            for h in after.participants where h.side == .host {
                let old = before.participants.contains { $0.company == d.company } && before.participants.contains { $0.company == h.company }
                scores["\(d.company)|\(h.company)"] = old ? before.scores.score(delegate: d.company, host: h.company) : 0.5 + random.unit() / 2
            }
        }
        after.scores = Fixture.scores(after.participants, scores)
        after.blocks = [PairBlock(a: blockedPair.delegate, b: blockedPair.host)]
        after.published = published
        after.keepPublished = true
        return (before, after, published, try Scheduler.schedule(after), withdrawn, blockedPair)
    }

    @Test("re-scheduling keeps every still-valid published meeting at its slot and table")
    func keepsPublishedMeetings() throws {
        let (_, after, published, result, withdrawn, blockedPair) = try Self.republished()
        #expect(ScheduleValidator(after, result).violations.isEmpty)
        let stillValid = published.filter { $0.host != withdrawn && $0.pair != blockedPair.pair }
        #expect(stillValid.count == published.count - published.filter { $0.host == withdrawn }.count - 1)
        for meeting in stillValid {
            let now = result.meeting(meeting.delegate, meeting.host)
            #expect(now.map { [$0.slot, $0.table] } == [meeting.slot, meeting.table], "\(meeting.delegate)–\(meeting.host)")
        }
        // The late registrations get meetings in the free room.
        #expect(result.meetings.contains { $0.delegate.hasPrefix("D-LATE") || $0.host.hasPrefix("H-LATE") })
    }

    @Test("the changes list exactly the meetings added, moved and dropped, with the reasons")
    func changesMatchTheDiff() throws {
        let (_, _, published, result, withdrawn, blockedPair) = try Self.republished()
        let changes = try #require(result.changes)
        let reference = ReferenceChanges(published: published, meetings: result.meetings)
        #expect(ReferenceChanges(changes) == reference)
        #expect(changes.added.count == Set(changes.added).count && changes.dropped.count == Set(changes.dropped.map(\.meeting)).count)
        #expect(changes.moved.isEmpty)
        #expect(changes.kept == result.meetings.count - changes.added.count)
        let dropped = Dictionary(uniqueKeysWithValues: changes.dropped.map { ($0.meeting.pair, $0.reason) })
        #expect(Set(dropped.keys) == Set(published.filter { $0.host == withdrawn }.map(\.pair)).union([blockedPair.pair]))
        #expect(dropped[blockedPair.pair]?.contains("blocked") == true)
        for meeting in published where meeting.host == withdrawn {
            #expect(dropped[meeting.pair]?.contains("\(withdrawn) is no longer registered") == true, "\(dropped[meeting.pair] ?? "not dropped")")
        }
    }

    @Test("without keepPublished the changes are still the exact diff against the published schedule")
    func changesWithoutKeeping() throws {
        let (_, after, _, _, _, _) = try Self.republished()
        var input = after
        input.keepPublished = false
        let result = try Scheduler.schedule(input)
        let changes = try #require(result.changes)
        #expect(ReferenceChanges(changes) == ReferenceChanges(published: input.published, meetings: result.meetings))
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        #expect(try Scheduler.schedule(RandomEvent.make(RandomEvent.Shape(delegates: 3, hosts: 3, slots: 2, tables: 2), seed: 1)).changes == nil)
    }

    @Test("without keepPublished, a published meeting still valid that is dropped says it was not kept, not that registrations changed")
    func droppedWithoutKeeping() throws {
        let (participants, scores, published) = try Self.square()
        // A late host D1 prefers to H2: scheduled afresh, D1–H2 goes.
        var input = Fixture.input(slots: 2, tables: 2, participants + [Fixture.host("H3", max: 2, slots: [1, 2])],
                                  scores: scores.merging(["D1|H3": 0.95, "D2|H3": 0.1]) { a, _ in a })
        input.published = published
        let result = try Scheduler.schedule(input)
        let dropped = try #require(result.changes?.dropped.first { $0.meeting.pair == MeetingPair(delegate: "D1", host: "H2") })
        #expect(dropped.reason.contains("--keep-published"), "\(dropped.reason)")
        input.keepPublished = true
        #expect(try Scheduler.schedule(input).changes?.dropped.isEmpty == true)
    }

    /// Two delegates and two hosts, everyone meeting everyone over two slots at two tables.
    static func square() throws -> (participants: [Participant], scores: [String: Double], published: [Meeting]) {
        let participants = [
            Fixture.delegate("D1", max: 2, slots: [1, 2]), Fixture.delegate("D2", max: 2, slots: [1, 2]),
            Fixture.host("H1", max: 2, slots: [1, 2]), Fixture.host("H2", max: 2, slots: [1, 2]),
        ]
        let scores = ["D1|H1": 0.9, "D1|H2": 0.8, "D2|H1": 0.7, "D2|H2": 0.6]
        let published = try Scheduler.schedule(Fixture.input(slots: 2, tables: 2, participants, scores: scores)).meetings
        try #require(published.count == 4)
        return (participants, scores, published)
    }

    @Test("a published meeting whose participant is no longer available is dropped, saying so; the rest stay put")
    func publishedMeetingLosesItsSlot() throws {
        let (participants, scores, published) = try Self.square()
        var changed = participants
        changed[0].available = SlotSet([2])   // D1 now only in slot 2
        var input = Fixture.input(slots: 2, tables: 2, changed, scores: scores)
        input.published = published
        input.keepPublished = true
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        let lost = try #require(published.first { $0.delegate == "D1" && $0.slot == 1 })
        let changes = try #require(result.changes)
        #expect(changes.dropped.map(\.meeting) == [lost])
        #expect(changes.dropped.first?.reason.contains("no longer available in slot 1") == true, "\(changes.dropped)")
        #expect(changes.added.isEmpty && changes.moved.isEmpty && changes.kept == 3)
        #expect(Set(result.meetings) == Set(published).subtracting([lost]))
    }

    @Test("published meetings at a table that no longer exists are dropped, saying so; the rest stay put")
    func publishedTableGone() throws {
        let (participants, scores, published) = try Self.square()
        var input = Fixture.input(slots: 2, tables: 1, participants, scores: scores)
        input.published = published
        input.keepPublished = true
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations.isEmpty)
        let changes = try #require(result.changes)
        #expect(Set(result.meetings) == Set(published.filter { $0.table == 1 }))
        #expect(Set(changes.dropped.map(\.meeting)) == Set(published.filter { $0.table == 2 }))
        for drop in changes.dropped { #expect(drop.reason.contains("table 2"), "\(drop.reason)") }
    }

    @Test("a published meeting at table 0 is not kept at table 0")
    func publishedTableZero() throws {
        let (participants, scores, published) = try Self.square()
        var input = Fixture.input(slots: 2, tables: 2, participants, scores: scores)
        input.published = published.map { var m = $0; if m.table == 2 { m.table = 0 }; return m }
        input.keepPublished = true
        let result = try Scheduler.schedule(input)
        #expect(ScheduleValidator(input, result).violations(of: [.range]).isEmpty,
                "\(result.meetings.map { "\($0.delegate)–\($0.host) slot \($0.slot) table \($0.table)" })")
    }

    @Test("a lower maximum drops an ordinary published meeting, never a must-meet one, however they are ordered in time")
    func lowerMaximumKeepsTheMust() throws {
        // D1 meets H1, H2 and H3; H3 is free only in the last slot, and D1–H3 is a must.
        for mustSlot in [1, 3] {
            let others = [1, 2, 3].filter { $0 != mustSlot }
            let participants = [Fixture.delegate("D1", max: 3, slots: [1, 2, 3]), Fixture.host("H1", max: 1, slots: [1, 2, 3]),
                                Fixture.host("H2", max: 1, slots: [1, 2, 3]), Fixture.host("H3", max: 1, slots: [mustSlot])]
            let scores = ["D1|H1": 0.9, "D1|H2": 0.8, "D1|H3": 0.1]
            let must = [MeetingRequest(a: "D1", b: "H3", must: true)]
            let published = try Scheduler.schedule(Fixture.input(slots: 3, tables: 3, participants, scores: scores, requests: must)).meetings
            try #require(published.count == 3 && published.first { $0.host == "H3" }?.slot == mustSlot && others.count == 2)
            var lowered = participants
            lowered[0].maxMeetings = 2
            var input = Fixture.input(slots: 3, tables: 3, lowered, scores: scores, requests: must)
            input.published = published
            input.keepPublished = true
            let result = try Scheduler.schedule(input)
            #expect(ScheduleValidator(input, result).violations.isEmpty)
            #expect(result.meeting("D1", "H3")?.slot == mustSlot, "must slot \(mustSlot): \(result.meetings)")
            #expect(result.unplacedRequests.isEmpty, "\(result.unplacedRequests)")
            let changes = try #require(result.changes)
            #expect(changes.dropped.count == 1 && changes.dropped[0].meeting.host != "H3")
            #expect(changes.dropped.first?.reason.contains("maximum") == true, "\(changes.dropped)")
        }
    }

    @Test("a request left out because a participant is full says so, also when published meetings are kept; kept meetings are not called locks")
    func keptMeetingsAreNotLocks() throws {
        // H1 meets at most once, and must meet D1; D2–H1 is requested too. One table: both slots are full.
        let participants = [Fixture.delegate("D1", max: 1, slots: [1, 2]), Fixture.delegate("D2", max: 2, slots: [1, 2]),
                            Fixture.host("H1", max: 1, slots: [1, 2]), Fixture.host("H2", max: 2, slots: [1, 2])]
        let scores = ["D1|H1": 0.9, "D1|H2": 0.8, "D2|H1": 0.3, "D2|H2": 0.7]
        let requests = [MeetingRequest(a: "D2", b: "H1", must: false), MeetingRequest(a: "D1", b: "H1", must: true)]
        let fresh = try Scheduler.schedule(Fixture.input(slots: 2, tables: 1, participants, scores: scores, requests: requests))
        try #require(fresh.meeting("D1", "H1") != nil && fresh.meeting("D2", "H2") != nil)
        var input = Fixture.input(slots: 2, tables: 1, participants, scores: scores, requests: requests)
        input.published = fresh.meetings
        input.keepPublished = true
        for result in [fresh, try Scheduler.schedule(input)] {
            let reasons = result.unplacedRequests.map(\.reason)
            #expect(reasons.count == 1 && reasons[0].contains("H1 has no room left"), "\(reasons)")
        }
        // A kept meeting that takes the only common slot is named as kept, not as locked.
        let pair = [Fixture.delegate("D1", max: 2, slots: [1, 2]), Fixture.host("H2", max: 2, slots: [1, 2])]
        let first = try Scheduler.schedule(Fixture.input(slots: 2, tables: 2, pair, scores: ["D1|H2": 0.8]))
        var later = Fixture.input(slots: 2, tables: 2, pair + [Fixture.delegate("D2", max: 1, slots: [1])],
                                  scores: ["D1|H2": 0.8, "D2|H2": 0.5], requests: [MeetingRequest(a: "D2", b: "H2", must: false)])
        later.published = first.meetings.map { var meeting = $0; meeting.slot = 1; return meeting }
        later.keepPublished = true
        let kept = try Scheduler.schedule(later)
        #expect(kept.meeting("D1", "H2")?.slot == 1)
        let reason = try #require(kept.unplacedRequests.first?.reason)
        #expect(!reason.contains("locked") && reason.contains("kept"), "\(reason)")
    }
}
