import CBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The BLAS library this process is running on, and control over its threads.
///
/// Liaison opens `libblas.so.3` at its first matrix product rather than linking it: on Debian that
/// name is an alternative pointing at either the reference BLAS or OpenBLAS, and OpenBLAS starts
/// threads that spin when it loads, which would double the CPU time of commands that never
/// multiply (a `match` answered from stored rankings, imports, exports). This finds out which
/// library was loaded, and lets the kernel keep OpenBLAS single-threaded while it runs its own
/// threads (so cores are not oversubscribed).
public enum BLASRuntime {
    /// Which implementation is active.
    public enum Implementation: String, Sendable {
        case openBLAS = "OpenBLAS"
        case reference = "reference BLAS (netlib)"
        case other = "other BLAS"
        case missing = "none found"
    }

    /// A description of the loaded library.
    public struct Info: Sendable {
        public var implementation: Implementation
        /// The shared object `cblas_sgemm` was found in, with symbolic links resolved.
        public var libraryPath: String
        /// The library's own configuration string (OpenBLAS: version, build, core), if it has one.
        public var configuration: String?
        /// The threads BLAS itself uses for one call.
        public var threads: Int
    }

    /// The active library, loading it if no product has yet.
    public static var info: Info {
        guard let library = Library.loaded else {
            return Info(implementation: .missing, libraryPath: Library.failure ?? "unknown", configuration: nil, threads: 0)
        }
        let path = libraryPath() ?? "unknown"
        let configuration = library.config.map { String(cString: $0()) }
        let implementation: Implementation =
            configuration != nil ? .openBLAS : (path.contains("/blas/") || path.contains("netlib") ? .reference : .other)
        return Info(implementation: implementation, libraryPath: path, configuration: configuration, threads: threads)
    }

    /// The threads BLAS uses for one call: OpenBLAS's setting, 1 for a single-threaded BLAS.
    public static var threads: Int {
        Library.loaded?.getThreads.map { Int($0()) } ?? 1
    }

    /// Sets how many threads BLAS may use per call; does nothing on a single-threaded BLAS.
    public static func setThreads(_ count: Int) {
        Library.loaded?.setThreads?(Int32(max(1, count)))
    }

    /// Throws ``BLASUnavailable`` when no BLAS library can be opened: callers about to compute
    /// matrix products (live matching, a rerank) check first, so that the user learns what to
    /// install instead of meeting a failed product deep inside the kernel.
    public static func requireLibrary() throws(BLASUnavailable) {
        guard Library.loaded != nil else { throw BLASUnavailable(reason: Library.failure ?? "unknown") }
    }

    /// `cblas_sgemm` of the loaded library; only reached after ``requireLibrary()`` succeeded.
    static var sgemm: cblas_sgemm_function {
        guard let library = Library.loaded else {
            preconditionFailure("a matrix product without a BLAS library; check BLASRuntime.requireLibrary() first")
        }
        return library.sgemm
    }

    /// Runs `body` with BLAS single-threaded, for callers that run their own threads; the previous
    /// setting returns when the last of any concurrent such sections ends.
    public static func singleThreaded<T>(_ body: () throws -> T) rethrows -> T {
        singleThreadedSections.enter()
        defer { singleThreadedSections.leave() }
        return try body()
    }

    /// Counts the single-threaded sections running, so overlapping ones restore the setting once.
    private final class Sections: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private var saved = 1

        func enter() {
            lock.withLock {
                if running == 0 {
                    saved = threads
                    setThreads(1)
                }
                running += 1
            }
        }

        func leave() {
            lock.withLock {
                running -= 1
                if running == 0 { setThreads(saved) }
            }
        }
    }

    private static let singleThreadedSections = Sections()

    /// The opened library's entry points: `cblas_sgemm`, and OpenBLAS's own where it has them.
    private struct Library: @unchecked Sendable {
        var sgemm: cblas_sgemm_function
        var config: (@convention(c) () -> UnsafePointer<CChar>)?
        var getThreads: (@convention(c) () -> Int32)?
        var setThreads: (@convention(c) (Int32) -> Void)?

        /// The names tried, in order: Debian's alternative, then the development link.
        static let names = ["libblas.so.3", "libblas.so"]

        /// The library, opened at the first use; nil when none of the names loads.
        static var loaded: Library? { opened.library }

        /// Why no library loaded, from `dlerror`; nil when one did.
        static var failure: String? { opened.library == nil ? opened.failure : nil }

        private static let opened: (library: Library?, failure: String) = open()

        private static func open() -> (library: Library?, failure: String) {
            var failure = "no name tried"
            for name in names {
                guard let handle = dlopen(name, RTLD_NOW | RTLD_GLOBAL) else {
                    failure = dlerror().map { String(cString: $0) } ?? name
                    continue
                }
                func symbol<T>(_ name: String, as type: T.Type) -> T? {
                    dlsym(handle, name).map { unsafeBitCast($0, to: type) }
                }
                guard let sgemm = symbol("cblas_sgemm", as: cblas_sgemm_function.self) else {
                    failure = "\(name) has no cblas_sgemm"
                    continue
                }
                let library = Library(
                    sgemm: sgemm,
                    config: symbol("openblas_get_config", as: (@convention(c) () -> UnsafePointer<CChar>).self),
                    getThreads: symbol("openblas_get_num_threads", as: (@convention(c) () -> Int32).self),
                    setThreads: symbol("openblas_set_num_threads", as: (@convention(c) (Int32) -> Void).self))
                return (library, "")
            }
            return (nil, failure)
        }
    }

    /// The BLAS shared object mapped into this process, from `/proc/self/maps` (read line by line
    /// with stdio: proc files report a size of 0, which whole-file readers can trip on).
    private static func libraryPath() -> String? {
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while getline(&buffer, &capacity, maps) > 0, let line = buffer.map({ String(cString: $0) }) {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = line[slash...].trimmingCharacters(in: .whitespacesAndNewlines)
            let file = path.split(separator: "/").last ?? ""
            guard file.hasPrefix("libblas") || file.hasPrefix("libopenblas") else { continue }
            guard let resolved = realpath(path, nil) else { return path }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return nil
    }
}

/// No BLAS library could be opened, so no matrix product can be computed.
public struct BLASUnavailable: Error, Equatable, CustomStringConvertible {
    /// Why opening failed, as the dynamic loader said.
    public var reason: String

    public var description: String {
        "no BLAS library could be loaded (\(reason)); install libblas3 or libopenblas0-pthread (`make deps`)"
    }
}
