import Foundation
import LiaisonTestSupport
import Testing

/// Issue 12, defect 3: a default `event schedule oakland-breakfast-2025` left six participants
/// (delegate CN-0069 among them) without a meeting and named nobody.
@Suite("liaison event schedule: nobody is left out unnamed")
struct EventScheduleCLITests {
    /// The participants of the JSON export without any meeting.
    static func withoutMeetings(_ directory: URL, event: String) throws -> [String] {
        try SampleScenario.succeed(["event", "export", event, "--format", "json", "-o", "\(event).json"], in: directory)
        let export = try JSONDecoder().decode(EventExportJSON.self, from: Data(contentsOf: directory.appendingPathComponent("\(event).json")))
        return export.participants.map(\.id).filter { id in !export.meetings.contains { $0.delegate == id || $0.host == id } }
    }

    @Test("by default every participant is asked one meeting; anyone left short is named with the reason, in schedule and report")
    func defaultMinimum() throws {
        try SampleScenario.withImported { directory in
            let scheduled = try SampleScenario.succeed(["event", "schedule", "oakland-breakfast-2025"], in: directory)
            let report = try JSONDecoder().decode(EventReportJSON.self, from: Data(
                try SampleScenario.succeed(["event", "report", "oakland-breakfast-2025", "--format", "json"], in: directory).stdout.utf8))
            #expect(report.minMeetings == 1 && report.quality.minimumMeetings == 1)
            let empty = try Self.withoutMeetings(directory, event: "oakland-breakfast-2025")
            #expect(!empty.contains("CN-0069"), "CN-0069 still has no meeting")
            for id in empty {
                #expect(scheduled.lines.contains { $0.hasPrefix("  under the minimum: \(id) (0 meetings): ") }, "\(id) has no meeting and is not named")
            }
            #expect(scheduled.stdout == (try SampleScenario.succeed(["event", "report", "oakland-breakfast-2025"], in: directory)).stdout)
        }
    }

    @Test("with --min-meetings 0 nobody is under the minimum, but participants left without any meeting are still named")
    func zeroMinimum() throws {
        try SampleScenario.withImported { directory in
            let scheduled = try SampleScenario.succeed(["event", "schedule", "oakland-breakfast-2025", "--min-meetings", "0"], in: directory)
            let empty = try Self.withoutMeetings(directory, event: "oakland-breakfast-2025")
            try #require(!empty.isEmpty, "everyone has a meeting: the test checks nothing")
            for id in empty {
                #expect(scheduled.lines.contains { $0.hasPrefix("  without any meeting: \(id): ") }, "\(id) has no meeting and is not named")
            }
            #expect(!scheduled.lines.contains { $0.contains("under the minimum") })
            #expect(scheduled.stdout == (try SampleScenario.succeed(["event", "report", "oakland-breakfast-2025"], in: directory)).stdout)
        }
    }
}
