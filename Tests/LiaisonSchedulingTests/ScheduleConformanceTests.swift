import LiaisonScheduling
import Testing

/// A stored schedule checked against its event after a change: the scheduler's own schedules
/// always conform, and each kind of change that breaks one is caught (a block, a lock elsewhere,
/// a slot no longer available, a lower maximum, fewer representatives, a participant gone).
@Suite("Schedules against changed rules")
struct ScheduleConformanceTests {
    static func definition(_ input: SchedulingInput) -> EventDefinition {
        EventDefinition(spec: input.event, participants: input.participants, requests: input.requests, blocks: input.blocks,
                        locks: input.locks)
    }

    @Test("every schedule the scheduler makes keeps its event's rules; each change that breaks one is named", arguments: Array(UInt64(1)...30))
    func changes(seed: UInt64) throws {
        let input = RandomInstances.instance(seed: seed)
        let result = try Scheduler.schedule(input)
        let rules = Self.definition(input)
        #expect(ScheduleConformance.brokenRule(result.meetings, of: rules) == nil, "seed \(seed)")
        let ruled = Set(input.locks.map { Set([$0.a, $0.b]) } + input.requests.map { Set([$0.a, $0.b]) })
        guard let meeting = result.meetings.first(where: { !ruled.contains(Set([$0.a, $0.b])) }) else { return }

        // Each change as the store makes one: only when the event stays sound (a block on a must is refused first).
        func expectCaught(_ changed: EventDefinition, _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
            guard (try? Scheduler.validate(changed)) != nil else { return }
            let broken = ScheduleConformance.brokenRule(result.meetings, of: changed)
            #expect(broken?.contains(fragment) == true, "seed \(seed): \(String(describing: broken))", sourceLocation: sourceLocation)
        }
        // A pair without a request or lock may always be blocked: this change is checked on every seed.
        var blocked = rules
        blocked.blocks.append(PairBlock(a: meeting.a, b: meeting.b))
        #expect(ScheduleConformance.brokenRule(result.meetings, of: blocked)?.contains("is blocked") == true, "seed \(seed)")

        var locked = rules
        locked.locks.append(MeetingLock(a: meeting.a, b: meeting.b, slot: meeting.slot == 1 ? 2 : 1))
        expectCaught(locked, "locked elsewhere")

        let index = try #require(rules.participants.firstIndex { $0.company == meeting.a })
        var unavailable = rules
        unavailable.participants[index].available = SlotSet(unavailable.participants[index].available.sorted.filter { $0 != meeting.slot })
        expectCaught(unavailable, "not available in slot \(meeting.slot)")

        let count = result.meetings.filter { $0.a == meeting.a || $0.b == meeting.a }.count
        var fewer = rules
        fewer.participants[index].maxMeetings = count - 1
        expectCaught(fewer, "more meetings than its maximum")

        // A lock added on a pair that does not meet: the schedule lacks it.
        let met = Set(result.meetings.map { Set([$0.a, $0.b]) })
        let names = input.participants.map(\.company)
        if let pair = names.lazy.flatMap({ a in names.map { (a, $0) } }).first(where: { $0.0 < $0.1 && !met.contains(Set([$0.0, $0.1])) }) {
            var newLock = rules
            newLock.locks.append(MeetingLock(a: pair.0, b: pair.1, slot: 1))
            expectCaught(newLock, "is locked in slot 1 but not scheduled there")
        }

        var gone = rules
        gone.participants.remove(at: index)
        gone.requests.removeAll { $0.a == meeting.a || $0.b == meeting.a }
        gone.blocks.removeAll { $0.a == meeting.a || $0.b == meeting.a }
        gone.locks.removeAll { $0.a == meeting.a || $0.b == meeting.a }
        expectCaught(gone, "no longer pairs two registered participants")
    }

    @Test("two meetings of a participant in one slot break its single representative")
    func representatives() throws {
        var input = RandomInstances.instance(seed: 5)
        input.participants = input.participants.map { var p = $0; p.reps = 2; p.maxMeetings = input.event.slots * 2; return p }
        let result = try Scheduler.schedule(input)
        let rules = Self.definition(input)
        #expect(ScheduleConformance.brokenRule(result.meetings, of: rules) == nil)
        let twice = Dictionary(grouping: result.meetings.flatMap { m in [m.a, m.b].map { ($0, m.slot) } }, by: { "\($0.0) \($0.1)" })
            .first { $0.value.count > 1 }
        guard let twice else { return }
        var single = rules
        let company = twice.value[0].0
        single.participants = single.participants.map { var p = $0; if p.company == company { p.reps = 1 }; return p }
        #expect(ScheduleConformance.brokenRule(result.meetings, of: single)?.contains("than representatives") == true)
    }
}
