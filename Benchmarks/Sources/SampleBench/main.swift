// Schedules events stored in a Liaison database (the sample's three, after `liaison init`,
// `import companies` and `event import`) with the scores the store would give, and reports time,
// score against the bound, breaks and idle slots; with --instance DIR, writes each event and
// Liaison's meetings as JSON for the compactness peer (Benchmarks/peers/bench_compactness.py),
// which re-times the very same meetings with CP-SAT.
//
//     SampleBench DB EVENT… [--min-meetings N] [--instance DIR]
import Foundation
import LiaisonCore
import LiaisonScheduling
import LiaisonStore

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name), arguments.indices.contains(at + 1) else { return nil }
    let value = arguments[at + 1]
    arguments.removeSubrange(at...(at + 1))
    return value
}
let minMeetings = option("--min-meetings").flatMap(Int.init) ?? 3
let directory = option("--instance")
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: SampleBench DB EVENT… [--min-meetings N] [--instance DIR]\n".utf8))
    exit(64)
}
let database = try LiaisonDatabase.open(path: arguments[0], mode: .mustExist)
let table = try database.featureTable()
let weights = try database.scoreWeights()

/// What the compactness peer needs: the event's slots, days and tables, who meets when they
/// may, and Liaison's meetings with the figures it reported.
struct Instance: Encodable {
    struct Person: Encodable {
        var company: String
        var available: [Int]
        var reps: Int
    }
    struct Entry: Encodable {
        var a: String
        var b: String
        var slot: Int
        /// The slots the pair may meet in: both available (and within its request's session).
        var allowed: [Int]
        /// Locked by hand: the peer keeps it where it is.
        var fixed: Bool
    }
    var name: String
    var slots: Int
    var days: [[Int]]
    var tables: Int
    var fairness: Int
    var participants: [Person]
    var meetings: [Entry]
    var seconds: Double
    var totalScore: Double
    var upperBound: Double
    var breaks: QualityReport.Breaks
    var idleSlots: Int
}

for id in arguments.dropFirst() {
    let definition = try database.eventDefinition(id)
    let delegates = definition.participants.filter { $0.side == .delegate }.map(\.company)
    let hosts = definition.participants.filter { $0.side == .host }.map(\.company)
    let input = SchedulingInput(event: definition.spec, participants: definition.participants, requests: definition.requests,
                                blocks: definition.blocks, locks: definition.locks,
                                scores: PairScores(delegates: delegates, hosts: hosts, table: table, weights: weights), minMeetings: minMeetings)
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try Scheduler.schedule(input)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let report = result.report
    print(String(format: "%@: %.3f s, %d meetings, score %.3f of %.3f (%.2f %%), breaks %d (max %d, spread %d), idle slots %d",
                 id, seconds, report.meetings, report.totalScore, report.upperBound, 100 * report.ratio, report.breaks.total,
                 report.breaks.max, report.breaks.spread, report.idleSlots))
    guard let directory else { continue }
    let people = Dictionary(uniqueKeysWithValues: input.participants.map { ($0.company, $0) })
    let locked = Set(input.locks.map { [$0.a, $0.b].sorted() })
    var sessions: [[String]: SlotSet] = [:]
    for request in input.requests {
        if let name = request.session, let session = input.event.session(named: name) { sessions[[request.a, request.b].sorted()] = session.slots }
    }
    let instance = Instance(
        name: id, slots: input.event.slots, days: input.event.days.indices.map { [input.event.slots(ofDay: $0).lowerBound, input.event.slots(ofDay: $0).upperBound] },
        tables: input.event.tables, fairness: input.fairness,
        participants: input.participants.map { Instance.Person(company: $0.company, available: $0.available.sorted, reps: $0.reps) },
        meetings: result.meetings.map { m in
            let pair = [m.a, m.b].sorted()
            var allowed = people[m.a]!.available.intersection(people[m.b]!.available)
            if let session = sessions[pair] { allowed = allowed.intersection(session) }
            return Instance.Entry(a: m.a, b: m.b, slot: m.slot, allowed: allowed.sorted, fixed: locked.contains(pair))
        },
        seconds: seconds, totalScore: report.totalScore, upperBound: report.upperBound, breaks: report.breaks, idleSlots: report.idleSlots)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(instance).write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(id).json"))
}
