import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("liaison weights")
struct WeightsCLITests {
    /// `liaison weights --format json`, decoded.
    private func storedWeights(in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Double] {
        let run = try MatchScenario.run(["weights", "--format", "json"], in: directory)
        try #require(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        return try JSONDecoder().decode([String: Double].self, from: Data(run.stdout.utf8))
    }

    /// Fails unless every match of `document` scores what the formula gives with `weights`.
    private func expectScores(_ document: MatchJSON, subject: String, weights: [String: Double],
                              companies: [String: CompanyDocument], sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = ReferenceScore(weights: weights)
        let profile = ReferenceScore.Profile(companies[subject]!)
        #expect(!document.matches.isEmpty, sourceLocation: sourceLocation)
        for match in document.matches {
            let expected = reference.components(profile, ReferenceScore.Profile(companies[match.id]!))
            #expect(abs(match.score - expected.total) <= 1e-4, "\(subject)–\(match.id)", sourceLocation: sourceLocation)
            for (term, value) in expected.byName {
                #expect(abs(match.components[term]! - value) <= 1e-4, "\(subject)–\(match.id) \(term)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test("weights lists the four terms with their weight, default and sentence")
    func table() throws {
        try MatchScenario.withImported { directory in
            for arguments in [["weights"], ["weights", "show"]] {
                let run = try MatchScenario.run(arguments, in: directory)
                #expect(run.status == 0, "\(run.stderr)")
                #expect(run.lines.first?.split(separator: " ").prefix(3) == ["term", "weight", "default"])
                let rows = run.lines.dropFirst()
                #expect(rows.map { String($0.prefix { $0 != " " }) } == ["sector", "complementarity", "language", "size"])
                for row in rows {
                    let fields = row.split(separator: " ", omittingEmptySubsequences: true)
                    let term = try #require(ScoreTerm(rawValue: String(fields[0])))
                    #expect(row.hasSuffix(term.sentence), "\(row)")
                    let weight = try #require(Double(fields[1])), standard = try #require(Double(fields[2]))
                    #expect(weight == ReferenceScore.defaultWeights[term.rawValue])
                    #expect(standard == ReferenceScore.defaultWeights[term.rawValue])
                }
            }
            // Every sentence says something different.
            #expect(Set(ScoreTerm.allCases.map(\.sentence)).count == 4)
        }
    }

    @Test("set stores a weight that weights shows and match uses; reset goes back to the defaults")
    func setAndReset() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            #expect(try storedWeights(in: directory) == ReferenceScore.defaultWeights)
            let before = try MatchScenario.matchJSON(["CN-0006", "--top", "5"], in: directory)
            expectScores(before, subject: "CN-0006", weights: ReferenceScore.defaultWeights, companies: companies)

            let set = try MatchScenario.run(["weights", "set", "complementarity", "0.7"], in: directory)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.lines == ["complementarity = 0.7"])
            var changed = ReferenceScore.defaultWeights
            changed["complementarity"] = 0.7
            #expect(try storedWeights(in: directory) == changed)

            let after = try MatchScenario.matchJSON(["CN-0006", "--top", "5"], in: directory)
            expectScores(after, subject: "CN-0006", weights: changed, companies: companies)
            let top = try #require(after.matches.first)
            let expected = ReferenceScore(weights: changed).score(ReferenceScore.Profile(companies["CN-0006"]!), ReferenceScore.Profile(companies[top.id]!))
            #expect(abs(top.score - expected) <= 1e-4)
            expectBest(after.matches, ReferenceScore(weights: changed).ranking(
                ReferenceScore.Profile(companies["CN-0006"]!), among: companies.values.filter { $0.country != "CN" }, top: 5), "after set")
            // The complementarity term grows by 0.7 / its default for a firm listed both times.
            let growth = 0.7 / ReferenceScore.defaultWeights["complementarity"]!
            for match in after.matches {
                guard let old = before.matches.first(where: { $0.id == match.id }) else { continue }
                #expect(abs(match.components["complementarity"]! - old.components["complementarity"]! * growth) <= 1e-9)
                #expect(abs(match.components["sector"]! - old.components["sector"]!) <= 1e-12)
            }

            let reset = try MatchScenario.run(["weights", "reset"], in: directory)
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(try storedWeights(in: directory) == ReferenceScore.defaultWeights)
            let again = try MatchScenario.matchJSON(["CN-0006", "--top", "5"], in: directory)
            #expect(again.matches.map(\.id) == before.matches.map(\.id))
            #expect(zip(again.matches, before.matches).allSatisfy { abs($0.score - $1.score) <= 1e-9 })
        }
    }

    @Test("--weights FILE overrides the stored weights for one run and stores nothing")
    func weightsFile() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            #expect(try MatchScenario.run(["weights", "set", "sector", "0.1"], in: directory).status == 0)
            try Data(#"{"language": 0.4, "complementarity": 0.2}"#.utf8).write(to: directory.appendingPathComponent("mine.json"))

            let plain = try MatchScenario.matchJSON(["US-0017", "--top", "5"], in: directory)
            let overridden = try MatchScenario.matchJSON(["US-0017", "--top", "5", "--weights", "mine.json"], in: directory)
            // The file's terms over the stored ones, over the defaults.
            let effective = ["sector": 0.1, "complementarity": 0.2, "language": 0.4, "size": 0.10]
            expectScores(overridden, subject: "US-0017", weights: effective, companies: companies)
            expectBest(overridden.matches, ReferenceScore(weights: effective).ranking(
                ReferenceScore.Profile(companies["US-0017"]!), among: companies.values.filter { $0.country == "CN" }, top: 5), "--weights")

            var stored = ReferenceScore.defaultWeights
            stored["sector"] = 0.1
            #expect(try storedWeights(in: directory) == stored)
            let later = try MatchScenario.matchJSON(["US-0017", "--top", "5"], in: directory)
            #expect(later.matches.map(\.id) == plain.matches.map(\.id))
            #expect(zip(later.matches, plain.matches).allSatisfy { abs($0.score - $1.score) <= 1e-9 })
            expectScores(later, subject: "US-0017", weights: stored, companies: companies)
        }
    }

    @Test("invalid weights are refused with a clear message and nothing is stored")
    func refused() throws {
        try MatchScenario.withImported { directory in
            #expect(try MatchScenario.run(["weights", "set", "size", "0.2"], in: directory).status == 0)
            let before = try storedWeights(in: directory)
            let cases: [(arguments: [String], fragments: [String], usage: Bool)] = [
                (["sector", "nan"], ["sector", "finite"], false),
                (["sector", "inf"], ["sector", "finite"], false),
                (["language", "-infinity"], ["language", "finite"], false),
                (["size", "1e18"], ["size", "at most 1000", "1e+18"], false),
                (["sector", "abc"], ["'abc'"], true),
                (["sector", "0x10"], ["'0x10'"], true),
                (["nope", "1"], ["'nope'"], true),
                (["sector"], ["<value>"], true),
            ]
            for (arguments, fragments, usage) in cases {
                let run = try MatchScenario.run(["weights", "set"] + arguments, in: directory)
                expectRefused(run, mentioning: fragments, usageError: usage, Comment(rawValue: "weights set " + arguments.joined(separator: " ")))
            }
            // A negative value needs `--` to reach the command, which then refuses it.
            let negative = try LiaisonBinary.run(["weights", "set", "--db", MatchScenario.database, "--", "sector", "-1"], in: directory)
            expectRefused(negative, mentioning: ["sector", "at least 0", "-1"])
            #expect(try storedWeights(in: directory) == before)

            // Setting every term to 0 is refused at the last one.
            for term in ["sector", "complementarity", "language"] {
                #expect(try MatchScenario.run(["weights", "set", term, "0"], in: directory).status == 0)
            }
            let allZero = try MatchScenario.run(["weights", "set", "size", "0"], in: directory)
            expectRefused(allZero, mentioning: ["above 0"])
            #expect(try storedWeights(in: directory) == ["sector": 0, "complementarity": 0, "language": 0, "size": 0.2])
        }
    }

    @Test("weights set sector -1 is refused because the weight is negative")
    func negativeWithoutSeparator() throws {
        try MatchScenario.withImported { directory in
            let run = try MatchScenario.run(["weights", "set", "sector", "-1"], in: directory)
            expectRefused(run, mentioning: [], usageError: false)
            #expect(try storedWeights(in: directory) == ReferenceScore.defaultWeights)
            let message = run.stderr.prefix { $0 != "\n" }
            #expect(message.contains("at least 0") && message.contains("-1"), "\(run.stderr)")
        }
    }
}
