import Foundation
import LiaisonTestSupport
import Testing

/// A negative number given to a numeric option reaches the command's own check, which says what
/// the option takes, instead of being read as an option of its own ("Missing value for …").
@Suite("Negative numbers for numeric options")
struct NegativeOptionCLITests {
    @Test("event add, schedule, lock and create take a negative number as the option's value and refuse it in words", arguments: [
        (["event", "add", "forum", "CN-0007", "--max-meetings", "-3"], "--max-meetings must be 0 or more, not -3"),
        (["event", "add", "forum", "CN-0007", "--reps", "-1"], "--reps must be at least 1, not -1"),
        (["event", "create", "forum2", "--name", "F", "--city", "Toronto", "--country", "CA", "--day", "2025-12-01,09:00,6",
          "--slot-minutes", "20", "--tables", "4", "--break-minutes", "-5"], "--day gives each day whole: leave out --break-minutes"),
        (["event", "schedule", "forum", "--min-meetings", "-3"], "--min-meetings must be 0 or more, not -3"),
        (["event", "schedule", "forum", "--exact-seconds", "-3"], "--exact-seconds must be a number of seconds from 0 to 86400"),
        (["event", "schedule", "forum", "--seed", "-3"], "The value '-3' is invalid for '--seed <seed>': must be 0 or more"),
    ])
    func refusedByValidation(arguments: [String], message: String) throws {
        try EventScenario.withEvent { directory in
            let before = try EventScenario.state(in: directory)
            let run = try EventScenario.run(arguments, in: directory)
            expectRefused(run, mentioning: [message], usageError: true)
            #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
            #expect(try EventScenario.state(in: directory) == before)
        }
    }

    @Test("a negative slot, table or count reaches the event's own rules", arguments: [
        (["event", "lock", "forum", "CN-0001", "CA-0001", "--slot", "-1"], "the lock of CN-0001 and CA-0001 in slot -1: the event has slots 1–6"),
        (["event", "lock", "forum", "CN-0001", "CA-0001", "--slot", "1", "--table", "-2"], "table -2 does not exist"),
        (Self.create(tables: "-4"), "tables must be at least 1, not -4"),
    ])
    func refusedByRules(arguments: [String], message: String) throws {
        try EventScenario.withEvent { directory in
            let run = try EventScenario.run(arguments, in: directory)
            expectRefused(run, mentioning: [message])
            #expect(!run.stderr.contains("Missing value"), "\(run.stderr)")
        }
    }

    /// `event create forum2` as the scenario creates `forum`, with `tables` tables.
    static func create(tables: String) -> [String] {
        var arguments = EventScenario.createArguments
        arguments[2] = "forum2"
        arguments[arguments.firstIndex(of: "--tables")! + 1] = tables
        return arguments
    }

    @Test("generate --seed -1 is refused in words")
    func generateSeed() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let run = try LiaisonBinary.run(["generate", "--seed", "-1", "--delegates", "1", "--us", "1", "--ca", "1", "-o", "out"], in: directory)
            expectRefused(run, mentioning: ["The value '-1' is invalid for '--seed <seed>': must be 0 or more"], usageError: true)
        }
    }
}
