import Foundation
import LiaisonCore
import LiaisonFormats
import LiaisonStore
import LiaisonTestSupport
import Testing

@Suite("liaison match")
struct MatchCLITests {
    private static let hosts: Set<String> = ["US", "CA"]

    @Test("the table lists at most --top matches of the other side, ranked, best first")
    func table() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            func rows(_ arguments: [String]) throws -> [MatchTableRow] {
                let run = try MatchScenario.run(["match"] + arguments, in: directory)
                try #require(run.status == 0, "\(run.stderr)")
                #expect(run.lines.first?.split(separator: " ") == ["rank", "id", "name", "city", "country", "score"])
                let rows = run.lines.dropFirst().compactMap(MatchTableRow.init)
                #expect(rows.count == run.lines.count - 1, "unreadable rows in:\n\(run.stdout)")
                #expect(rows.map(\.rank) == Array(1..<rows.count + 1))
                #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.score >= $1.score }, "\(run.stdout)")
                for row in rows {
                    #expect(row.country == companies[row.id]?.country, "\(row.id)")
                }
                return rows
            }

            let delegate = try rows(["CN-0004", "--top", "7"])
            #expect(delegate.count == 7)
            #expect(delegate.allSatisfy { Self.hosts.contains($0.country) })
            #expect(Set(delegate.map(\.country)).count == 2, "expected both US and CA firms among the 7 best: \(delegate)")
            // More than there are: every host firm, once.
            let all = try rows(["CN-0004", "--top", "1000"])
            #expect(all.count == MatchScenario.counts.us + MatchScenario.counts.ca)
            #expect(Set(all.map(\.id)) == Set(companies.values.filter { Self.hosts.contains($0.country) }.map(\.id)))

            let unitedStates = try rows(["CN-0004", "--country", "US", "--top", "1000"])
            #expect(unitedStates.count == MatchScenario.counts.us)
            #expect(unitedStates.allSatisfy { $0.country == "US" })
            // The US firms in the order they have among all hosts.
            #expect(unitedStates.map(\.id) == all.filter { $0.country == "US" }.map(\.id))

            let canada = try rows(["CN-0004", "--country", "ca", "--top", "3"])
            #expect(canada.count == 3 && canada.allSatisfy { $0.country == "CA" })

            for firm in ["US-0011", "CA-0002"] {
                let delegates = try rows([firm, "--top", "1000"])
                #expect(delegates.count == MatchScenario.counts.delegates, "\(firm)")
                #expect(delegates.allSatisfy { $0.country == "CN" }, "\(firm)")
                #expect(!delegates.contains { $0.id == firm })
            }
        }
    }

    @Test("the table and --explain agree with the JSON: same matches, scores to 4 decimals, one reasons line each")
    func explain() throws {
        try MatchScenario.withImported { directory in
            for subject in ["CN-0001", "CN-0013", "US-0020"] {
                let json = try MatchScenario.matchJSON([subject, "--top", "6"], in: directory)
                let run = try MatchScenario.run(["match", subject, "--top", "6", "--explain"], in: directory)
                #expect(run.status == 0)
                #expect(run.lines.count == 1 + 2 * json.matches.count, "\(run.stdout)")
                for (index, match) in json.matches.enumerated() {
                    let row = try #require(MatchTableRow(run.lines[1 + 2 * index]), "\(run.stdout)")
                    #expect(row.rank == match.rank && row.id == match.id && row.country == match.country)
                    #expect(abs(row.score - match.score) <= 0.00005 + 1e-12, "\(row.score) vs \(match.score)")
                    let reasons = run.lines[2 + 2 * index]
                    #expect(reasons.hasPrefix("      ") && MatchTableRow(reasons) == nil, "\(reasons)")
                    let expected = match.reasons.isEmpty ? "no shared sectors, languages or size fit" : match.reasons.joined(separator: "; ")
                    #expect(reasons.trimmingCharacters(in: .whitespaces) == expected)
                }
            }
            let plain = try MatchScenario.run(["match", "CN-0001", "--top", "6"], in: directory)
            #expect(plain.lines.count == 7, "without --explain there are no reasons lines")
        }
    }

    @Test("--min-score leaves out exactly the matches scoring below it")
    func minimumScore() throws {
        try MatchScenario.withImported { directory in
            let all = try MatchScenario.matchJSON(["CN-0007", "--top", "20"], in: directory).matches
            let scores = all.map(\.score)
            // A threshold halfway between two clearly different scores, so rounding cannot decide.
            let cut = try #require((1..<scores.count).first { scores[$0 - 1] - scores[$0] > 1e-3 && $0 >= 2 })
            let threshold = (scores[cut - 1] + scores[cut]) / 2
            let kept = try MatchScenario.matchJSON(["CN-0007", "--top", "20", "--min-score", "\(threshold)"], in: directory).matches
            #expect(kept.map(\.id) == all.prefix(cut).map(\.id))
            #expect(kept.allSatisfy { $0.score >= threshold })

            let none = try MatchScenario.run(["match", "CN-0007", "--min-score", "5"], in: directory)
            #expect(none.status == 0)
            #expect(none.lines.count == 2 && none.lines.last == "no matches", "\(none.stdout)")
            #expect(try MatchScenario.matchJSON(["CN-0007", "--min-score", "5"], in: directory).matches.isEmpty)
        }
    }

    @Test("JSON matches carry the company, components summing to the score, and sector shares the formula gives")
    func json() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            let reference = ReferenceScore()
            let taxonomy = TaxonomyFile.builtIn
            for subjectID in ["CN-0002", "CN-0016", "CA-0009"] {
                let document = try MatchScenario.matchJSON([subjectID, "--top", "8"], in: directory)
                #expect(document.subject == subjectID)
                #expect(document.matches.count == 8)
                let subject = ReferenceScore.Profile(try #require(companies[subjectID]))
                for match in document.matches {
                    let company = try #require(companies[match.id])
                    #expect((match.name, match.country, match.city) == (company.name, company.country, company.city))
                    #expect(Set(match.components.keys) == ["sector", "complementarity", "language", "size"])
                    #expect(abs(match.components.values.reduce(0, +) - match.score) <= 1e-4, "\(match.id)")
                    let expected = reference.components(subject, ReferenceScore.Profile(company))
                    for (term, value) in expected.byName {
                        #expect(abs((match.components[term] ?? .nan) - value) <= 1e-4, "\(subjectID)–\(match.id) \(term)")
                    }
                    #expect(abs(match.score - reference.score(subject, ReferenceScore.Profile(company))) <= 1e-4, "\(subjectID)–\(match.id)")

                    // Sector shares: which sectors, which way, how much.
                    #expect(Set(match.sectors.keys) == ["sector", "complementarity"])
                    func unit(_ v: [String: Double]) -> [String: Double] {
                        let norm = v.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                        return v.mapValues { $0 / norm }
                    }
                    let (ao, asks, bo, bs) = (unit(subject.offers), unit(subject.seeks), unit(company.offers), unit(company.seeks))
                    for share in match.sectors["sector"] ?? [] {
                        #expect(share.direction == nil)
                        #expect(share.name == taxonomy.sectors[taxonomy.index(ofID: share.sector)!].name)
                        let value = ReferenceScore.defaultWeights["sector"]! * (ao[share.sector] ?? 0) * (bo[share.sector] ?? 0)
                        #expect(value > 0 && abs(share.contribution - value) <= 1e-5, "\(match.id) \(share.sector)")
                    }
                    for share in match.sectors["complementarity"] ?? [] {
                        let product = switch share.direction ?? "" {
                        case "you-seek-they-offer": (asks[share.sector] ?? 0) * (bo[share.sector] ?? 0)
                        case "they-seek-you-offer": (ao[share.sector] ?? 0) * (bs[share.sector] ?? 0)
                        default: Double.nan
                        }
                        let half = ReferenceScore.defaultWeights["complementarity"]! / 2
                        #expect(product > 0 && abs(share.contribution - half * product) <= 1e-5, "\(match.id) \(share.sector) \(share.direction ?? "nil")")
                    }
                    for term in ["sector", "complementarity"] {
                        let shares = match.sectors[term] ?? []
                        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0.contribution >= $1.contribution })
                        if shares.count < 5 {
                            #expect(abs(shares.reduce(0) { $0 + $1.contribution } - match.components[term]!) <= 1e-9, "\(match.id) \(term)")
                        }
                    }
                }
            }
        }
    }

    @Test("the best match's score is the formula's, recomputed from `companies show` of both companies")
    func topMatchFromShow() throws {
        try MatchScenario.withImported { directory in
            func show(_ id: String) throws -> CompanyDocument {
                let run = try MatchScenario.run(["companies", "show", id, "--format", "json"], in: directory)
                try #require(run.status == 0, "\(run.stderr)")
                return try JSONDecoder().decode(CompanyDocument.self, from: Data(run.stdout.utf8))
            }
            for subjectID in ["CN-0005", "US-0031"] {
                let top = try #require(try MatchScenario.matchJSON([subjectID, "--top", "1"], in: directory).matches.first)
                let expected = ReferenceScore().score(ReferenceScore.Profile(try show(subjectID)), ReferenceScore.Profile(try show(top.id)))
                #expect(abs(top.score - expected) <= 1e-4, "\(subjectID) → \(top.id): \(top.score) vs \(expected)")
            }
        }
    }

    @Test("no better candidate is missed: the 5 best equal the formula's 5 best over every candidate")
    func noneMissed() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            let reference = ReferenceScore()
            let hosts = companies.values.filter { Self.hosts.contains($0.country) }
            let delegates = companies.values.filter { $0.country == "CN" }
            for subject in delegates.sorted(by: { $0.id < $1.id }) {
                let found = try MatchScenario.matchJSON([subject.id, "--top", "5"], in: directory).matches
                expectBest(found, reference.ranking(ReferenceScore.Profile(subject), among: hosts, top: 5), "\(subject.id)")
            }
            for id in ["US-0001", "US-0040", "CA-0030"] {
                let found = try MatchScenario.matchJSON([id, "--top", "5"], in: directory).matches
                expectBest(found, reference.ranking(ReferenceScore.Profile(companies[id]!), among: delegates, top: 5), "\(id)")
            }
            let us = hosts.filter { $0.country == "US" }
            let found = try MatchScenario.matchJSON(["CN-0010", "--top", "5", "--country", "US"], in: directory).matches
            expectBest(found, reference.ranking(ReferenceScore.Profile(companies["CN-0010"]!), among: us, top: 5), "CN-0010 US")
        }
    }

    @Test("CSV output has the documented header and the JSON's values")
    func csv() throws {
        try MatchScenario.withImported { directory in
            let json = try MatchScenario.matchJSON(["CN-0003", "--top", "9"], in: directory)
            let run = try MatchScenario.run(["match", "CN-0003", "--top", "9", "--format", "csv"], in: directory)
            #expect(run.status == 0)
            let table = parseCSV(run.stdout)
            #expect(table.first == ["rank", "id", "name", "city", "country", "score", "sector", "complementarity", "language", "size", "reasons"])
            let rows = table.dropFirst()
            #expect(rows.count == json.matches.count)
            for (fields, match) in zip(rows, json.matches) {
                try #require(fields.count == 11, "\(fields)")
                #expect(Int(fields[0]) == match.rank)
                #expect(Array(fields[1...4]) == [match.id, match.name, match.city, match.country])
                let numbers = fields[5...9].compactMap(Double.init)
                try #require(numbers.count == 5, "\(fields)")
                let expected = [match.score] + ["sector", "complementarity", "language", "size"].map { match.components[$0]! }
                for (number, value) in zip(numbers, expected) {
                    #expect(abs(number - value) <= 0.00005 + 1e-12, "\(match.id): \(number) vs \(value)")
                }
                #expect(fields[10] == match.reasons.joined(separator: "; "))
            }
        }
    }

    @Test("an ad-hoc profile is matched with the firms of --country, and --languages and --size count as the formula says")
    func adHoc() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            let canadians = companies.values.filter { $0.country == "CA" }
            let logistics = try #require(TaxonomyFile.builtIn.resolve("logistics"))
            let offers = [TaxonomyFile.builtIn.sectors[logistics].id: 1.0, "clean-energy": 0.5]
            let arguments = ["--offers", "logistics:1;clean-energy:0.5", "--seeks", "agriculture-food", "--country", "CA", "--top", "3"]

            let bare = try MatchScenario.matchJSON(arguments, in: directory)
            #expect(bare.subject == nil)
            #expect(bare.matches.count == 3)
            #expect(bare.matches.allSatisfy { $0.country == "CA" })
            let profile = ReferenceScore.Profile(offers: offers, seeks: ["agriculture-food": 1])
            let reference = ReferenceScore()
            expectBest(bare.matches, reference.ranking(profile, among: canadians, top: 3), "bare profile")
            #expect(bare.matches.allSatisfy { $0.components["language"] == 0 })

            let described = try MatchScenario.matchJSON(arguments + ["--languages", "en", "--size", "medium"], in: directory)
            var richer = profile
            (richer.languages, richer.size) = (["en"], "medium")
            expectBest(described.matches, reference.ranking(richer, among: canadians, top: 3), "with en and medium")
            for match in described.matches {
                let company = ReferenceScore.Profile(companies[match.id]!)
                #expect(abs(match.components["language"]! - 0.10 * ReferenceScore.languageCosine(["en"], company.languages)) <= 1e-6)
                #expect(abs(match.components["size"]! - 0.10 * ReferenceScore.sizeFit("medium", company.size)) <= 1e-6)
            }
            // The same firm scores more or less by exactly the language and size terms.
            for match in described.matches {
                let company = ReferenceScore.Profile(companies[match.id]!)
                let change = 0.10 * ReferenceScore.languageCosine(["en"], company.languages)
                    + 0.10 * (ReferenceScore.sizeFit("medium", company.size) - ReferenceScore.sizeFit(nil, company.size))
                #expect(abs(match.score - reference.score(profile, company) - change) <= 1e-5, "\(match.id)")
            }

            // Without --country an ad-hoc profile may meet anyone, delegates included.
            let everyone = try MatchScenario.matchJSON(["--seeks", "agriculture-food", "--top", "1000"], in: directory)
            #expect(everyone.matches.count == companies.count)
        }
    }

    @Test("an ad-hoc language that no stored company speaks still counts in the language cosine")
    func adHocUnsharedLanguage() throws {
        try MatchScenario.withImported { directory in
            let companies = try MatchScenario.companies(in: directory)
            let spoken = Set(companies.values.flatMap(\.languages))
            try #require(!spoken.contains("is") && spoken.contains("en"))
            let document = try MatchScenario.matchJSON(
                ["--offers", "logistics", "--languages", "en,is", "--country", "US", "--top", "3"], in: directory)
            for match in document.matches {
                let expected = 0.10 * ReferenceScore.languageCosine(["en", "is"], companies[match.id]!.languages)
                #expect(abs(match.components["language"]! - expected) <= 1e-6, "\(match.id): \(match.components["language"]!) vs \(expected)")
            }
        }
    }

    @Test("profiles with extreme weights are matched as their unit vectors, without crashing")
    func extremeWeights() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let file = """
                id,name,country,size,languages,offers,seeks
                CN-T1,Tiny Weights Co.,CN,small,zh;en,logistics-transportation:1e-200,clean-energy
                CN-H1,Huge Weights Co.,CN,small,zh,logistics-transportation:1e200,clean-energy:1e200
                US-N1,Plain Freight Inc.,US,small,en,logistics-transportation,agriculture-food
                US-N2,Plain Power Inc.,US,large,en,clean-energy,logistics-transportation:0.5
                """
            try Data(file.utf8).write(to: directory.appendingPathComponent("extreme.csv"))
            try #require(try MatchScenario.run(["import", "companies", "extreme.csv"], in: directory).status == 0)
            let companies = try MatchScenario.companies(in: directory)
            for (subject, others) in [("CN-T1", ["US-N1", "US-N2"]), ("CN-H1", ["US-N1", "US-N2"]), ("US-N1", ["CN-H1", "CN-T1"])] {
                let run = try MatchScenario.run(["match", subject, "--format", "json"], in: directory)
                #expect(run.status == 0, "\(subject): \(run.stderr.prefix(200))")
                guard run.status == 0 else { continue }
                let matches = try JSONDecoder().decode(MatchJSON.self, from: Data(run.stdout.utf8)).matches
                let expected = ReferenceScore().ranking(ReferenceScore.Profile(companies[subject]!), among: others.map { companies[$0]! }, top: 10)
                expectBest(matches, expected, "\(subject)")
            }
        }
    }

    @Test("a missing size counts as the average over bands, and missing languages share nothing, on either side")
    func missingSizeAndLanguages() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            let file = """
                id,name,country,size,languages,offers,seeks
                CN-A,Unsized Trading Co.,CN,,,cross-border-trade,retail;logistics-transportation:0.5
                CN-B,Small Tea Co.,CN,micro,zh,agriculture-food,retail
                US-A,Unsized Retail Inc.,US,,en,retail,agriculture-food:0.3
                US-B,Quiet Freight Inc.,US,enterprise,,logistics-transportation,cross-border-trade
                CA-A,Maple Market Inc.,CA,medium,fr;en;zh,retail;wholesale-trade:0.6,agriculture-food
                """
            try Data(file.utf8).write(to: directory.appendingPathComponent("sparse.csv"))
            try #require(try MatchScenario.run(["import", "companies", "sparse.csv"], in: directory).status == 0)
            let companies = try MatchScenario.companies(in: directory)
            let delegates = companies.values.filter { $0.country == "CN" }, hosts = companies.values.filter { $0.country != "CN" }
            for (subject, candidates) in [("CN-A", hosts), ("CN-B", hosts), ("US-A", delegates), ("US-B", delegates), ("CA-A", delegates)] {
                let document = try MatchScenario.matchJSON([subject], in: directory)
                let reference = ReferenceScore()
                expectBest(document.matches, reference.ranking(ReferenceScore.Profile(companies[subject]!), among: candidates, top: 10), "\(subject)")
                for match in document.matches {
                    let expected = reference.components(ReferenceScore.Profile(companies[subject]!), ReferenceScore.Profile(companies[match.id]!))
                    for (term, value) in expected.byName {
                        #expect(abs(match.components[term]! - value) <= 1e-6, "\(subject)–\(match.id) \(term)")
                    }
                }
            }
        }
    }

    @Test("a --top far above the number of candidates lists every candidate")
    func hugeTop() throws {
        try MatchScenario.withImported { directory in
            let hosts = MatchScenario.counts.us + MatchScenario.counts.ca
            let run = try MatchScenario.run(["match", "CN-0001", "--top", "100000"], in: directory)
            #expect(run.status == 0 && run.lines.count == 1 + hosts)
            for top in ["10000000000", "\(Int.max)"] {
                let huge = try MatchScenario.run(["match", "CN-0001", "--top", top], in: directory)
                #expect(huge.status == 0 && huge.lines.count == 1 + hosts, "--top \(top): \(huge.stderr.prefix(120))")
            }
        }
    }

    @Test("refused requests exit non-zero with one error line and print nothing")
    func refused() throws {
        try MatchScenario.withImported { directory in
            try MatchScenario.importGermanFirm(in: directory)

            let cases: [(arguments: [String], fragments: [String], usage: Bool)] = [
                (["NOPE"], ["'NOPE'"], false),
                (["DE-0001"], ["'DE-0001' is a company of DE", "not matched"], false),
                (["--offers", "logistix"], ["offers", "'logistix'"], false),
                (["--offers", "logistics:-1"], ["offers", "logistics"], false),
                (["--offers", "logistics", "--languages", "xx"], ["languages", "'xx'"], false),
                (["CN-0001", "--country", "XX"], ["XX"], true),
                (["CN-0001", "--country", "ZZZ"], ["--country", "'ZZZ'"], true),
                (["CN-0001", "--country", "CN"], ["CN", "--country"], false),
                (["US-0001", "--country", "CA"], ["CA", "CN"], false),
                (["CN-0001", "--offers", "logistics"], ["--offers"], true),
                (["CN-0001", "--size", "small"], ["--size"], true),
                ([], ["--offers"], true),
                (["CN-0001", "--top", "0"], ["--top"], true),
                (["CN-0001", "--top", "-3"], ["--top must be at least 1"], true),
                (["CN-0001", "--min-score", "nan"], ["--min-score"], true),
                (["CN-0001", "--format", "xml"], ["xml"], true),
                (["CN-0001", "--size", "huge"], ["huge"], true),
            ]
            for (arguments, fragments, usage) in cases {
                let run = try MatchScenario.run(["match"] + arguments, in: directory)
                expectRefused(run, mentioning: fragments, usageError: usage, Comment(rawValue: "match " + arguments.joined(separator: " ")))
            }
        }
    }

    @Test("a --country that is not US, CA, CN or any is refused as such, not as an empty side to import")
    func unknownTargetCountry() throws {
        try MatchScenario.withImported { directory in
            try MatchScenario.importGermanFirm(in: directory)
            let run = try MatchScenario.run(["match", "--offers", "logistics", "--country", "DE"], in: directory)
            expectRefused(run, mentioning: ["DE"], usageError: true)
            #expect(!run.stderr.contains("import some"), "\(run.stderr)")
            #expect(run.stderr.contains("US") && run.stderr.contains("CN"), "\(run.stderr)")
        }
    }

    @Test("bad --weights files are refused, naming the file and the problem")
    func badWeightsFiles() throws {
        try MatchScenario.withImported { directory in
            let files: [(name: String, content: String, fragments: [String])] = [
                ("negative.json", #"{"sector": -0.5}"#, ["negative.json", "sector", "at least 0"]),
                ("unknown.json", #"{"sectr": 0.5}"#, ["unknown.json", "'sectr'"]),
                ("text.json", "sector = 0.5\n", ["text.json", "JSON"]),
                ("string.json", #"{"sector": "0.5"}"#, ["string.json"]),
                ("zero.json", #"{"sector": 0, "complementarity": 0, "language": 0, "size": 0}"#, ["zero.json", "above 0"]),
            ]
            for file in files {
                try Data(file.content.utf8).write(to: directory.appendingPathComponent(file.name))
                let run = try MatchScenario.run(["match", "CN-0001", "--weights", file.name], in: directory)
                expectRefused(run, mentioning: file.fragments, "\(file.name)")
            }
            let missing = try MatchScenario.run(["match", "CN-0001", "--weights", "missing.json"], in: directory)
            expectRefused(missing, mentioning: ["missing.json"])
        }
    }

    @Test("a delegate with no host firms stored is told to import some")
    func emptyOtherSide() throws {
        try MatchScenario.withImported(files: ["cn-delegates.csv"]) { directory in
            expectRefused(try MatchScenario.run(["match", "CN-0001"], in: directory), mentioning: ["import"])
            expectRefused(try MatchScenario.run(["match", "CN-0001", "--country", "US"], in: directory), mentioning: ["US", "import"])
            expectRefused(try MatchScenario.run(["match", "--offers", "retail", "--country", "CA"], in: directory), mentioning: ["CA", "import"])
        }
    }

    @Test("match on a database that does not exist says to run liaison init and creates nothing")
    func missingDatabase() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            expectRefused(try MatchScenario.run(["match", "CN-0001"], in: directory), mentioning: ["liaison init"])
            expectRefused(try MatchScenario.run(["weights"], in: directory), mentioning: ["liaison init"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        }
    }
}
