import Foundation
import LiaisonTestSupport
import Testing

/// The README is executable truth: every `$ liaison …` line of its console examples is run, in
/// order, in a fresh folder holding a copy of `datasets/`, and what it prints — standard output,
/// then standard error without the progress log lines a batch command writes when not on a
/// terminal — must be what the README shows under it. Placeholders, as the README says:
/// instants (`2026-11-22T22:03:59.034Z`), durations (`0.2 s`, a runs table's seconds), random
/// tokens of links (43 characters of base64url) and a local server's port may differ; runs of
/// spaces count as one (a wider value moves the columns after it); a line `…` stands for any
/// lines, and a line ending in `…` for any end of line. A server (`liaison serve`) runs on a free
/// port until it has had a few seconds to print its lines, then is stopped.
@Suite("The README's console examples")
struct ReadmeExamplesTests {
    /// One `$ command` of a console block and the lines shown under it.
    struct Example {
        var line: Int
        var command: String
        var expected: [String]
    }

    /// The examples of `text`, in order.
    static func examples(in text: String) -> [Example] {
        var examples: [Example] = []
        var inConsole = false, commandInBlock = false
        for (number, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") {
                inConsole = !inConsole && line.hasPrefix("```console")
                commandInBlock = false
                continue
            }
            guard inConsole else { continue }
            if line.hasPrefix("$ ") {
                examples.append(Example(line: number + 1, command: String(line.dropFirst(2)), expected: []))
                commandInBlock = true
            } else if commandInBlock {
                examples[examples.count - 1].expected.append(line)
            }
        }
        return examples.filter { $0.command.hasPrefix("liaison ") }
    }

    /// `text` with what may vary between runs replaced by fixed tokens and runs of spaces made one.
    static func normalized(_ text: String) -> String {
        var text = text
        text = text.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/, with: "<instant>")
        text = text.replacing(/\b\d+\.\d s\b/, with: "<seconds> s")
        text = text.replacing(/(incremental|full)(\s+)(done|failed)(\s+)(\d+)(\s+)(\d+)(\s+)(\d+)(\s+)\d+\.\d\b/) { match in
            "\(match.output.1) \(match.output.3) \(match.output.5) \(match.output.7) \(match.output.9) <seconds>"
        }
        text = text.replacing(/\b[A-Za-z0-9_-]{43}\b/, with: "<token>")
        text = text.replacing(/127\.0\.0\.1:\d+/, with: "127.0.0.1:<port>")
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Whether `actual` lines are what `expected` shows, with `…` lines and `…` line ends as placeholders.
    static func matches(_ expected: [String], _ actual: [String]) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first.trimmingCharacters(in: .whitespaces) == "…" {
            let rest = Array(expected.dropFirst())
            return (0...actual.count).contains { matches(rest, Array(actual[$0...])) }
        }
        guard let line = actual.first else { return false }
        let wanted = normalized(first), got = normalized(line)
        let same = wanted.hasSuffix("…") ? got.hasPrefix(String(wanted.dropLast()).trimmingCharacters(in: .whitespaces)) : wanted == got
        return same && matches(Array(expected.dropFirst()), Array(actual.dropFirst()))
    }

    @Test("every console example prints what the README shows")
    func examplesRun() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples(in: readme)
        #expect(examples.count > 30, "the README's examples were not found")
        try LiaisonBinary.withWorkingDirectory { directory in
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("datasets"),
                                             to: directory.appendingPathComponent("datasets"))
            let bin = LiaisonBinary.executable.deletingLastPathComponent().path
            for example in examples {
                // A server runs until stopped: on a free port, for long enough to print its lines.
                let command = example.command.hasPrefix("liaison serve ")
                    ? "timeout -s INT 5 \(example.command) --port 0" : example.command
                let run = try LiaisonBinary.run(["-c", command], in: directory,
                                                environment: ["PATH": bin + ":/usr/bin:/bin"],
                                                executable: URL(fileURLWithPath: "/bin/sh"))
                let progress = /^\d{4}-\d{2}-\d{2}T[^ ]+ info liaison\./
                func lines(_ text: String) -> [String] {
                    var lines = text.components(separatedBy: "\n")
                    if lines.last == "" { lines.removeLast() }
                    return lines
                }
                let lines = lines(run.stdout) + lines(run.stderr).filter { $0.firstMatch(of: progress) == nil }
                let expected = example.expected.reversed().drop { $0.isEmpty }.reversed().map { $0 }
                #expect(Self.matches(expected, lines), """
                    README.md:\(example.line): \(example.command)
                    --- the README shows
                    \(expected.joined(separator: "\n"))
                    --- it printed
                    \(lines.joined(separator: "\n"))
                    """)
            }
        }
    }

    @Test("the placeholders match what they stand for, and nothing else")
    func placeholders() {
        #expect(Self.matches(["run 1 (full, done): 980 companies in 0.2 s", "…", "end"],
                             ["run 1 (full, done): 980 companies in 12.7 s", "a", "b", "end"]))
        #expect(Self.matches(["updated  2026-11-22T18:18:08.635Z"], ["updated    2025-01-02T03:04:05.678Z"]))
        #expect(Self.matches(["blas library  …"], ["blas library  /usr/lib/libblas.so.3"]))
        #expect(Self.matches(["at http://127.0.0.1:8080/signin?token=kPcNg5EwZDwMgj2YEYZaJr3lqAlNeMuKopwUwQE_DmY"],
                             ["at http://127.0.0.1:41234/signin?token=99q8HUQVX5_0RJvBITm-sh11U31JFTdVvlHgiUZK4po"]))
        #expect(!Self.matches(["token=kPcNg5EwZDwMgj2YEYZaJr3lqAlNeMuKopwUwQE_DmY"], ["token=short"]))
        #expect(!Self.matches(["980 companies"], ["981 companies"]))
        #expect(!Self.matches(["a", "b"], ["a"]))
        #expect(!Self.matches(["a"], ["a", "b"]))
        #expect(Self.matches(["2  2026-11-22T22:03:59.034Z  incremental  done  980  160  50  0.0  OpenBLAS  current"],
                             ["2  2027-01-01T00:00:00.000Z  incremental  done  980  160  50  13.4  OpenBLAS  current"]))
    }
}
