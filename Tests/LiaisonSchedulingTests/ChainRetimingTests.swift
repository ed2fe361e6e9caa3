import LiaisonCore
@testable import LiaisonScheduling
import Testing

/// Re-timing a participant's day while its partners make room by Kempe chains: what it may
/// move, and that it never breaks a rule or loses track of a meeting.
@Suite("Re-timing a day with partners making room by Kempe chains")
struct ChainRetimingTests {
    /// A one-day timetable of `slots` slots and `tables` tables with delegates D1… and hosts
    /// H1…, each available where `available` says (default: everywhere), meeting as `meetings`
    /// says (delegate, host, slot).
    static func timetable(slots: Int, tables: Int, delegates: Int, hosts: Int, available: [String: [Int]] = [:],
                          meetings: [(Int, Int, Int)]) throws -> Timetable {
        let everywhere = Array(1...slots)
        let participants = (1...delegates).map { Fixture.delegate("D\($0)", max: slots, slots: available["D\($0)"] ?? everywhere) }
            + (1...hosts).map { Fixture.host("H\($0)", max: slots, slots: available["H\($0)"] ?? everywhere) }
        let input = SchedulingInput(event: Fixture.event(slots: slots, tables: tables), participants: participants,
                                    scores: PairScores(pairs: []))
        let model = try EventModel(input)
        var timetable = Timetable(model: model)
        for (d, h, slot) in meetings {
            let key = EventModel.PairKey(a: try #require(model.index["D\(d)"]), b: try #require(model.index["H\(h)"]))
            timetable.place(key, in: slot)
        }
        return timetable
    }

    /// The search over ``timetable(slots:tables:delegates:hosts:available:meetings:)``.
    static func search(slots: Int, tables: Int, delegates: Int, hosts: Int, available: [String: [Int]] = [:],
                       meetings: [(Int, Int, Int)]) throws -> SlotSearch {
        SlotSearch(try timetable(slots: slots, tables: tables, delegates: delegates, hosts: hosts, available: available,
                                 meetings: meetings))
    }

    /// A random day drawn from `seed`: `slots` slots, up to `people` delegates and as many hosts,
    /// each available in 80 % of the slots, 1–4 tables, and pairs meeting with probability 0.6
    /// wherever both are free and a table is (each pair at most once).
    static func randomDay(seed: UInt64, slots: ClosedRange<Int> = 4...8, people: Int = 6) throws -> Timetable {
        var random = SeededGenerator(seed: seed, stream: 31, index: 0)
        let slots = slots.lowerBound + random.below(slots.count)
        let delegates = 2 + random.below(people - 1), hosts = 2 + random.below(people - 1)
        let tables = 1 + random.below(4)
        var available: [String: [Int]] = [:]
        for name in (1...delegates).map({ "D\($0)" }) + (1...hosts).map({ "H\($0)" }) {
            available[name] = (1...slots).filter { _ in random.chance(0.8) }
        }
        var meetings: [(Int, Int, Int)] = [], busy = Set<String>(), load = [Int: Int]()
        for d in 1...delegates {
            for h in 1...hosts where random.chance(0.6) {
                let free = (1...slots).filter { s in
                    available["D\(d)"]!.contains(s) && available["H\(h)"]!.contains(s)
                        && !busy.contains("D\(d)@\(s)") && !busy.contains("H\(h)@\(s)") && load[s, default: 0] < tables
                }
                guard !free.isEmpty else { continue }
                let s = free[random.below(free.count)]
                meetings.append((d, h, s))
                busy.formUnion(["D\(d)@\(s)", "H\(h)@\(s)"])
                load[s, default: 0] += 1
            }
        }
        return try timetable(slots: slots, tables: tables, delegates: delegates, hosts: hosts, available: available,
                             meetings: meetings)
    }

    /// Every rule the search keeps, recounted from the meetings' slots alone.
    static func rulesHold(_ search: SlotSearch) -> Bool {
        var perPerson: [Int: Int] = [:], perSlot: [Int: Int] = [:]
        for m in 0..<search.meetingCount where search.slot[m] > 0 {
            let s = search.slot[m]
            guard search.isAllowed(m, s) else { return false }
            perSlot[s, default: 0] += 1
            perPerson[search.a[m] * search.stride + s, default: 0] += 1
            perPerson[search.b[m] * search.stride + s, default: 0] += 1
        }
        let slots = 1...search.slotCount
        return slots.allSatisfy { perSlot[$0, default: 0] == search.load[$0] && search.load[$0] <= search.tables }
            && (0..<search.participantCount).allSatisfy { p in
                slots.allSatisfy { s in
                    let held = perPerson[p * search.stride + s, default: 0]
                    return held == Int(search.count[p * search.stride + s]) && held <= search.reps[p]
                }
            }
    }

    @Test("D1's break closes only if a partner lets another of its meetings go where D1's meeting leaves; a plain re-timing finds no room")
    func partnerMakesRoom() throws {
        // D1 meets H1 in slot 1 and H2 in slot 3: a break. H1 is busy 1–3 (D1, D2, D3) and not
        // available in 4; H2 is busy 2–4 (D4, D1, D5).
        var search = try Self.search(slots: 4, tables: 10, delegates: 5, hosts: 2, available: ["H1": [1, 2, 3]],
                                     meetings: [(1, 1, 1), (2, 1, 2), (3, 1, 3), (4, 2, 2), (1, 2, 3), (5, 2, 4)])
        defer { search.free() }
        let d1 = try #require(search.model.index["D1"])
        #expect(search.measure(d1).breaks == 1)
        let plain = search.retiming(d1, day: 0, breakWeight: Compaction.breakWeight)
        #expect(plain == nil)
        let before = search.slots
        let chained = search.chainRetiming(d1, day: 0, breakWeight: Compaction.breakWeight)
        let old = try #require(chained)
        #expect(Self.rulesHold(search))
        #expect(search.measure(d1).breaks == 0)
        let madeRoom = (0..<search.meetingCount).filter { search.a[$0] != d1 && search.slot[$0] != before[$0] }
        #expect(!madeRoom.isEmpty, "a partner's meeting with someone else moved")
        search.reassign(old)
        #expect(search.slots == before && Self.rulesHold(search), "undone exactly")
    }

    @Test("on 300 random days, every re-timing keeps every rule and can be undone exactly, and one that finds nothing leaves all as it was")
    func keepsTheRules() throws {
        var moved = 0
        for seed in UInt64(1)...300 {
            var search = SlotSearch(try Self.randomDay(seed: seed))
            defer { search.free() }
            #expect(Self.rulesHold(search), "seed \(seed): the fixture")
            for p in 0..<search.participantCount {
                let before = search.slots
                if let old = search.chainRetiming(p, day: 0, breakWeight: Compaction.breakWeight) {
                    moved += 1
                    #expect(Self.rulesHold(search), "seed \(seed), participant \(p)")
                    #expect((0..<search.meetingCount).allSatisfy { search.slot[$0] > 0 }, "seed \(seed): no meeting lost")
                    search.reassign(old)
                }
                #expect(search.slots == before && Self.rulesHold(search), "seed \(seed), participant \(p): as it was")
            }
        }
        #expect(moved > 100)
    }

    @Test("a chain priced without moving it: every participant's agenda as after the move, on 300 random days")
    func pricedInPlace() throws {
        var priced = 0
        for seed in UInt64(1)...300 {
            var search = SlotSearch(try Self.randomDay(seed: seed))
            defer { search.free() }
            var random = SeededGenerator(seed: seed, stream: 37, index: 0)
            for m in 0..<search.meetingCount {
                let s = search.slot[m], t = 1 + random.below(search.slotCount)
                guard t != s, search.chain(from: m, to: t), search.fits(s, t) else { continue }
                let extra = random.chance(0.5) ? 1 + random.below(search.slotCount) : 0
                let people = (0..<search.peopleCount).map { search.people[$0] }
                let predicted = people.map { search.measureAfterChain($0, s, t, adding: extra) }
                let before = search.slots
                search.swapMembers(s, t)
                let moved = people.map { r in
                    extra == 0 ? search.measure(r) : search.measure(r, busy: { w in
                        search.busy[r * search.words + w] | (extra / 64 == w ? 1 << UInt64(extra % 64) : 0)
                    })
                }
                search.swapMembers(s, t)
                #expect(predicted == moved, "seed \(seed), meeting \(m) to slot \(t)")
                #expect(search.slots == before)
                priced += 1
            }
        }
        #expect(priced > 500)
    }
}
