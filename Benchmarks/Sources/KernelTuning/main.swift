// Sweeps the kernel's block sizes on one dataset written by `Benchmarks/peers/bench_peers.py
// --keep DIR` (or any directory of queries.f32, candidates.f32, meta.json), printing the median
// time of each combination: how the defaults of `TopKTunables` were chosen.
//
//     KernelTuning DIR THREADS REPEATS
//
// SWEEP=q1,q2,c1,c2 (query blocks, then as many candidate blocks) narrows the sweep.
import Foundation
import LiaisonKernel

struct Meta: Codable {
    var queries: Int
    var candidates: Int
    var dim: Int
    var k: Int
}

func readMatrix(_ url: URL, rows: Int, columns: Int) throws -> Matrix {
    let data = try Data(contentsOf: url)
    return Matrix(rows: rows, columns: columns, elements: data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) })
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let threads = Int(arguments[2]), let repeats = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: KernelTuning DIR THREADS REPEATS\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[1])
let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: directory.appendingPathComponent("meta.json")))
let queries = try readMatrix(directory.appendingPathComponent("queries.f32"), rows: meta.queries, columns: meta.dim)
let candidates = try readMatrix(directory.appendingPathComponent("candidates.f32"), rows: meta.candidates, columns: meta.dim)

print("queryBlock  candidateBlock  median s  runs")
let sweep = ProcessInfo.processInfo.environment["SWEEP"].map { $0.split(separator: ",").compactMap { Int($0) } }
let queryBlocks = sweep.map { Array($0.prefix($0.count / 2)) } ?? [256, 384, 512, 768, 1024]
let candidateBlocks = sweep.map { Array($0.suffix($0.count - $0.count / 2)) } ?? [256, 384, 512, 768, 1024, 2048]
for queryBlock in queryBlocks {
    for candidateBlock in candidateBlocks {
        let tunables = TopKTunables(queryBlock: queryBlock, candidateBlock: candidateBlock)
        var times: [Double] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = TopK.search(queries: queries, candidates: candidates, k: meta.k, threads: threads, tunables: tunables)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "%10d  %14d  %8.3f  %@", queryBlock, candidateBlock, median, times.map { String(format: "%.3f", $0) }.joined(separator: " ")))
    }
}
