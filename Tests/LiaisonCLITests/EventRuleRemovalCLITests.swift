import Foundation
import LiaisonTestSupport
import Testing

@Suite("liaison event unrequest, unblock, unlock")
struct EventRuleRemovalCLITests {
    /// The event's requests, blocks and locks as `event show --format json` prints them.
    private static func rules(in directory: URL) throws -> EventShowJSON {
        try JSONDecoder().decode(EventShowJSON.self, from: Data(
            try EventScenario.succeed(["event", "show", "forum", "--format", "json"], in: directory).stdout.utf8))
    }

    @Test("each takes back the pair's rule, named either way round, and prints one line saying so")
    func takeBack() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001", "--must"], in: directory)
            try EventScenario.succeed(["event", "request", "forum", "CN-0004", "CA-0004"], in: directory)
            try EventScenario.succeed(["event", "block", "forum", "CN-0002", "CA-0001"], in: directory)
            try EventScenario.succeed(["event", "lock", "forum", "CN-0003", "CA-0002", "--slot", "2", "--table", "3"], in: directory)
            try EventScenario.succeed(["event", "lock", "forum", "CN-0005", "CA-0005", "--slot", "4"], in: directory)

            let unrequested = try EventScenario.succeed(["event", "unrequest", "forum", "CA-0001", "CN-0001"], in: directory)
            #expect(unrequested.stdout == "unrequested: CA-0001 and CN-0001\n")
            let unblocked = try EventScenario.succeed(["event", "unblock", "forum", "CN-0002", "CA-0001"], in: directory)
            #expect(unblocked.stdout == "unblocked: CN-0002 and CA-0001\n")
            let unlocked = try EventScenario.succeed(["event", "unlock", "forum", "CA-0002", "CN-0003"], in: directory)
            #expect(unlocked.stdout == "unlocked: CA-0002 and CN-0003 (was in slot 2 at table 3)\n")
            #expect(try EventScenario.succeed(["event", "unlock", "forum", "CN-0005", "CA-0005"], in: directory).lines
                    == ["unlocked: CN-0005 and CA-0005 (was in slot 4)"])

            let left = try Self.rules(in: directory)
            #expect(left.requests == [.init(a: "CN-0004", b: "CA-0004", must: false)])
            #expect(left.blocks.isEmpty && left.locks.isEmpty)
            #expect(left.participants.count == 12)
        }
    }

    @Test("a lock given again replaces the pair's, either way round, saying where it was; a company removed twice in one command is named once")
    func lockAgain() throws {
        try EventScenario.withEvent { directory in
            #expect(try EventScenario.succeed(["event", "lock", "forum", "CN-0003", "CA-0002", "--slot", "2", "--table", "3"], in: directory).lines
                    == ["locked: CN-0003 and CA-0002 in slot 2 at table 3"])
            #expect(try EventScenario.succeed(["event", "lock", "forum", "CA-0002", "CN-0003", "--slot", "2"], in: directory).lines
                    == ["locked: CA-0002 and CN-0003 in slot 2 (was in slot 2 at table 3)"])
            #expect(try EventScenario.succeed(["event", "lock", "forum", "CN-0003", "CA-0002", "--slot", "2"], in: directory).lines
                    == ["locked: CN-0003 and CA-0002 in slot 2 (as already locked)"])
            let locks = try Self.rules(in: directory).locks
            #expect(locks.count == 1 && locks.first?.slot == 2 && locks.first?.table == nil)
            #expect(try EventScenario.succeed(["event", "remove", "forum", "CA-0002", "CA-0002"], in: directory).lines == ["removed CA-0002 from forum"])
            #expect(try Self.rules(in: directory).locks.isEmpty)
            // A company no longer registered: the advice fits a removal as well as an addition.
            let again = try EventScenario.run(["event", "remove", "forum", "CA-0002"], in: directory)
            #expect(again.status != 0 && again.stderr.contains("`liaison event show forum` lists its participants"), "\(again.stderr)")
        }
    }

    @Test("nothing to take back, an unknown event or a company that is no participant: one Error line, exit 1, nothing changed")
    func refused() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001"], in: directory)
            let before = try EventScenario.state(in: directory)
            for (command, kind) in [("unrequest", "request"), ("unblock", "block"), ("unlock", "lock")] {
                // CN-0001 and CA-0001 have a request but no block or lock; CN-0002 and CA-0002 have none.
                let pair = command == "unrequest" ? ["CN-0002", "CA-0002"] : ["CN-0001", "CA-0001"]
                let run = try EventScenario.run(["event", command, "forum"] + pair, in: directory)
                #expect(run.status == 1, "\(command)")
                expectRefused(run, mentioning: ["event 'forum' has no \(kind) between \(pair[0]) and \(pair[1])", "liaison event show forum"],
                              "\(command)")
                expectRefused(try EventScenario.run(["event", command, "nope", "CN-0001", "CA-0001"], in: directory),
                              mentioning: ["no event 'nope'", "liaison event list"], "\(command) nope")
                expectRefused(try EventScenario.run(["event", command, "forum", "CN-0001", "CA-0009"], in: directory),
                              mentioning: ["CA-0009 is not a participant of forum"], "\(command) CA-0009")
            }
            #expect(try EventScenario.state(in: directory) == before)
        }
    }

    @Test("the event command group lists them next to the commands that add what they take back")
    func listedInHelp() throws {
        try EventScenario.withImported { directory in
            let help = try EventScenario.succeed(["event", "--help"], in: directory).stdout
            for command in ["unrequest", "unblock", "unlock"] {
                #expect(help.contains("  \(command) "), "\(command) not in: \(help)")
            }
        }
    }
}
