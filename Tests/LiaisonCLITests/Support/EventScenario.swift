import Foundation
import LiaisonTestSupport
import Testing

/// The scenario the event tests work on: `liaison generate --seed 5 --delegates 12 --us 20
/// --ca 15`, imported into `events.sqlite` of a fresh working directory.
enum EventScenario {
    static let generated = GeneratedScenario(seed: 5, delegates: 12, us: 20, ca: 15, database: "events.sqlite", initializes: true)
    static let database = generated.database

    static func withImported<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: (URL) throws -> T) throws -> T {
        try generated.withImported(sourceLocation: sourceLocation, body)
    }

    /// The imported scenario with event `forum` (Toronto, 6 slots of 20 minutes from 09:00, a
    /// 15-minute break after slot 3, 4 tables), CN-0001…0006 and CA-0001…0006 registered.
    static func withEvent<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: (URL) throws -> T) throws -> T {
        try withImported(sourceLocation: sourceLocation) { directory in
            try succeed(createArguments, in: directory, sourceLocation: sourceLocation)
            try succeed(["event", "add", "forum"] + (1...6).map { "CN-000\($0)" } + (1...6).map { "CA-000\($0)" }, in: directory,
                        sourceLocation: sourceLocation)
            return try body(directory)
        }
    }

    static let createArguments = ["event", "create", "forum", "--name", "Toronto Forum", "--city", "Toronto", "--country", "ca",
                                  "--date", "2025-12-01", "--start", "09:00", "--slots", "6", "--slot-minutes", "20",
                                  "--break-after", "3", "--break-minutes", "15", "--tables", "4"]

    /// `liaison ARGUMENTS --db events.sqlite`.
    static func run(_ arguments: [String], in directory: URL) throws -> LiaisonBinary.Run {
        try generated.run(arguments, in: directory)
    }

    /// Runs and fails the test unless the command succeeded.
    @discardableResult
    static func succeed(_ arguments: [String], in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> LiaisonBinary.Run {
        try generated.succeed(arguments, in: directory, sourceLocation: sourceLocation)
    }

    /// Everything the database says about events, to check that a refused command changed nothing.
    static func state(in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        var outputs = [try succeed(["event", "list", "--format", "json"], in: directory, sourceLocation: sourceLocation).stdout]
        for event in try JSONDecoder().decode([EventListJSON].self, from: Data(outputs[0].utf8)) {
            outputs.append(try succeed(["event", "show", event.event.id, "--format", "json"], in: directory, sourceLocation: sourceLocation).stdout)
            outputs.append(try run(["event", "report", event.event.id, "--format", "json"], in: directory).stdout)
        }
        return outputs
    }

    static func exists(_ path: String, in directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path)
    }
}

/// Our own mirror of `liaison event list --format json`.
struct EventListJSON: Decodable {
    struct Event: Decodable { var id: String; var name: String; var city: String; var country: String; var date: String; var tables: Int }
    var event: Event
    var delegates: Int
    var hosts: Int
    var meetings: Int?
    var publishedAt: String?
}

/// Our own mirror of `liaison event show --format json`.
struct EventShowJSON: Decodable {
    struct Participant: Decodable, Equatable {
        var company: String
        var side: String
        var maxMeetings: Int
        var available: String
        var reps: Int
        var interpreter: String?
    }

    struct Pair: Decodable, Equatable { var a: String; var b: String; var must: Bool?; var slot: Int?; var table: Int? }
    var event: EventListJSON.Event
    var participants: [Participant]
    var requests: [Pair]
    var blocks: [Pair]
    var locks: [Pair]
}

/// Our own mirror of `liaison event report --format json`.
struct EventReportJSON: Decodable {
    struct Quality: Decodable {
        struct Spread: Decodable { var min: Int; var median: Double; var max: Int }
        struct Tally: Decodable { var placed: Int; var asked: Int }
        var totalScore: Double
        var upperBound: Double
        var ratio: Double
        var meetings: Int
        var meetingsPerParticipant: Spread
        var minimumMeetings: Int
        var mustRequests: Tally
        var otherRequests: Tally
    }

    struct Changes: Decodable {
        struct Meeting: Decodable { var delegate: String; var host: String; var slot: Int; var table: Int }
        struct Drop: Decodable { var meeting: Meeting; var reason: String }
        var kept: Int
        var added: [Meeting]
        var dropped: [Drop]
    }

    var scheduledAt: String
    var minMeetings: Int
    var quality: Quality
    var changes: Changes?
}

/// Our own mirror of the parts of `liaison event export --format json` these tests read.
struct EventExportJSON: Decodable {
    struct Person: Decodable { var id: String; var name: String; var side: String; var maxMeetings: Int; var available: [Int]; var reps: Int }
    struct Meeting: Decodable { var slot: Int; var start: String; var table: Int; var delegate: String; var host: String; var score: Double }
    struct Quality: Decodable { var meetings: Int; var totalScore: Double }
    var participants: [Person]
    var meetings: [Meeting]
    var quality: Quality
}
