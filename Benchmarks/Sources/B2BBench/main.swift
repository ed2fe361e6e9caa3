// Schedules the B2B forums of Bofill et al. (JAIR 74, 2022) as Liaison open events and checks
// each schedule from its meetings alone: every requested meeting placed, every rule held, total
// breaks against the published optimum (fairness 2), spread, idle slots and time (median of the
// runs). With --json DIR, writes each schedule for the CP-SAT peer's check
// (Benchmarks/peers/b2b_cpsat.py --check). The exact search for fewer breaks spends what
// `event schedule` spends: the standard search, or at most S seconds with --exact-seconds S (0:
// none), or N conflicts with --exact-conflicts N.
//
//     B2BBench FILE.dzn… [--repeats N] [--seed S] [--exact-seconds S | --exact-conflicts N] [--json DIR] [--verbose]
import B2BForums
import Foundation
import LiaisonScheduling

/// Proven optimum total breaks under fairness 2 (the paper's Table 3): the 8 forums in the
/// datasets folder, and the archive's 12 others (tic-*, ticf-*) when given their files.
let published = ["forum-13": 0, "forum-13crafb": 6, "forum-13crafc": 1, "forum-14": 2, "forumt-14": 5,
                 "forumt-14crafc": 5, "forumt-14crafd": 4, "forumt-14crafe": 5,
                 "tic-12": 0, "tic-12crafc": 0, "tic-13": 0, "tic-13crafb": 0, "tic-13crafc": 4, "tic-14crafa": 0,
                 "tic-14crafc": 0, "tic-14crafd": 0, "ticf-13crafa": 0, "ticf-13crafb": 3, "ticf-13crafc": 1,
                 "ticf-14crafa": 0]

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let at = arguments.firstIndex(of: name), arguments.indices.contains(at + 1) else { return nil }
    let value = arguments[at + 1]
    arguments.removeSubrange(at...(at + 1))
    return value
}
let repeats = option("--repeats").flatMap(Int.init) ?? 3
let seed = option("--seed").flatMap(UInt64.init) ?? 0
// As `event schedule`: the standard exact search unless told otherwise (0 seconds: none).
let exactConflicts = option("--exact-conflicts").flatMap(Int.init)
let exactSearch = exactConflicts.map(ExactBudget.conflicts) ?? ExactBudget.asked(seconds: option("--exact-seconds").flatMap(Double.init))
let jsonDirectory = option("--json")
let verbose = arguments.contains("--verbose")
arguments.removeAll { $0 == "--verbose" }
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: B2BBench FILE.dzn… [--repeats N] [--seed S] [--exact-seconds S | --exact-conflicts N] [--json DIR]\n".utf8))
    exit(64)
}

print("instance          meetings  rules  breaks  optimum  spread  idle  seconds (median of \(repeats))")
var failed = false
for path in arguments {
    let name = BofillForum.name(ofFile: path)
    let forum: BofillForum
    do {
        forum = try BofillForum(parsing: try String(contentsOfFile: path, encoding: .utf8), name: name)
    } catch {
        print("\(path): \(error)")
        failed = true
        continue
    }
    var input = forum.schedulingInput(seed: seed)
    input.exactSearch = exactSearch
    var times: [Double] = []
    var result: ScheduleResult?
    do {
        for _ in 0..<max(repeats, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            result = try Scheduler.schedule(input)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
    } catch {
        print("\(name): \(error)")
        failed = true
        continue
    }
    let schedule = result!
    let check = ForumCheck(forum, schedule.meetings)
    let optimum = published[name]
    let median = times.sorted()[times.count / 2]
    let reported = schedule.report.breaks
    var problems = check.problems
    if reported.total != check.totalBreaks || reported.spread != check.spread || schedule.report.idleSlots != check.idleSlots {
        problems.append("the report says breaks \(reported.total) spread \(reported.spread) idle \(schedule.report.idleSlots)")
    }
    // Padded by hand: Foundation on Linux ignores the width of %@.
    func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
    func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
    print(padded(name, 16) + String(format: " %4d/%-4d ", check.placed, forum.distinctRequests.count) + right(problems.isEmpty ? "ok" : "FAILED", 6)
          + String(format: " %7d ", check.totalBreaks) + right(optimum.map(String.init) ?? "-", 8)
          + String(format: " %7d %5d %8.3f", check.spread, check.idleSlots, median))
    for problem in problems.prefix(10) { print("  \(problem)") }
    for pair in forum.repeatedPairs {
        print("  note: businesses \(pair[0]) and \(pair[1]) are requested more than once; Liaison meets a pair once")
    }
    for unplaced in schedule.unplacedRequests.prefix(10) {
        print("  unplaced \(unplaced.request.a)-\(unplaced.request.b)\(unplaced.request.session.map { " (\($0))" } ?? ""): \(unplaced.reason)")
    }
    if verbose {
        for (business, count) in check.breaks.sorted(by: { $0.key < $1.key }) where count > 0 {
            let slots = schedule.meetings.filter { $0.involves(forum.company(business)) }.map(\.slot).sorted()
            print("  business \(business): \(count) breaks, slots \(slots), forbidden \(forum.forbidden[business - 1].sorted())")
        }
    }
    if !problems.isEmpty || check.spread > 2 || optimum.map({ check.totalBreaks > $0 }) ?? false { failed = true }
    if let jsonDirectory {
        struct Row: Encodable { var a: Int; var b: Int; var slot: Int; var table: Int }
        let number = Dictionary(uniqueKeysWithValues: (1...forum.businesses).map { (forum.company($0), $0) })
        let rows = schedule.meetings.map { Row(a: number[$0.a] ?? 0, b: number[$0.b] ?? 0, slot: $0.slot, table: $0.table) }
        let url = URL(fileURLWithPath: jsonDirectory).appendingPathComponent("\(name).json")
        try FileManager.default.createDirectory(atPath: jsonDirectory, withIntermediateDirectories: true)
        try JSONEncoder().encode(["meetings": rows]).write(to: url)
    }
}
exit(failed ? 1 : 0)
