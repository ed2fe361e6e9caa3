import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonTestSupport
import Testing

/// The rankings `liaison rerank` stores must not depend on which OpenBLAS kernel the processor
/// gets: each kernel rounds the score of a pair in its own way, and may score identical firms an
/// ulp apart depending on their place in a tile.
@Suite("liaison rerank whatever the BLAS kernel")
struct KernelRoundingCLITests {
    /// The OpenBLAS cores this processor can run besides the baseline `Prescott` (SSE3): those
    /// whose instructions `/proc/cpuinfo` lists.
    static var cores: [String] {
        #if arch(x86_64)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? []
        return ["Prescott"] + (flags.contains("avx2") && flags.contains("fma") ? ["Haswell"] : [])
            + (flags.contains("avx512f") ? ["SkylakeX"] : [])
        #else
        return []
        #endif
    }

    /// A tie-heavy catalog: 150 delegates of 5 profiles, 1,000 US and 400 Canadian firms of 6
    /// profiles, so that every list's cuts fall inside groups of identical companies.
    static func writeCatalog(in directory: URL) throws -> [String] {
        var random = SeededGenerator(seed: 2025)
        let sectors = ["agriculture-food", "logistics-transportation", "digital-technology", "clean-energy", "financial-services",
                       "insurance", "health-economy", "catering"]
        func profile() -> String {
            var offers: [String: Double] = [:]
            for _ in 0..<(1 + random.below(2)) { offers[random.pick(sectors)] = [0.5, 1][random.below(2)] }
            let seeks = Set((0..<random.below(3)).map { _ in random.pick(sectors) })
            let size = random.pick(["micro", "small", "medium", "large", "enterprise", ""])
            let languages = random.pick(["en", "zh;en", "fr;en", "zh"])
            return "\(size),\(languages),\(offers.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ";")),\(seeks.sorted().joined(separator: ";"))"
        }
        var files: [String] = []
        for (country, count, profiles) in [("CN", 150, 5), ("US", 1000, 6), ("CA", 400, 6)] {
            let pool = (0..<profiles).map { _ in profile() }
            var lines = ["id,name,country,size,languages,offers,seeks"]
            for index in 1...count {
                lines.append("\(country)-\(String(10000 + index).dropFirst()),Company \(index),\(country),\(random.pick(pool))")
            }
            let file = "\(country.lowercased()).csv"
            try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
            files.append(file)
        }
        return files
    }

    @Test("a full rerank stores the same rankings under every OpenBLAS kernel the processor runs")
    func sameRankingsUnderEveryKernel() throws {
        try LiaisonBinary.withWorkingDirectory { directory in
            // Which kernels can be forced: OpenBLAS must be the active BLAS, and honour OPENBLAS_CORETYPE.
            var forced: [String] = []
            for core in Self.cores {
                let doctor = try LiaisonBinary.run(["doctor"], in: directory, environment: ["OPENBLAS_CORETYPE": core])
                guard doctor.status == 0, doctor.lines.contains(where: { $0.hasPrefix("blas ") && $0.hasSuffix(" OpenBLAS") }) else {
                    try Test.cancel("OpenBLAS is not the active BLAS (liaison doctor: \(doctor.stdout)); nothing to compare")
                }
                if doctor.lines.contains(where: { $0.hasPrefix("blas build") && $0.contains(" \(core) ") }) { forced.append(core) }
            }
            guard forced.count >= 2 else {
                try Test.cancel("this processor and OpenBLAS build give fewer than two kernels to compare (\(forced))")
            }
            let files = try Self.writeCatalog(in: directory)
            let ids = try files.flatMap { file in
                try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").dropFirst()
                    .map { String($0.prefix { $0 != "," }) }
            }
            var rankings: [(core: String, lists: [String: [String: [StoredRankingEntry]]])] = []
            for core in forced {
                let database = "\(core).sqlite"
                try LiaisonBinary.succeed(["import", "companies", "--db", database] + files, in: directory)
                let rerank = try LiaisonBinary.run(["rerank", "--top", "10", "--db", database], in: directory,
                                                   environment: ["OPENBLAS_CORETYPE": core])
                try #require(rerank.status == 0, "rerank under \(core): \(rerank.stderr)")
                let stored = try LiaisonDatabase.open(path: directory.appendingPathComponent(database).path, mode: .mustExist)
                rankings.append((core, Dictionary(uniqueKeysWithValues: try ids.map { ($0, try stored.rankings(of: $0).lists) })))
            }
            let (baseline, expected) = rankings[0]
            for (core, lists) in rankings.dropFirst() {
                let differing = ids.filter { lists[$0] != expected[$0] }
                let example = differing.first.map { id in
                    "\(id): \(lists[id]?.mapValues { $0.map(\.match) } ?? [:]) instead of \(expected[id]?.mapValues { $0.map(\.match) } ?? [:])"
                }
                #expect(differing.count == 0, Comment(rawValue: "\(differing.count) companies ranked differently under \(core) than under \(baseline), e.g. \(example ?? "")"))
            }
        }
    }
}
