// Schedules a random event and reports time, score against the exact upper bound, breaks and
// idle slots; with --instance FILE, also writes the instance and Liaison's schedule as JSON for
// the CP-SAT peer (Benchmarks/peers/bench_schedule.py); with --compact FILE, the event and
// Liaison's meetings for the compactness peer (Benchmarks/peers/bench_compactness.py).
//
//     ScheduleBench DELEGATES HOSTS SLOTS TABLES AVAILABILITY SEED REPEATS [--max-meetings N] [--instance FILE] [--compact FILE]
import Foundation
import LiaisonScheduling
import LiaisonTestSupport

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 7, let delegates = Int(arguments[0]), let hosts = Int(arguments[1]), let slots = Int(arguments[2]),
      let tables = Int(arguments[3]), let availability = Double(arguments[4]), let seed = UInt64(arguments[5]),
      let repeats = Int(arguments[6]) else {
    FileHandle.standardError.write(Data("usage: ScheduleBench DELEGATES HOSTS SLOTS TABLES AVAILABILITY SEED REPEATS [--max-meetings N] [--instance FILE]\n".utf8))
    exit(64)
}
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let shape = RandomEvent.Shape(delegates: delegates, hosts: hosts, slots: slots, tables: tables, availability: availability,
                              maxMeetings: option("--max-meetings").flatMap(Int.init))
var input = RandomEvent.make(shape, seed: seed)
// As `event schedule` does: the standard exact search, where the event is small enough for it.
input.exactSearch = .standard

/// CPU seconds this process has used: on a shared machine, wall time measures the neighbours too.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

var times: [Double] = []
var cpuTimes: [Double] = []
var result: ScheduleResult?
for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    result = try Scheduler.schedule(input)
    times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    cpuTimes.append(cpuSeconds() - cpuStart)
}
let report = result!.report
let median = times.sorted()[times.count / 2]
let cpuMedian = cpuTimes.sorted()[cpuTimes.count / 2]
print(String(format: "%d x %d, %d slots, %d tables, availability %.2f, seed %llu: median %.3f s wall (%@), %.3f s CPU; %d meetings, score %.3f, bound %.3f, ratio %.4f; breaks %d (max %d, spread %d, availability forces %d), idle slots %d; host table changes %d",
             delegates, hosts, slots, tables, availability, seed, median, times.map { String(format: "%.3f", $0) }.joined(separator: " "), cpuMedian,
             report.meetings, report.totalScore, report.upperBound, report.ratio, report.breaks.total, report.breaks.max, report.breaks.spread,
             try BreakFloor.forcedSpread(input, meetings: result!.meetings), report.idleSlots, report.tableChanges))

if let path = option("--compact") {
    struct Person: Encodable { var company: String; var available: [Int]; var reps: Int }
    struct Entry: Encodable { var a: String; var b: String; var slot: Int; var allowed: [Int]; var fixed: Bool }
    struct Compact: Encodable {
        var name: String, slots: Int, days: [[Int]], tables: Int, fairness: Int, participants: [Person], meetings: [Entry]
        var breaks: QualityReport.Breaks, idleSlots: Int
    }
    let people = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0) })
    let compact = Compact(name: "random \(delegates)x\(hosts) seed \(seed)", slots: slots, days: [[1, slots]], tables: tables, fairness: input.fairness,
                          participants: input.participants.map { Person(company: $0.company, available: $0.available.sorted, reps: $0.reps) },
                          meetings: result!.meetings.map { Entry(a: $0.a, b: $0.b, slot: $0.slot,
                                                                 allowed: people[$0.a]!.available.intersection(people[$0.b]!.available).sorted, fixed: false) },
                          breaks: report.breaks, idleSlots: report.idleSlots)
    try JSONEncoder().encode(compact).write(to: URL(fileURLWithPath: path))
}

if let path = option("--instance") {
    struct Instance: Encodable {
        var slots: Int
        var tables: Int
        var participants: [Participant]
        var scores: [[Double]]
        var liaison: Solution
    }
    struct Solution: Encodable {
        var seconds: Double
        var totalScore: Double
        var upperBound: Double
        var meetings: [Meeting]
    }
    let delegateIDs = input.participants.filter { $0.side == .delegate }.map(\.company)
    let hostIDs = input.participants.filter { $0.side == .host }.map(\.company)
    let instance = Instance(slots: slots, tables: tables, participants: input.participants,
                            scores: delegateIDs.map { d in hostIDs.map { input.scores.score(delegate: d, host: $0) } },
                            liaison: Solution(seconds: median, totalScore: report.totalScore, upperBound: report.upperBound,
                                              meetings: result!.meetings))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(instance).write(to: URL(fileURLWithPath: path))
}
