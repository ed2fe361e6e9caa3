import LiaisonCore
import LiaisonScheduling

/// Seeded tiny open events (anyone may meet anyone), written for exhaustive checks: 4–5
/// participants, 2–4 slots over one or two days, sessions `early` and `late` (the first and
/// second half of the slots), 1–3 tables, scores on a 0.001 grid, some blocks, and with `rules`
/// a lock and must-meet or plain requests, some asking for a session.
enum OpenInstances {
    static func tiny(seed: UInt64, rules: Bool, onlyRequests: Bool = false) -> SchedulingInput {
        var random = SeededGenerator(seed: seed, stream: 17, index: 0)
        let slots = 2 + random.below(3)
        let days = slots >= 4 && random.chance(0.5) ? [EventDay(date: "2026-03-10", start: "09:00", slots: slots / 2),
                                                      EventDay(date: "2026-03-11", start: "09:00", slots: slots - slots / 2)]
            : [EventDay(date: "2026-03-10", start: "09:00", slots: slots)]
        let half = max(1, slots / 2)
        let event = EventSpec(id: "open-\(seed)", name: "Open forum \(seed)", city: "Girona", country: "ES", days: days, slotMinutes: 20,
                              tables: 1 + random.below(3), timeZone: "Europe/Madrid", pairing: .open,
                              sessions: [EventSession(name: "early", slots: SlotSet(1...half)), EventSession(name: "late", slots: SlotSet((half + 1)...slots))])
        let people = (1...(4 + random.below(2))).map { i -> Participant in
            var available = (1...slots).filter { _ in random.chance(0.75) }
            if available.isEmpty { available = [1 + random.below(slots)] }
            return Participant(company: "P\(i)", maxMeetings: 1 + random.below(3), available: SlotSet(available), reps: random.chance(0.1) ? 2 : 1)
        }
        var pairs: [PairScore] = []
        var blocks: [PairBlock] = []
        for (i, x) in people.enumerated() {
            for y in people[(i + 1)...] {
                pairs.append(PairScore(a: x.company, b: y.company, score: random.chance(0.15) ? 0 : Double(1 + random.below(1000)) / 1000))
                if random.chance(0.15) { blocks.append(PairBlock(a: y.company, b: x.company)) }
            }
        }
        var input = SchedulingInput(event: event, participants: people, blocks: blocks, scores: PairScores(pairs: pairs),
                                    onlyRequests: onlyRequests)
        guard rules else { return input }
        let blocked = Set(blocks.map { [$0.a, $0.b].sorted() })
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.company, $0) })
        func common(_ pair: [String]) -> SlotSet { byID[pair[0]]!.available.intersection(byID[pair[1]]!.available) }
        let possible: [[String]] = pairs.map { [$0.a, $0.b] }.filter { !blocked.contains($0) && !common($0).isEmpty }
        guard !possible.isEmpty else { return input }
        var committed: [String: Int] = [:]
        var used = Set<[String]>()
        func capacity(_ id: String) -> Int { byID[id]!.capacity }
        if random.chance(0.3) {
            let pair = random.pick(possible)
            input.locks.append(MeetingLock(a: pair[1], b: pair[0], slot: random.pick(common(pair).sorted)))
            used.insert(pair)
            for id in pair { committed[id, default: 0] += 1 }
        }
        for _ in 0..<(onlyRequests ? 3 + random.below(4) : random.below(4)) {
            let pair = random.pick(possible)
            guard used.insert(pair).inserted else { continue }
            var must = onlyRequests ? random.chance(0.7) : random.chance(0.4)
            if must, pair.contains(where: { committed[$0, default: 0] >= capacity($0) }) { must = false }
            if must { for id in pair { committed[id, default: 0] += 1 } }
            let session = random.chance(0.3) ? random.pick(["early", "late"]) : nil
            let flip = random.chance(0.5)
            input.requests.append(MeetingRequest(a: flip ? pair[1] : pair[0], b: flip ? pair[0] : pair[1], must: must, session: session))
        }
        return input
    }
}

extension OpenInstances {
    /// A seeded open forum whose must-meet requests all fit, by construction: a hidden timetable
    /// pairs participants slot by slot (each at most once a slot, at most `tables` meetings a
    /// slot, no pair twice); each of its meetings is a must, two in five are locked where the
    /// hidden timetable has them, a participant's maximum is its number of musts, and a slot
    /// it has no meeting in is unavailable now and then. Every other pair has a score, so a
    /// must left out leaves room that other meetings may fill — as in a B2B forum with many
    /// meetings fixed in advance.
    static func lockedForum(seed: UInt64) -> SchedulingInput {
        var random = SeededGenerator(seed: seed, stream: 23, index: 0)
        let people = 14 + random.below(8), slots = 6 + random.below(3), tables = 3 + random.below(3)
        let names = (1...people).map { "P\($0)" }
        var busy = Array(repeating: Set<Int>(), count: people)
        var met = Set<[Int]>()
        var musts: [(a: Int, b: Int, slot: Int)] = []
        for slot in 1...slots {
            var free = Array(0..<people).filter { _ in random.chance(0.9) }
            var held = 0
            while held < tables && free.count >= 2 {
                let a = free.remove(at: random.below(free.count)), b = free.remove(at: random.below(free.count))
                guard met.insert([min(a, b), max(a, b)]).inserted else { continue }
                musts.append((a, b, slot))
                busy[a].insert(slot)
                busy[b].insert(slot)
                held += 1
            }
        }
        let participants = (0..<people).map { p in
            let available = (1...slots).filter { busy[p].contains($0) || !random.chance(0.2) }
            return Participant(company: names[p], maxMeetings: busy[p].count, available: SlotSet(available))
        }
        var pairs: [PairScore] = []
        for a in 0..<people {
            for b in (a + 1)..<people { pairs.append(PairScore(a: names[a], b: names[b], score: Double(1 + random.below(1000)) / 1000)) }
        }
        let event = EventSpec(id: "locked-\(seed)", name: "Locked forum \(seed)", city: "Girona", country: "ES",
                              days: [EventDay(date: "2026-03-10", start: "09:00", slots: slots)], slotMinutes: 20, tables: tables,
                              timeZone: "Europe/Madrid", pairing: .open)
        var input = SchedulingInput(event: event, participants: participants, scores: PairScores(pairs: pairs))
        input.requests = musts.map { MeetingRequest(a: names[$0.a], b: names[$0.b], must: true) }
        input.locks = musts.filter { _ in random.chance(0.4) }.map { MeetingLock(a: names[$0.a], b: names[$0.b], slot: $0.slot) }
        return input
    }
}
