// A trade show at the scale of a hosted-buyer programme, generated from a seed: delegates (the
// hosted buyers, each asking for DMAX meetings) × hosts (each asking for 3/4 of HMAX to HMAX),
// DAYS days of SLOTS slots, TABLES tables, each participant available in a slot with
// probability AVAILABILITY. Scores are seeded uniform
// numbers (30 % of pairs score 0). As the store would, the runner lists each participant's exact
// best partners (PairScores.listLength) with the floor of each list, and Liaison schedules from
// that list alone. Prints the time of each run, meetings, score against the proven bound,
// breaks and idle slots.
//
//     TradeShowBench DELEGATES HOSTS DAYS SLOTS TABLES AVAILABILITY DMAX HMAX SEED [REPEATS]
import Foundation
import LiaisonCore
import LiaisonScheduling

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 9, let delegates = Int(arguments[0]), let hosts = Int(arguments[1]), let days = Int(arguments[2]),
      let slotsPerDay = Int(arguments[3]), let tables = Int(arguments[4]), let availability = Double(arguments[5]),
      let dmax = Int(arguments[6]), let hmax = Int(arguments[7]), let seed = UInt64(arguments[8]) else {
    FileHandle.standardError.write(Data("usage: TradeShowBench DELEGATES HOSTS DAYS SLOTS TABLES AVAILABILITY DMAX HMAX SEED [REPEATS]\n".utf8))
    exit(64)
}
let repeats = arguments.count > 9 ? Int(arguments[9]) ?? 1 : 1

/// A seeded score for a pair: 0 for 30 % of pairs, else uniform on a 0.001 grid.
func score(_ d: Int, _ h: Int) -> Double {
    var random = SeededGenerator(seed: seed, stream: UInt64(d), index: UInt64(h))
    return random.chance(0.3) ? 0 : (random.unit() * 1000).rounded() / 1000
}

let started = DispatchTime.now().uptimeNanoseconds
var random = SeededGenerator(seed: seed)
let slots = days * slotsPerDay
let eventDays = (0..<days).map { EventDay(date: String(format: "2026-06-%02d", 22 + $0), start: "09:00", slots: slotsPerDay, breakAfter: slotsPerDay / 2, breakMinutes: 60) }
let event = EventSpec(id: "trade-show", name: "Trade show", city: "Beijing", country: "CN", days: eventDays, slotMinutes: 15,
                      tables: tables, timeZone: "Asia/Shanghai")
@MainActor func participant(_ id: String, _ side: Side, least: Int, most: Int) -> Participant {
    var available = (1...slots).filter { _ in random.chance(availability) }
    if available.isEmpty { available = [1 + random.below(slots)] }
    return Participant(company: id, side: side, maxMeetings: least + random.below(most - least + 1), available: SlotSet(available))
}
let delegateList = (0..<delegates).map { participant(String(format: "D%05d", $0), .delegate, least: dmax, most: dmax) }
let hostList = (0..<hosts).map { participant(String(format: "H%05d", $0), .host, least: (3 * hmax + 3) / 4, most: hmax) }

// Each participant's best partners, exactly: a min-heap per participant, filled in one pass.
struct Heap {
    var limit: Int
    var items: [(score: Double, other: Int)] = []
    var floor: Double { items.count < limit ? -1 : items[0].score }
    mutating func offer(_ score: Double, _ other: Int) {
        if items.count < limit {
            items.append((score, other))
            var child = items.count - 1
            while child > 0, items[(child - 1) / 2].score > items[child].score { items.swapAt(child, (child - 1) / 2); child = (child - 1) / 2 }
        } else if score > items[0].score {
            items[0] = (score, other)
            var parent = 0
            while true {
                var smallest = parent
                for child in [2 * parent + 1, 2 * parent + 2] where child < items.count && items[child].score < items[smallest].score { smallest = child }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
    }
}
var delegateHeaps = delegateList.map { Heap(limit: PairScores.listLength(forCapacity: $0.capacity)) }
var hostHeaps = hostList.map { Heap(limit: PairScores.listLength(forCapacity: $0.capacity)) }
for d in 0..<delegates {
    for h in 0..<hosts {
        let value = score(d, h)
        if value > delegateHeaps[d].floor { delegateHeaps[d].offer(value, h) }
        if value > hostHeaps[h].floor { hostHeaps[h].offer(value, d) }
    }
}
var pairs: [PairScore] = []
var floors: [String: Double] = [:]
for d in 0..<delegates {
    for item in delegateHeaps[d].items { pairs.append(PairScore(a: delegateList[d].company, b: hostList[item.other].company, score: item.score)) }
    floors[delegateList[d].company] = max(0, delegateHeaps[d].floor)
}
for h in 0..<hosts {
    for item in hostHeaps[h].items { pairs.append(PairScore(a: delegateList[item.other].company, b: hostList[h].company, score: item.score)) }
    floors[hostList[h].company] = max(0, hostHeaps[h].floor)
}
var input = SchedulingInput(event: event, participants: delegateList + hostList, scores: PairScores(pairs: pairs, floors: floors))
// As `event schedule` does: the standard exact search, which an event this large does not get.
input.exactSearch = .standard
let generated = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
print(String(format: "%d x %d, %d days x %d slots, %d tables, availability %.2f, max %d/%d: %d listed pairs, generated in %.1f s",
             delegates, hosts, days, slotsPerDay, tables, availability, dmax, hmax, pairs.count, generated))

/// CPU seconds this process has used: on a shared machine, wall time measures the neighbours too.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

var times: [Double] = []
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let result = try Scheduler.schedule(input)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    times.append(seconds)
    let report = result.report
    print(String(format: "scheduled in %.1f s wall, %.1f s CPU: %d meetings, score %.1f, proven bound %.1f, ratio %.4f; breaks %d (max %d, spread %d, availability forces %d), idle slots %d; host table changes %d",
                 seconds, cpuSeconds() - cpuStart, report.meetings, report.totalScore, report.upperBound, report.ratio, report.breaks.total, report.breaks.max,
                 report.breaks.spread, try BreakFloor.forcedSpread(input, meetings: result.meetings), report.idleSlots, report.tableChanges))
}
if repeats > 1 { print(String(format: "median %.1f s wall of %d runs", times.sorted()[times.count / 2], repeats)) }
