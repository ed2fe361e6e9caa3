import Foundation
import LiaisonTestSupport
import Testing

/// One JSON convention for every command (README, "JSON output"): camelCase field names, the same
/// shape for the same thing, reasons always a list, and what `show` prints `import` reads back.
@Suite("One JSON convention")
struct JSONConventionCLITests {
    /// Every field name of every object in `value`, with where it is. Map-like objects whose keys
    /// are data (country codes, sector ids, term names) are walked but their keys not returned.
    static func fieldNames(_ value: Any, path: String = "", dataKeys: Set<String>) -> [(String, String)] {
        if let array = value as? [Any] {
            return array.enumerated().flatMap { fieldNames($1, path: "\(path)[\($0)]", dataKeys: dataKeys) }
        }
        guard let object = value as? [String: Any] else { return [] }
        let isData = dataKeys.contains(path.split(separator: ".").last.map { String($0.split(separator: "[").first ?? "") } ?? "")
        return object.flatMap { key, child in
            (isData ? [] : [(key, path)]) + fieldNames(child, path: "\(path).\(key)", dataKeys: dataKeys)
        }
    }

    /// Objects whose keys are data, not field names.
    static let dataKeyed: Set<String> = ["lists", "components", "sectors", "offers", "seeks", "extra"]

    static func isCamelCase(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isLowercase else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    @Test("every command's JSON names its fields in camelCase")
    func camelCaseEverywhere() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001", "--must"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            try EventScenario.succeed(["event", "publish", "forum"], in: directory)
            try EventScenario.succeed(["rerank"], in: directory)
            try EventScenario.succeed(["event", "export", "forum", "--format", "json", "-o", "forum.json"], in: directory)
            var outputs: [(String, String)] = [("event export", try String(contentsOf: directory.appendingPathComponent("forum.json"), encoding: .utf8))]
            for arguments in [["companies", "list", "--country", "CN"], ["companies", "show", "CN-0001"], ["summary"], ["sectors"],
                              ["match", "CN-0001"], ["match", "CA-0001", "--live"], ["rankings", "CN-0001"], ["runs"], ["weights"],
                              ["event", "list"], ["event", "show", "forum"], ["event", "report", "forum"]] {
                outputs.append((arguments.joined(separator: " "), try EventScenario.succeed(arguments + ["--format", "json"], in: directory).stdout))
            }
            outputs.append(("companies export", try EventScenario.succeed(["companies", "export", "--format", "jsonl"], in: directory).lines.first!))
            for (command, text) in outputs {
                let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
                let names = Self.fieldNames(value, dataKeys: Self.dataKeyed)
                #expect(!names.isEmpty, "\(command)")
                for (name, path) in names where !Self.isCamelCase(name) {
                    Issue.record("\(command): field '\(name)' at \(path.isEmpty ? "the top" : path) is not camelCase")
                }
            }
        }
    }

    @Test("a match is the same object in match and rankings, and reasons are a list in match, rankings and the event export")
    func sameShapes() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["rerank"], in: directory)
            try EventScenario.succeed(["event", "schedule", "forum"], in: directory)
            func object(_ arguments: [String]) throws -> [String: Any] {
                try JSONSerialization.jsonObject(with: Data(try EventScenario.succeed(arguments + ["--format", "json"], in: directory).stdout.utf8))
                    as? [String: Any] ?? [:]
            }
            let match = try #require((try object(["match", "CN-0001", "--country", "CA"])["matches"] as? [[String: Any]])?.first)
            let ranked = try #require(((try object(["rankings", "CN-0001", "--country", "CA"])["lists"] as? [String: Any])?["CA"]
                                       as? [[String: Any]])?.first)
            #expect(Set(match.keys) == Set(ranked.keys), "match \(match.keys.sorted()) against rankings \(ranked.keys.sorted())")
            #expect(match["id"] as? String == ranked["id"] as? String)
            #expect(match["reasons"] is [String] && ranked["reasons"] is [String])
            #expect(match["components"] is [String: Double] && ranked["components"] is [String: Double])
            try EventScenario.succeed(["event", "export", "forum", "--format", "json", "-o", "forum.json"], in: directory)
            let export = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("forum.json"))) as? [String: Any]
            let meetings = try #require(export?["meetings"] as? [[String: Any]])
            #expect(!meetings.isEmpty && meetings.allSatisfy { $0["reasons"] is [String] })
        }
    }

    @Test("what event show prints, event import reads back: the same event in another database")
    func showImportsBack() throws {
        try EventScenario.withEvent { directory in
            try EventScenario.succeed(["event", "request", "forum", "CN-0001", "CA-0001", "--must"], in: directory)
            try EventScenario.succeed(["event", "request", "forum", "CN-0002", "CA-0003"], in: directory)
            try EventScenario.succeed(["event", "block", "forum", "CA-0001", "CN-0002"], in: directory)
            try EventScenario.succeed(["event", "lock", "forum", "CN-0003", "CA-0002", "--slot", "5", "--table", "2"], in: directory)
            try EventScenario.succeed(["event", "add", "forum", "CN-0004", "--max-meetings", "2", "--available", "1-2,5", "--interpreter", "zh-en"],
                                      in: directory)
            let shown = try EventScenario.succeed(["event", "show", "forum", "--format", "json"], in: directory).stdout
            try Data(shown.utf8).write(to: directory.appendingPathComponent("forum-shown.json"))
            // A second database with the same companies.
            for arguments in [["init", "--db", "copy.sqlite"],
                              ["import", "companies", "--db", "copy.sqlite"] + GeneratedScenario.files.map { "scenario/\($0)" },
                              ["event", "import", "forum-shown.json", "--db", "copy.sqlite"]] {
                try LiaisonBinary.succeed(arguments, in: directory)
            }
            let again = try LiaisonBinary.succeed(["event", "show", "forum", "--format", "json", "--db", "copy.sqlite"], in: directory).stdout
            #expect(again == shown)
        }
    }
}
