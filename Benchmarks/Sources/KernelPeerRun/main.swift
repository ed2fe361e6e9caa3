// Runs Liaison's top-k kernel on a dataset written by `Benchmarks/peers/bench_peers.py`, so that
// Liaison, faiss and numpy are timed on the very same matrices in the same run.
//
//     KernelPeerRun DIR THREADS REPEATS
//
// DIR holds queries.f32 and candidates.f32 (row-major little-endian float32) and meta.json
// ({"queries": nq, "candidates": nc, "dim": d, "k": k}). Writes DIR/liaison_topk.i32 (nq × k
// candidate indices, best first) and prints one JSON object of timings on standard output.
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
    precondition(data.count == rows * columns * 4, "\(url.lastPathComponent) is not \(rows) × \(columns) float32")
    let elements = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    return Matrix(rows: rows, columns: columns, elements: elements)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let threads = Int(arguments[2]), let repeats = Int(arguments[3]), repeats > 0 else {
    FileHandle.standardError.write(Data("usage: KernelPeerRun DIR THREADS REPEATS\n".utf8))
    exit(64)
}
let directory = URL(fileURLWithPath: arguments[1])
let meta = try JSONDecoder().decode(Meta.self, from: Data(contentsOf: directory.appendingPathComponent("meta.json")))
let queries = try readMatrix(directory.appendingPathComponent("queries.f32"), rows: meta.queries, columns: meta.dim)
let candidates = try readMatrix(directory.appendingPathComponent("candidates.f32"), rows: meta.candidates, columns: meta.dim)

/// A line of /proc/self/status in KiB (VmRSS: resident now; VmHWM: resident high-water mark).
func statusKiB(_ field: String) -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
    return Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
}

// The kernel's memory beyond its inputs and outputs: the high-water mark during the first search
// above what was resident before it, less the result arrays. Writing 5 to clear_refs resets the
// high-water mark, which loading the inputs had raised.
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let residentBefore = statusKiB("VmRSS")
var result: TopKResult? = TopK.search(queries: queries, candidates: candidates, k: meta.k, threads: threads)
let outputKiB = Double(meta.queries * meta.k * 8 + meta.queries * 4) / 1024
let kernelExtraMiB = (statusKiB("VmHWM") - residentBefore - outputKiB) / 1024
var searchTimes: [Double] = []
var multiplyTimes: [Double] = []
for _ in 0..<repeats {
    searchTimes.append(seconds { result = TopK.search(queries: queries, candidates: candidates, k: meta.k, threads: threads) })
    multiplyTimes.append(seconds { TopK.multiplyOnly(queries: queries, candidates: candidates, threads: threads) })
}
let output = result!.indices.withUnsafeBytes { Data($0) }
try output.write(to: directory.appendingPathComponent("liaison_topk.i32"))

let flops = 2.0 * Double(meta.queries) * Double(meta.candidates) * Double(meta.dim)
let report: [String: Double] = [
    "search_median_s": median(searchTimes),
    "multiply_median_s": median(multiplyTimes),
    "search_gflops": flops / median(searchTimes) / 1e9,
    "multiply_gflops": flops / median(multiplyTimes) / 1e9,
    "kernel_extra_mib": kernelExtraMiB,
]
let blas = BLASRuntime.info
print(String(decoding: try JSONSerialization.data(withJSONObject: report.merging(["threads": Double(threads)]) { $1 }, options: [.sortedKeys]), as: UTF8.self))
FileHandle.standardError.write(Data("liaison: \(blas.implementation.rawValue) (\(blas.libraryPath)); search runs \(searchTimes.map { String(format: "%.3f", $0) }), multiply runs \(multiplyTimes.map { String(format: "%.3f", $0) })\n".utf8))
